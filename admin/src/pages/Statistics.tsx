// Thống kê: visits per day as a chart (with the same figures as a table), the most
// read articles, and the live figures (online now, today, all visits) from the
// siteVisitCounts subscription: they change on screen as visits come, without
// reloading. The figures loaded with the page stand in until the first live ones
// come, and stay (with the time they are from) when live updates cannot be had.
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../api";
import { graphql } from "../gql";
import { useQuery } from "../hooks";
import { formatNumber } from "../labels";
import { useSubscription, type LiveStatus } from "../live";
import { ErrorMessage, Field, Loading, Page } from "../components/ui";

const StatisticsQuery = graphql(`
  query ConsoleStatistics($from: Date!, $to: Date!) {
    site {
      statistics {
        online
        totalVisits
        today
        yesterday
        thisWeek
        thisMonth
        daily(from: $from, to: $to) {
          date
          visits
          uniqueVisitors
          articleViews
        }
        topArticles(first: 10, from: $from, to: $to) {
          views
          article {
            id
            title
          }
        }
      }
    }
  }
`);

const LiveCountsSubscription = graphql(`
  subscription ConsoleSiteVisitCounts {
    siteVisitCounts {
      online
      today
      totalVisits
    }
  }
`);

const day = (d: Date) => d.toISOString().slice(0, 10);
const clockTime = (d: Date) => d.toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

function liveNote(status: LiveStatus, since: Date | null): string {
  const at = since ? ` Số liệu lúc ${clockTime(since)}.` : "";
  switch (status.state) {
    case "connecting":
      return "Đang kết nối để cập nhật trực tiếp…";
    case "live":
      return "Cập nhật trực tiếp: số người đang truy cập (5 phút gần nhất), lượt truy cập hôm nay và tổng số thay đổi ngay khi có lượt truy cập mới.";
    case "reconnecting":
      return `Mất kết nối cập nhật trực tiếp, đang kết nối lại…${at}`;
    case "unavailable":
      return `Không cập nhật trực tiếp được (${describeError(status.error)}).${at}`;
  }
}

export function StatisticsPage() {
  const [days, setDays] = useState(30);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  const stats = useQuery(StatisticsQuery, { from: day(from), to: day(to) });
  const live = useSubscription(LiveCountsSubscription, {});
  // The page's figures, with the live ones over them once they come (and as long
  // as they may come: given up, the page's own figures are the ones to reload).
  const s = stats.data?.site.statistics;
  const unavailable = live.status.state === "unavailable";
  const counts = unavailable ? null : (live.data?.siteVisitCounts ?? null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (stats.data) setLoadedAt(new Date());
  }, [stats.data]);
  // Fewer visits today than the page loaded: a new day began while the page is
  // open, and the other figures are read again (once for a given live figure).
  const { reload } = stats;
  const reloadedFor = useRef<unknown>(null);
  useEffect(() => {
    if (!s || !counts || counts.today >= s.today || reloadedFor.current === counts) return;
    reloadedFor.current = counts;
    void reload();
  }, [counts, s, reload]);
  // Today's visits since the page was loaded also belong to this week and this month.
  const sinceLoad = s && counts && counts.today >= s.today ? counts.today - s.today : 0;
  const online = counts?.online ?? s?.online;
  const since = (counts && live.receivedAt) || loadedAt;
  return (
    <Page title="Thống kê">
      <ErrorMessage error={stats.error} />
      <dl className="stat-cards">
        <div>
          <dt>Đang truy cập</dt>
          {/* Read out when it changes, with what it counts (the region is the whole figure). */}
          <dd aria-live="polite" aria-atomic="true" className="online">
            <span className="visually-hidden">Đang truy cập: </span>
            {online !== undefined ? formatNumber(online) : "…"}
          </dd>
        </div>
        <div>
          <dt>Hôm nay</dt>
          <dd>{counts ? formatNumber(counts.today) : s ? formatNumber(s.today) : "…"}</dd>
        </div>
        <div>
          <dt>Hôm qua</dt>
          <dd>{s ? formatNumber(s.yesterday) : "…"}</dd>
        </div>
        <div>
          <dt>Tuần này</dt>
          <dd>{s ? formatNumber(s.thisWeek + sinceLoad) : "…"}</dd>
        </div>
        <div>
          <dt>Tháng này</dt>
          <dd>{s ? formatNumber(s.thisMonth + sinceLoad) : "…"}</dd>
        </div>
        <div>
          <dt>Tổng số lượt truy cập</dt>
          <dd>{counts ? formatNumber(counts.totalVisits) : s ? formatNumber(s.totalVisits) : "…"}</dd>
        </div>
      </dl>
      <p className="hint live-note" role="status">
        {liveNote(live.status, since)}
      </p>
      {unavailable ? (
        <p>
          <button type="button" onClick={() => void reload()} disabled={stats.loading}>
            Tải lại số liệu
          </button>
        </p>
      ) : null}

      <div className="filters">
        <Field label="Khoảng thời gian">
          {(props) => (
            <select {...props} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={7}>7 ngày</option>
              <option value={30}>30 ngày</option>
              <option value={90}>90 ngày</option>
              <option value={365}>365 ngày</option>
            </select>
          )}
        </Field>
      </div>
      {stats.loading && !s ? <Loading /> : null}
      {s ? (
        <>
          <section aria-labelledby="daily-title" className="panel">
            <h2 id="daily-title">Lượt truy cập theo ngày</h2>
            <VisitsChart daily={s.daily} />
            <details>
              <summary>Xem dạng bảng</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Ngày</th>
                    <th scope="col" className="num">
                      Lượt truy cập
                    </th>
                    <th scope="col" className="num">
                      Người xem
                    </th>
                    <th scope="col" className="num">
                      Lượt đọc bài
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.daily.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{d.date}</th>
                      <td className="num">{formatNumber(d.visits)}</td>
                      <td className="num">{formatNumber(d.uniqueVisitors)}</td>
                      <td className="num">{formatNumber(d.articleViews)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section aria-labelledby="top-title" className="panel">
            <h2 id="top-title">Bài đọc nhiều nhất</h2>
            {s.topArticles.length === 0 ? (
              <p>Chưa có lượt đọc trong khoảng này.</p>
            ) : (
              <ol className="top-articles">
                {s.topArticles.map((t) => (
                  <li key={t.article.id}>
                    <Link to={`/articles/${encodeURIComponent(t.article.id)}`}>{t.article.title}</Link>{" "}
                    <span className="num">{formatNumber(t.views)} lượt</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}

function VisitsChart({ daily }: { daily: Array<{ date: string; visits: number }> }) {
  const width = 720;
  const height = 220;
  const pad = { left: 48, bottom: 28, top: 12, right: 8 };
  const max = Math.max(1, ...daily.map((d) => d.visits));
  const barWidth = (width - pad.left - pad.right) / Math.max(1, daily.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const total = daily.reduce((sum, d) => sum + d.visits, 0);
  const labelEvery = Math.ceil(daily.length / 8);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Biểu đồ lượt truy cập ${daily.length} ngày, tổng ${formatNumber(total)}, cao nhất ${formatNumber(max)} một ngày`}
    >
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line className="grid" x1={pad.left} x2={width - pad.right} y1={y(max * f)} y2={y(max * f)} />
          <text className="axis" x={pad.left - 6} y={y(max * f) + 4} textAnchor="end">
            {formatNumber(Math.round(max * f))}
          </text>
        </g>
      ))}
      {daily.map((d, i) => (
        <g key={d.date}>
          <rect className="bar" x={pad.left + i * barWidth + 1} y={y(d.visits)} width={Math.max(1, barWidth - 2)} height={height - pad.bottom - y(d.visits)}>
            <title>
              {d.date}: {formatNumber(d.visits)} lượt
            </title>
          </rect>
          {i % labelEvery === 0 ? (
            <text className="axis" x={pad.left + i * barWidth + barWidth / 2} y={height - 8} textAnchor="middle">
              {d.date.slice(5)}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
