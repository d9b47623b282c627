// Phê duyệt: the queue of versions waiting for a decision (oldest first), and the
// review of one: the article as readers would see it, what changed since the
// published version, and approve or reject with a comment.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { request } from "../api";
import { graphql } from "../gql";
import type { ConsoleArticleApprovalsFragment, ConsoleArticleFieldsFragment } from "../gql/graphql";
import { useQuery } from "../hooks";
import { fieldLabel, formatDateTime, formatNumber } from "../labels";
import { ErrorMessage, Field, Loading, Page, Status } from "../components/ui";
import { ArticlePreview } from "../components/ArticlePreview";
import { ArticleForEditQuery, CompareQuery, htmlToText } from "./articleData";

const QueueQuery = graphql(`
  query ConsoleApprovalQueue($first: Int!, $after: String) {
    articles(first: $first, after: $after, filter: { approvalStatus: PENDING }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          version
          updatedAt
          byline
          category {
            id
            name
          }
          updatedBy {
            id
            name
          }
          versions(first: 1) {
            edges {
              node {
                label
                comment
              }
            }
          }
        }
      }
    }
  }
`);

const ApproveMutation = graphql(`
  mutation ConsoleApproveArticle($id: ID!, $comment: String) {
    approveArticle(id: $id, comment: $comment) {
      id
      title
      approvalStatus
      version
      publishedAt
    }
  }
`);

const RejectMutation = graphql(`
  mutation ConsoleRejectArticle($id: ID!, $comment: String!) {
    rejectArticle(id: $id, comment: $comment) {
      id
      title
      approvalStatus
      version
    }
  }
`);

const LAST_DECISION_KEY = "portal-console:last-decision";

export function ApprovalQueuePage() {
  const [after, setAfter] = useState<string | null>(null);
  const queue = useQuery(QueueQuery, { first: 50, after });
  const [last] = useState(() => {
    const text = sessionStorage.getItem(LAST_DECISION_KEY);
    sessionStorage.removeItem(LAST_DECISION_KEY);
    return text;
  });
  const connection = queue.data?.articles;
  return (
    <Page title="Phê duyệt">
      <Status tone="success">{last}</Status>
      <ErrorMessage error={queue.error} />
      {queue.loading && !connection ? <Loading /> : null}
      {connection ? (
        <>
          <p className="count" role="status">
            {formatNumber(connection.totalCount)} bài viết chờ phê duyệt
          </p>
          {connection.edges.length === 0 ? (
            <p>Không có bài viết nào chờ phê duyệt.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Bài viết chờ phê duyệt, cũ nhất trước</caption>
                <thead>
                  <tr>
                    <th scope="col">Tiêu đề</th>
                    <th scope="col">Chuyên mục</th>
                    <th scope="col">Phiên bản</th>
                    <th scope="col">Người gửi</th>
                    <th scope="col">Gửi lúc</th>
                    <th scope="col">Lời nhắn</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <th scope="row">
                        <Link to={`/approvals/${encodeURIComponent(node.id)}`}>{node.title}</Link>
                      </th>
                      <td>{node.category?.name ?? "—"}</td>
                      <td>{node.version}</td>
                      <td>{node.updatedBy?.name ?? node.byline ?? "—"}</td>
                      <td>{formatDateTime(node.updatedAt)}</td>
                      <td>{node.versions.edges[0]?.node.comment ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button type="button" className="secondary" onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
              Trang sau ›
            </button>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

export function ReviewPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const query = useQuery(ArticleForEditQuery, { id });
  const article = query.data?.node && "id" in query.data.node ? (query.data.node as ConsoleArticleFieldsFragment & ConsoleArticleApprovalsFragment) : null;
  const published = article?.approvals.find((a) => a.decision === "APPROVED")?.version ?? null;
  const changes = useQuery(CompareQuery, { id, from: published ?? "", to: article?.version ?? "" }, { skip: !article || !published });
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [commentError, setCommentError] = useState("");

  if (query.loading && !article) return <Loading />;
  if (!article)
    return (
      <Page title="Phê duyệt">
        <ErrorMessage error={query.error} />
        {!query.error ? <p>Không tìm thấy bài viết.</p> : null}
      </Page>
    );

  const decide = async (decision: "approve" | "reject", event?: FormEvent) => {
    event?.preventDefault();
    if (decision === "reject" && !comment.trim()) {
      setCommentError("Hãy ghi lý do từ chối để người viết sửa.");
      document.querySelector<HTMLTextAreaElement>(".decision textarea")?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (decision === "approve") {
        const { approveArticle } = await request(ApproveMutation, { id: article.id, comment: comment.trim() || null });
        sessionStorage.setItem(
          LAST_DECISION_KEY,
          approveArticle.approvalStatus === "SCHEDULED"
            ? `Đã phê duyệt “${approveArticle.title}” (phiên bản ${approveArticle.version}); bài sẽ xuất bản theo lịch.`
            : `Đã phê duyệt và xuất bản “${approveArticle.title}” (phiên bản ${approveArticle.version}).`,
        );
      } else {
        const { rejectArticle } = await request(RejectMutation, { id: article.id, comment: comment.trim() });
        sessionStorage.setItem(LAST_DECISION_KEY, `Đã từ chối “${rejectArticle.title}” (phiên bản ${rejectArticle.version}).`);
      }
      navigate("/approvals");
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const list = changes.data?.node && "compareVersions" in changes.data.node ? changes.data.node.compareVersions : [];
  const submitted = article.approvalStatus === "PENDING";
  return (
    <Page title={`Phê duyệt: ${article.title}`} actions={<Link to={`/articles/${encodeURIComponent(article.id)}/history`}>Lịch sử phiên bản</Link>}>
      <p className="meta">
        Phiên bản {article.version} · {article.updatedBy ? `gửi bởi ${article.updatedBy.name}` : ""} · {formatDateTime(article.updatedAt)}
      </p>
      {!submitted ? <Status tone="warning">Bài viết này không còn chờ phê duyệt.</Status> : null}
      <ErrorMessage error={error} />
      {published ? (
        <section className="panel" aria-labelledby="changes-title">
          <h2 id="changes-title">Thay đổi so với bản đang xuất bản ({published})</h2>
          {list.length === 0 ? (
            <p>Không có thay đổi nội dung.</p>
          ) : (
            <ul>
              {list.map((c) => (
                <li key={c.field}>
                  <strong>{fieldLabel(c.field)}</strong>
                  {c.field === "body" ? "" : `: ${htmlToText(c.before) || "(trống)"} → ${htmlToText(c.after) || "(trống)"}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <p>Bài viết mới, chưa từng xuất bản.</p>
      )}
      {submitted ? (
        <form className="decision panel" onSubmit={(e) => void decide("approve", e)} aria-busy={busy}>
          <h2>Quyết định</h2>
          <Field label="Ý kiến" hint="Bắt buộc khi từ chối: người viết sẽ thấy ý kiến này." error={commentError}>
            {(props) => <textarea {...props} rows={3} value={comment} onChange={(e) => (setComment(e.target.value), setCommentError(""))} />}
          </Field>
          <div className="buttons">
            <button type="submit" disabled={busy}>
              Phê duyệt
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void decide("reject")}>
              Từ chối
            </button>
          </div>
        </form>
      ) : null}
      <ArticlePreview article={article} />
    </Page>
  );
}
