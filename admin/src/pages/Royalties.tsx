// Nhuận bút (APPROVER, ADMIN): the royalty report of a month (optionally one byline
// or one category), per-byline totals and the grand total, the articles that
// could not be priced listed apart, and the report as CSV or Excel. The royalty
// scales (bảng điểm nhuận bút): read by both, set and deleted by ADMIN.
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { request } from "../api";
import { useUser } from "../auth";
import { graphql } from "../gql";
import type { RoyaltyUnpricedReason } from "../gql/graphql";
import { useQuery } from "../hooks";
import { formatDate, formatNumber } from "../labels";
import { ErrorMessage, Field, Loading, Page, Status } from "../components/ui";
import { CategoriesQuery, categoryOptions } from "./shared";

const RoyaltyReportQuery = graphql(`
  query ConsoleRoyaltyReport($month: String!, $byline: String, $categoryId: ID) {
    royaltyReport(month: $month, byline: $byline, categoryId: $categoryId) {
      month
      articleCount
      points
      amount
      unpricedCount
      csvUrl
      xlsxUrl
      rows {
        ...ConsoleRoyaltyRow
      }
      unpriced {
        ...ConsoleRoyaltyRow
      }
      bylines {
        byline
        articleCount
        points
        amount
        unpricedCount
      }
    }
  }
`);

export const ConsoleRoyaltyRowFragment = graphql(`
  fragment ConsoleRoyaltyRow on RoyaltyRow {
    articleId
    title
    byline
    categoryName
    firstPublishedAt
    genre
    pages
    photos
    genrePoints
    pagePoints
    photoPoints
    points
    amount
    unpricedReason
  }
`);

const RoyaltyScalesQuery = graphql(`
  query ConsoleRoyaltyScales {
    royaltyScales {
      id
      validFrom
      inForce
      note
      pointValue
      photoPoints
      extraPagePoints
      genres {
        genre
        points
      }
    }
  }
`);

const SetRoyaltyScaleMutation = graphql(`
  mutation ConsoleSetRoyaltyScale($input: SetRoyaltyScaleInput!) {
    setRoyaltyScale(input: $input) {
      id
      validFrom
    }
  }
`);

const DeleteRoyaltyScaleMutation = graphql(`
  mutation ConsoleDeleteRoyaltyScale($id: ID!) {
    deleteRoyaltyScale(id: $id)
  }
`);

const UNPRICED_LABEL: Record<RoyaltyUnpricedReason, string> = {
  NO_GENRE: "Chưa ghi loại bài viết",
  GENRE_NOT_IN_SCALE: "Loại bài viết không có trong bảng điểm",
  NO_SCALE: "Chưa có bảng điểm cho tháng này",
};

const money = (n: number | null | undefined) => (n == null ? "—" : `${formatNumber(Math.round(n))} đ`);
const points = (n: number | null | undefined) => (n == null ? "—" : formatNumber(n));
const thisMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
};

export function RoyaltiesPage() {
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? thisMonth();
  const byline = params.get("byline") || null;
  const categoryId = params.get("category") || null;
  const categories = useQuery(CategoriesQuery, {});
  const report = useQuery(RoyaltyReportQuery, { month, byline, categoryId });
  const [draft, setDraft] = useState({ month, byline: byline ?? "", category: categoryId ?? "" });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.month) next.set("month", draft.month);
    if (draft.byline.trim()) next.set("byline", draft.byline.trim());
    if (draft.category) next.set("category", draft.category);
    setParams(next);
  };
  const r = report.data?.royaltyReport;
  return (
    <Page title="Nhuận bút">
      <form className="filters" onSubmit={apply} aria-label="Chọn báo cáo nhuận bút">
        <Field label="Tháng" required hint="Bài xuất bản lần đầu trong tháng này.">
          {(props) => <input {...props} type="month" value={draft.month} onChange={(e) => setDraft({ ...draft, month: e.target.value })} />}
        </Field>
        <Field label="Tác giả (bút danh)">
          {(props) => <input {...props} value={draft.byline} onChange={(e) => setDraft({ ...draft, byline: e.target.value })} />}
        </Field>
        <Field label="Chuyên mục">
          {(props) => (
            <select {...props} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
              <option value="">Tất cả</option>
              {categoryOptions(categories.data?.categories ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">Xem báo cáo</button>
      </form>
      <ErrorMessage error={report.error} />
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <section className="panel" aria-labelledby="total-title">
            <h2 id="total-title">Tổng cộng tháng {r.month.split("-").reverse().join("/")}</h2>
            <dl className="stat-cards">
              <div>
                <dt>Số bài được tính</dt>
                <dd>{formatNumber(r.articleCount)}</dd>
              </div>
              <div>
                <dt>Tổng điểm</dt>
                <dd>{points(r.points)}</dd>
              </div>
              <div>
                <dt>Thành tiền</dt>
                <dd>{money(r.amount)}</dd>
              </div>
              <div>
                <dt>Bài chưa tính được</dt>
                <dd>{formatNumber(r.unpricedCount)}</dd>
              </div>
            </dl>
            <p className="buttons">
              <a className="button secondary" href={r.csvUrl} download>
                Tải về CSV
              </a>
              <a className="button secondary" href={r.xlsxUrl} download>
                Tải về Excel (.xlsx)
              </a>
            </p>
            <p className="hint">Liên kết tải về có hiệu lực 5 phút; bấm “Xem báo cáo” để lấy liên kết mới.</p>
          </section>

          <section className="panel" aria-labelledby="bylines-title">
            <h2 id="bylines-title">Theo tác giả</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tác giả</th>
                    <th scope="col" className="num">
                      Số bài
                    </th>
                    <th scope="col" className="num">
                      Tổng điểm
                    </th>
                    <th scope="col" className="num">
                      Thành tiền
                    </th>
                    <th scope="col" className="num">
                      Chưa tính được
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.bylines.map((b) => (
                    <tr key={b.byline ?? ""}>
                      <th scope="row">{b.byline || "(không ghi tác giả)"}</th>
                      <td className="num">{formatNumber(b.articleCount)}</td>
                      <td className="num">{points(b.points)}</td>
                      <td className="num">{money(b.amount)}</td>
                      <td className="num">{formatNumber(b.unpricedCount)}</td>
                    </tr>
                  ))}
                  {r.bylines.length === 0 ? (
                    <tr>
                      <td colSpan={5}>Không có bài nào trong tháng này.</td>
                    </tr>
                  ) : null}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Tổng cộng</th>
                    <td className="num">{formatNumber(r.articleCount)}</td>
                    <td className="num">{points(r.points)}</td>
                    <td className="num">{money(r.amount)}</td>
                    <td className="num">{formatNumber(r.unpricedCount)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="rows-title">
            <h2 id="rows-title">Chi tiết bài viết</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Tiêu đề</th>
                    <th scope="col">Tác giả</th>
                    <th scope="col">Chuyên mục</th>
                    <th scope="col">Ngày xuất bản</th>
                    <th scope="col">Loại bài viết</th>
                    <th scope="col" className="num">
                      Số Trang
                    </th>
                    <th scope="col" className="num">
                      Số Ảnh
                    </th>
                    <th scope="col" className="num">
                      Điểm
                    </th>
                    <th scope="col" className="num">
                      Thành tiền
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.rows.map((row) => (
                    <tr key={row.articleId}>
                      <th scope="row">{row.title}</th>
                      <td>{row.byline ?? "—"}</td>
                      <td>{row.categoryName ?? "—"}</td>
                      <td>{formatDate(row.firstPublishedAt)}</td>
                      <td>{row.genre ?? "—"}</td>
                      <td className="num">{row.pages ?? "—"}</td>
                      <td className="num">{row.photos}</td>
                      <td className="num">{points(row.points)}</td>
                      <td className="num">{money(row.amount)}</td>
                    </tr>
                  ))}
                  {r.rows.length === 0 ? (
                    <tr>
                      <td colSpan={9}>Không có bài nào được tính nhuận bút.</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="unpriced-title">
            <h2 id="unpriced-title">Chưa tính được nhuận bút ({formatNumber(r.unpriced.length)})</h2>
            <p className="hint">Bài chưa ghi loại bài viết, hoặc loại bài viết không có trong bảng điểm: sửa bài hoặc bổ sung bảng điểm rồi xem lại.</p>
            {r.unpriced.length === 0 ? (
              <p>Mọi bài trong tháng đều đã tính được.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Tiêu đề</th>
                      <th scope="col">Tác giả</th>
                      <th scope="col">Loại bài viết</th>
                      <th scope="col">Lý do</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.unpriced.map((row) => (
                      <tr key={row.articleId}>
                        <th scope="row">{row.title}</th>
                        <td>{row.byline ?? "—"}</td>
                        <td>{row.genre ?? "—"}</td>
                        <td>{row.unpricedReason ? UNPRICED_LABEL[row.unpricedReason] : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}

interface GenreRow {
  genre: string;
  points: string;
}

export function RoyaltyScalesPage() {
  const user = useUser();
  const isAdmin = user.role === "ADMIN";
  const scales = useQuery(RoyaltyScalesQuery, {});
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const latest = scales.data?.royaltyScales[0];
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  const [form, setForm] = useState<{
    validFrom: string;
    pointValue: string;
    photoPoints: string;
    extraPagePoints: string;
    note: string;
    genres: GenreRow[];
  } | null>(null);
  const startForm = () =>
    setForm({
      validFrom: today,
      pointValue: String(latest?.pointValue ?? ""),
      photoPoints: String(latest?.photoPoints ?? ""),
      extraPagePoints: String(latest?.extraPagePoints ?? ""),
      note: "",
      genres: latest?.genres.map((g) => ({ genre: g.genre, points: String(g.points) })) ?? [{ genre: "Tin", points: "" }],
    });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setError(null);
    setMessage("");
    try {
      await request(SetRoyaltyScaleMutation, {
        input: {
          validFrom: form.validFrom,
          pointValue: Number(form.pointValue),
          photoPoints: Number(form.photoPoints),
          extraPagePoints: Number(form.extraPagePoints),
          note: form.note.trim() || null,
          genres: form.genres.filter((g) => g.genre.trim()).map((g) => ({ genre: g.genre.trim(), points: Number(g.points) })),
        },
      });
      setMessage(`Đã lưu bảng điểm áp dụng từ ${form.validFrom}.`);
      setForm(null);
      await scales.reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (id: string, validFrom: string) => {
    if (!window.confirm(`Xóa bảng điểm áp dụng từ ${validFrom}?`)) return;
    setError(null);
    setMessage("");
    try {
      await request(DeleteRoyaltyScaleMutation, { id });
      setMessage(`Đã xóa bảng điểm áp dụng từ ${validFrom}.`);
      await scales.reload();
    } catch (e) {
      setError(e);
    }
  };
  const setGenre = (i: number, patch: Partial<GenreRow>) => form && setForm({ ...form, genres: form.genres.map((g, j) => (j === i ? { ...g, ...patch } : g)) });

  return (
    <Page
      title="Bảng điểm nhuận bút"
      actions={
        isAdmin && !form ? (
          <button type="button" onClick={startForm}>
            Đặt bảng điểm mới
          </button>
        ) : null
      }
    >
      <p className="hint">Mỗi bảng điểm áp dụng từ một ngày; bảng đã có hiệu lực không bao giờ thay đổi, nên nhuận bút các tháng đã qua giữ nguyên.</p>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error ?? scales.error} />
      {isAdmin && form ? (
        <form className="panel narrow" onSubmit={save} aria-labelledby="scale-form-title">
          <h2 id="scale-form-title">Bảng điểm mới</h2>
          <Field label="Áp dụng từ ngày" required hint="Hôm nay hoặc một ngày sau; bảng chưa có hiệu lực cùng ngày sẽ được thay.">
            {(props) => <input {...props} type="date" min={today} value={form.validFrom} onChange={(e) => setForm({ ...form, validFrom: e.target.value })} />}
          </Field>
          <Field label="Giá trị một điểm (đồng)" required>
            {(props) => (
              <input {...props} type="number" min={0} step={1} value={form.pointValue} onChange={(e) => setForm({ ...form, pointValue: e.target.value })} />
            )}
          </Field>
          <Field label="Điểm mỗi ảnh" required>
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                step={0.01}
                value={form.photoPoints}
                onChange={(e) => setForm({ ...form, photoPoints: e.target.value })}
              />
            )}
          </Field>
          <Field label="Điểm mỗi trang từ trang thứ hai" required>
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                step={0.01}
                value={form.extraPagePoints}
                onChange={(e) => setForm({ ...form, extraPagePoints: e.target.value })}
              />
            )}
          </Field>
          <fieldset>
            <legend>Điểm theo loại bài viết</legend>
            {form.genres.map((g, i) => (
              <div className="upload-row" key={i}>
                <Field label={`Loại bài viết ${i + 1}`}>
                  {(props) => <input {...props} value={g.genre} onChange={(e) => setGenre(i, { genre: e.target.value })} />}
                </Field>
                <Field label={`Điểm của loại ${i + 1}`}>
                  {(props) => <input {...props} type="number" min={0} step={0.01} value={g.points} onChange={(e) => setGenre(i, { points: e.target.value })} />}
                </Field>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setForm({ ...form, genres: form.genres.filter((_, j) => j !== i) })}
                  aria-label={`Bỏ loại ${g.genre || i + 1}`}
                >
                  Bỏ
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => setForm({ ...form, genres: [...form.genres, { genre: "", points: "" }] })}>
              Thêm loại bài viết
            </button>
          </fieldset>
          <Field label="Ghi chú" hint="Ví dụ: số quyết định ban hành bảng điểm.">
            {(props) => <input {...props} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}
          </Field>
          <div className="buttons">
            <button type="submit">Lưu bảng điểm</button>
            <button type="button" className="secondary" onClick={() => setForm(null)}>
              Hủy
            </button>
          </div>
        </form>
      ) : null}
      {scales.loading && !scales.data ? <Loading /> : null}
      {scales.data?.royaltyScales.length === 0 ? <p>Chưa có bảng điểm nào.</p> : null}
      {scales.data?.royaltyScales.map((s) => (
        <section key={s.id} className="panel" aria-labelledby={`scale-${s.id}`}>
          <h2 id={`scale-${s.id}`}>
            Áp dụng từ {formatDate(`${s.validFrom}T00:00:00`)}{" "}
            {s.inForce ? <span className="badge">Đang có hiệu lực</span> : <span className="badge">Chưa có hiệu lực</span>}
          </h2>
          {s.note ? <p>{s.note}</p> : null}
          <dl className="facts">
            <dt>Giá trị một điểm</dt>
            <dd>{money(s.pointValue)}</dd>
            <dt>Điểm mỗi ảnh</dt>
            <dd>{points(s.photoPoints)}</dd>
            <dt>Điểm mỗi trang từ trang thứ hai</dt>
            <dd>{points(s.extraPagePoints)}</dd>
          </dl>
          <table>
            <caption className="visually-hidden">Điểm theo loại bài viết, bảng áp dụng từ {s.validFrom}</caption>
            <thead>
              <tr>
                <th scope="col">Loại bài viết</th>
                <th scope="col" className="num">
                  Điểm
                </th>
              </tr>
            </thead>
            <tbody>
              {s.genres.map((g) => (
                <tr key={g.genre}>
                  <th scope="row">{g.genre}</th>
                  <td className="num">{points(g.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {isAdmin && !s.inForce ? (
            <button type="button" className="danger" onClick={() => void remove(s.id, s.validFrom)}>
              Xóa bảng điểm này
            </button>
          ) : null}
        </section>
      ))}
    </Page>
  );
}
