// Bài viết: every article this user may see, with filters and paging. The filters
// live in the address, so a filtered list can be bookmarked or shared.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { graphql } from "../gql";
import type { ApprovalStatus, ArticleFilter } from "../gql/graphql";
import { useUser } from "../auth";
import { useQuery } from "../hooks";
import { atLeast, ARTICLE_TYPES, formatDateTime, formatNumber, STATUS_LABEL } from "../labels";
import { ErrorMessage, Field, Loading, Page } from "../components/ui";
import { CategoriesQuery, categoryOptions } from "./shared";

const PAGE_SIZE = 20;

const ArticleListQuery = graphql(`
  query ConsoleArticles($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {
    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: UPDATED_AT, direction: DESC }) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          title
          approvalStatus
          version
          featured
          articleType
          updatedAt
          publishedAt
          viewCount
          byline
          category {
            id
            name
          }
          createdBy {
            id
            name
          }
        }
      }
    }
  }
`);

const STATUSES = Object.keys(STATUS_LABEL) as ApprovalStatus[];

/** How many accounts the author picker lists at once; a search narrows them on the server. */
const AUTHOR_CHOICES = 50;

/** ADMIN: the accounts to pick an author (người tạo) from, narrowed by name or e-mail. */
const AuthorsQuery = graphql(`
  query ConsoleAuthors($search: String, $first: Int!) {
    users(first: $first, filter: { search: $search }) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export function ArticlesPage() {
  const user = useUser();
  const canWrite = atLeast(user.role, "CONTRIBUTOR");
  const [params, setParams] = useSearchParams();
  const categories = useQuery(CategoriesQuery, {});
  // The author picker asks the server for the accounts matching what is typed, so
  // any account can be chosen however many there are.
  const [authorSearch, setAuthorSearch] = useState("");
  const [authorQuery, setAuthorQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setAuthorQuery(authorSearch.trim()), 300);
    return () => clearTimeout(timer);
  }, [authorSearch]);
  const authors = useQuery(AuthorsQuery, { search: authorQuery || null, first: AUTHOR_CHOICES }, { skip: user.role !== "ADMIN" });
  const authorChoices = (authors.data?.users.edges ?? []).map((e) => e.node).filter((a) => a.id !== user.id);

  const filter: ArticleFilter = {};
  const status = params.get("status") as ApprovalStatus | null;
  if (status && STATUSES.includes(status)) filter.approvalStatus = status;
  if (params.get("category")) filter.categoryId = params.get("category");
  if (params.get("q")) filter.search = params.get("q");
  if (params.get("type")) filter.articleType = params.get("type");
  if (params.get("featured") === "1") filter.featured = true;
  if (params.get("author")) filter.authorId = params.get("author");
  const before = params.get("before");
  const after = params.get("after");
  const list = useQuery(ArticleListQuery, before ? { filter, last: PAGE_SIZE, before } : { filter, first: PAGE_SIZE, after });

  const [draft, setDraft] = useState(() => ({
    status: params.get("status") ?? "",
    category: params.get("category") ?? "",
    q: params.get("q") ?? "",
    type: params.get("type") ?? "",
    featured: params.get("featured") === "1",
    author: params.get("author") ?? "",
  }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.status) next.set("status", draft.status);
    if (draft.category) next.set("category", draft.category);
    if (draft.q.trim()) next.set("q", draft.q.trim());
    if (draft.type.trim()) next.set("type", draft.type.trim());
    if (draft.featured) next.set("featured", "1");
    if (draft.author) next.set("author", draft.author);
    setParams(next);
  };
  const page = (key: "after" | "before", cursor: string | null | undefined) => {
    if (!cursor) return;
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(key, cursor);
    setParams(next);
  };

  const connection = list.data?.articles;
  return (
    <Page
      title="Bài viết"
      actions={
        canWrite ? (
          <Link className="button" to="/articles/new">
            Viết bài mới
          </Link>
        ) : null
      }
    >
      <form className="filters" onSubmit={apply} aria-label="Lọc bài viết">
        {canWrite ? (
          <Field label="Trạng thái">
            {(props) => (
              <select {...props} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
                <option value="">Tất cả</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
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
        <Field label="Loại bài viết">
          {(props) => (
            <>
              <input {...props} list="article-types" value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })} />
              <datalist id="article-types">
                {ARTICLE_TYPES.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {user.role === "ADMIN" ? (
          <Field
            label="Tìm tài khoản"
            hint={authors.data?.users.pageInfo.hasNextPage ? `Hiện ${AUTHOR_CHOICES} tài khoản đầu tiên: gõ tên hoặc e-mail để tìm.` : undefined}
          >
            {(props) => <input {...props} type="search" value={authorSearch} onChange={(e) => setAuthorSearch(e.target.value)} />}
          </Field>
        ) : null}
        {canWrite ? (
          <Field label="Người tạo">
            {(props) => (
              <select {...props} value={draft.author} onChange={(e) => setDraft({ ...draft, author: e.target.value })}>
                <option value="">Tất cả</option>
                <option value={user.id}>Bài của tôi</option>
                {authorChoices.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
                {draft.author && draft.author !== user.id && !authorChoices.some((a) => a.id === draft.author) ? (
                  <option value={draft.author}>(người đã chọn)</option>
                ) : null}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Tìm kiếm">
          {(props) => <input {...props} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />}
        </Field>
        <div className="field field-check">
          <input id="filter-featured" type="checkbox" checked={draft.featured} onChange={(e) => setDraft({ ...draft, featured: e.target.checked })} />
          <label htmlFor="filter-featured">Chỉ tin nổi bật</label>
        </div>
        <button type="submit">Lọc</button>
      </form>

      <ErrorMessage error={list.error} />
      {list.loading && !connection ? <Loading /> : null}
      {connection ? (
        <>
          <p className="count" role="status">
            {formatNumber(connection.totalCount)} bài viết
          </p>
          <div className="table-wrap">
            <table className="articles">
              <caption className="visually-hidden">Danh sách bài viết</caption>
              <thead>
                <tr>
                  <th scope="col">Tiêu đề</th>
                  <th scope="col">Chuyên mục</th>
                  {canWrite ? <th scope="col">Trạng thái</th> : null}
                  {canWrite ? <th scope="col">Phiên bản</th> : null}
                  <th scope="col">Tác giả</th>
                  <th scope="col">Cập nhật</th>
                  <th scope="col" className="num">
                    Lượt xem
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">
                      <Link to={`/articles/${encodeURIComponent(node.id)}`}>{node.title || "(chưa có tiêu đề)"}</Link>
                      {node.featured ? <span className="badge">Tin nổi bật</span> : null}
                    </th>
                    <td>{node.category?.name ?? "—"}</td>
                    {canWrite ? (
                      <td>
                        <span className={`status status-${node.approvalStatus.toLowerCase()}`}>{STATUS_LABEL[node.approvalStatus]}</span>
                      </td>
                    ) : null}
                    {canWrite ? <td>{node.version}</td> : null}
                    <td>{node.byline || node.createdBy?.name || "—"}</td>
                    <td>{formatDateTime(node.updatedAt)}</td>
                    <td className="num">{formatNumber(node.viewCount)}</td>
                  </tr>
                ))}
                {connection.edges.length === 0 ? (
                  <tr>
                    <td colSpan={7}>Không có bài viết nào khớp bộ lọc.</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Phân trang">
            <button
              type="button"
              className="secondary"
              disabled={!connection.pageInfo.hasPreviousPage && !after}
              onClick={() => page("before", connection.pageInfo.startCursor)}
            >
              ‹ Trang trước
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() => page("after", connection.pageInfo.endCursor)}
            >
              Trang sau ›
            </button>
          </nav>
        </>
      ) : null}
    </Page>
  );
}
