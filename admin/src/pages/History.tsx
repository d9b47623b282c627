// Lịch sử phiên bản: every version, newest first, with who, when, comment and the
// fields it changed; any two side by side (word-level differences marked); restore
// one as a new draft.
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { diffWords } from "diff";
import { request } from "../api";
import { graphql } from "../gql";
import type { ConsoleHistoryQuery } from "../gql/graphql";
import { useUser } from "../auth";
import { useQuery } from "../hooks";
import { atLeast, fieldLabel, formatDateTime, STATUS_LABEL } from "../labels";
import { ErrorMessage, Loading, Page, Status } from "../components/ui";
import { htmlToText } from "./articleData";

const HistoryQuery = graphql(`
  query ConsoleHistory($id: ID!) {
    node(id: $id) {
      ... on Article {
        id
        title
        version
        approvalStatus
        createdBy {
          id
        }
        versions(first: 50) {
          totalCount
          edges {
            node {
              label
              isMajor
              approvalStatus
              comment
              createdAt
              createdBy {
                id
                name
              }
              changedFields
              title
              summary
              body
              alternateUrl
              publishAt
              expireAt
              featured
              byline
              articleType
              pageCount
              photoCount
              category {
                id
                name
              }
              coverImage {
                id
                fileName
                url
              }
            }
          }
        }
        approvals {
          decision
          comment
          decidedAt
          version
          decidedBy {
            id
            name
          }
        }
      }
    }
  }
`);

const RestoreMutation = graphql(`
  mutation ConsoleRestoreVersion($id: ID!, $version: String!) {
    restoreArticleVersion(id: $id, version: $version) {
      id
      version
    }
  }
`);

type HistoryArticle = Extract<NonNullable<ConsoleHistoryQuery["node"]>, { versions: unknown }>;
type Version = HistoryArticle["versions"]["edges"][number]["node"];

const COMPARED: Array<{ field: string; text(v: Version): string }> = [
  { field: "title", text: (v) => v.title },
  { field: "summary", text: (v) => v.summary ?? "" },
  { field: "body", text: (v) => htmlToText(v.body) },
  { field: "category", text: (v) => v.category?.name ?? "" },
  { field: "articleType", text: (v) => v.articleType ?? "" },
  { field: "byline", text: (v) => v.byline ?? "" },
  { field: "featured", text: (v) => (v.featured ? "Có" : "Không") },
  { field: "publishAt", text: (v) => (v.publishAt ? formatDateTime(v.publishAt) : "") },
  { field: "expireAt", text: (v) => (v.expireAt ? formatDateTime(v.expireAt) : "") },
  { field: "pageCount", text: (v) => (v.pageCount == null ? "" : String(v.pageCount)) },
  { field: "photoCount", text: (v) => String(v.photoCount) },
  { field: "coverImage", text: (v) => v.coverImage?.fileName ?? "" },
  { field: "alternateUrl", text: (v) => v.alternateUrl ?? "" },
];

export function HistoryPage() {
  const { id = "" } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const query = useQuery(HistoryQuery, { id });
  const article = query.data?.node && "versions" in query.data.node ? (query.data.node as HistoryArticle) : null;
  const versions = useMemo(() => article?.versions.edges.map((e) => e.node) ?? [], [article]);
  const [left, setLeft] = useState<string | null>(null);
  const [right, setRight] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (query.loading && !article) return <Loading />;
  if (!article)
    return (
      <Page title="Lịch sử phiên bản">
        <ErrorMessage error={query.error} />
      </Page>
    );

  const a = versions.find((v) => v.label === (left ?? versions[1]?.label ?? versions[0]?.label));
  const b = versions.find((v) => v.label === (right ?? versions[0]?.label));
  const canRestore = atLeast(user.role, "EDITOR") || article.createdBy?.id === user.id;

  const restore = async (label: string) => {
    if (!window.confirm(`Khôi phục phiên bản ${label}? Một bản nháp mới có nội dung của phiên bản này sẽ được tạo.`)) return;
    setBusy(true);
    setError(null);
    try {
      await request(RestoreMutation, { id: article.id, version: label });
      navigate(`/articles/${encodeURIComponent(article.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Page title={`Lịch sử phiên bản: ${article.title}`} actions={<Link to={`/articles/${encodeURIComponent(article.id)}`}>Quay lại bài viết</Link>}>
      <ErrorMessage error={error} />
      <div className="table-wrap">
        <table className="versions">
          <caption>
            {article.versions.totalCount > versions.length
              ? `${versions.length} phiên bản mới nhất trong số ${article.versions.totalCount}. `
              : `${article.versions.totalCount} phiên bản, mới nhất trước. `}
            Chọn hai phiên bản để so sánh.
          </caption>
          <thead>
            <tr>
              <th scope="col">Phiên bản</th>
              <th scope="col">So sánh A</th>
              <th scope="col">So sánh B</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Người sửa</th>
              <th scope="col">Thời gian</th>
              <th scope="col">Ghi chú</th>
              <th scope="col">Trường đã đổi</th>
              {canRestore ? <th scope="col">Khôi phục</th> : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const decisions = article.approvals.filter((d) => d.version === v.label);
              return (
                <tr key={v.label} className={v.isMajor ? "major" : undefined}>
                  <th scope="row">{v.label}</th>
                  <td>
                    <input
                      type="radio"
                      name="left"
                      aria-label={`Phiên bản ${v.label} làm bản A`}
                      checked={a?.label === v.label}
                      onChange={() => setLeft(v.label)}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="right"
                      aria-label={`Phiên bản ${v.label} làm bản B`}
                      checked={b?.label === v.label}
                      onChange={() => setRight(v.label)}
                    />
                  </td>
                  <td>{STATUS_LABEL[v.approvalStatus]}</td>
                  <td>{v.createdBy?.name ?? "—"}</td>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td className="pre">
                    {v.comment ?? ""}
                    {decisions.map((d, i) => (
                      <p key={i} className="decision-note">
                        {d.decision === "APPROVED" ? "Phê duyệt" : "Từ chối"} bởi {d.decidedBy?.name ?? "—"}
                        {d.comment ? `: ${d.comment}` : ""}
                      </p>
                    ))}
                  </td>
                  <td>{v.changedFields.map(fieldLabel).join(", ")}</td>
                  {canRestore ? (
                    <td>
                      {v.label !== article.version ? (
                        <button type="button" className="secondary small" disabled={busy} onClick={() => void restore(v.label)}>
                          Khôi phục {v.label}
                        </button>
                      ) : (
                        <span>Hiện tại</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {a && b ? <Compare a={a} b={b} /> : <Status>Cần ít nhất một phiên bản.</Status>}
    </Page>
  );
}

function Compare({ a, b }: { a: Version; b: Version }) {
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">
        So sánh phiên bản {a.label} và {b.label}
      </h2>
      <p className="legend">
        <del>Chữ bị bỏ</del> · <ins>Chữ thêm vào</ins>
      </p>
      <table className="side-by-side">
        <thead>
          <tr>
            <th scope="col">Trường</th>
            <th scope="col">Phiên bản {a.label}</th>
            <th scope="col">Phiên bản {b.label}</th>
          </tr>
        </thead>
        <tbody>
          {COMPARED.map(({ field, text }) => {
            const before = text(a);
            const after = text(b);
            const changed = before !== after;
            const parts = changed ? diffWords(before, after) : null;
            return (
              <tr key={field} className={changed ? "changed" : undefined}>
                <th scope="row">
                  {fieldLabel(field)}
                  {changed ? <span className="visually-hidden"> (khác nhau)</span> : null}
                </th>
                <td className="pre">
                  {parts
                    ? parts.filter((p) => !p.added).map((p, i) => (p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))
                    : before || "—"}
                </td>
                <td className="pre">
                  {parts
                    ? parts.filter((p) => !p.removed).map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))
                    : after || "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
