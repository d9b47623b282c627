// Thống kê: visits per day as a chart (with the same figures as a table), the most
// read articles, and the number of visitors online now, refreshed while the page is open.
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { useQuery } from "../hooks";
import { formatNumber } from "../labels";
import { ErrorMessage, Field, Loading, Page } from "../components/ui";

const StatisticsQuery = graphql(`
  query ConsoleStatistics($from: Date!, $to: Date!) {
    site {
      statistics {
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

const OnlineQuery = graphql(`
  query ConsoleOnline {
    site {
      statistics {
        online
      }
    }
  }
`);

const ONLINE_REFRESH_MS = 10_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

export function StatisticsPage() {
  const [days, setDays] = useState(30);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  const stats = useQuery(StatisticsQuery, { from: day(from), to: day(to) });
  const online = useQuery(OnlineQuery, {});
  const { reload } = online;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, ONLINE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const s = stats.data?.site.statistics;
  return (
    <Page title="Thống kê">
      <ErrorMessage error={stats.error} />
      <dl className="stat-cards">
        <div>
          <dt>Đang trực tuyến</dt>
          <dd aria-live="polite" className="online">
            {online.data ? formatNumber(online.data.site.statistics.online) : "…"}
          </dd>
        </div>
        <div>
          <dt>Hôm nay</dt>
          <dd>{s ? formatNumber(s.today) : "…"}</dd>
        </div>
        <div>
          <dt>Hôm qua</dt>
          <dd>{s ? formatNumber(s.yesterday) : "…"}</dd>
        </div>
        <div>
          <dt>Tuần này</dt>
          <dd>{s ? formatNumber(s.thisWeek) : "…"}</dd>
        </div>
        <div>
          <dt>Tháng này</dt>
          <dd>{s ? formatNumber(s.thisMonth) : "…"}</dd>
        </div>
        <div>
          <dt>Tổng số lượt truy cập</dt>
          <dd>{s ? formatNumber(s.totalVisits) : "…"}</dd>
        </div>
      </dl>
      <p className="hint">Số người đang trực tuyến (5 phút gần nhất) tự cập nhật mỗi 10 giây.</p>

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
