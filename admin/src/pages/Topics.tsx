// Dòng sự kiện (EDITOR and above): the topics, with search and paging; adding,
// renaming and describing, deleting (its articles stay and lose it).
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { request } from "../api";
import { graphql } from "../gql";
import { useQuery } from "../hooks";
import { formatNumber } from "../labels";
import { Dialog, ErrorMessage, Field, Loading, Page, Status } from "../components/ui";

const PAGE_SIZE = 20;

export const TopicsQuery = graphql(`
  query ConsoleTopics($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    topics(search: $search, first: $first, after: $after, last: $last, before: $before) {
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
          name
          slug
          description
          articleCount
        }
      }
    }
  }
`);

const CreateTopicMutation = graphql(`
  mutation ConsoleCreateTopic($input: CreateTopicInput!) {
    createTopic(input: $input) {
      id
      name
    }
  }
`);

const UpdateTopicMutation = graphql(`
  mutation ConsoleUpdateTopic($input: UpdateTopicInput!) {
    updateTopic(input: $input) {
      id
      name
      slug
      description
    }
  }
`);

const DeleteTopicMutation = graphql(`
  mutation ConsoleDeleteTopic($id: ID!) {
    deleteTopic(id: $id) {
      id
    }
  }
`);

interface TopicRow {
  id: string;
  name: string;
  slug: string;
  description?: string | null;
}

export function TopicsPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get("q");
  const before = params.get("before");
  const after = params.get("after");
  const list = useQuery(TopicsQuery, before ? { search, last: PAGE_SIZE, before } : { search, first: PAGE_SIZE, after });
  const [q, setQ] = useState(search ?? "");
  const [editing, setEditing] = useState<TopicRow | "new" | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);

  const page = (key: "after" | "before", cursor: string | null | undefined) => {
    if (!cursor) return;
    const next = new URLSearchParams(params);
    next.delete("after");
    next.delete("before");
    next.set(key, cursor);
    setParams(next);
  };
  const remove = async (topic: TopicRow) => {
    if (!window.confirm(`Xóa dòng sự kiện “${topic.name}”? Các bài viết vẫn còn, chỉ không thuộc dòng sự kiện này nữa.`)) return;
    setError(null);
    setMessage("");
    try {
      await request(DeleteTopicMutation, { id: topic.id });
      setMessage(`Đã xóa dòng sự kiện “${topic.name}”.`);
      await list.reload();
    } catch (e) {
      setError(e);
    }
  };

  const connection = list.data?.topics;
  return (
    <Page
      title="Dòng sự kiện"
      actions={
        <button type="button" onClick={() => setEditing("new")}>
          Thêm dòng sự kiện
        </button>
      }
    >
      <form
        className="filters"
        aria-label="Tìm dòng sự kiện"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(q.trim() ? { q: q.trim() } : {});
        }}
      >
        <Field label="Tìm theo tên">{(props) => <input {...props} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}</Field>
        <button type="submit">Tìm</button>
      </form>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error ?? list.error} />
      {list.loading && !connection ? <Loading /> : null}
      {connection ? (
        <>
          <p className="count" role="status">
            {formatNumber(connection.totalCount)} dòng sự kiện
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Danh sách dòng sự kiện</caption>
              <thead>
                <tr>
                  <th scope="col">Tên</th>
                  <th scope="col">Đường dẫn</th>
                  <th scope="col">Mô tả</th>
                  <th scope="col" className="num">
                    Số bài
                  </th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">{node.name}</th>
                    <td>{node.slug}</td>
                    <td>{node.description ?? "—"}</td>
                    <td className="num">{formatNumber(node.articleCount)}</td>
                    <td>
                      <div className="buttons">
                        <button type="button" className="secondary" onClick={() => setEditing(node)} aria-label={`Sửa “${node.name}”`}>
                          Sửa
                        </button>
                        <button type="button" className="danger" onClick={() => void remove(node)} aria-label={`Xóa “${node.name}”`}>
                          Xóa
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
                {connection.edges.length === 0 ? (
                  <tr>
                    <td colSpan={5}>Chưa có dòng sự kiện nào.</td>
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
      <Dialog open={editing !== null} title={editing === "new" ? "Thêm dòng sự kiện" : editing ? `Sửa “${editing.name}”` : ""} onClose={() => setEditing(null)}>
        {editing ? (
          <TopicForm
            key={editing === "new" ? "new" : editing.id}
            topic={editing === "new" ? null : editing}
            onCancel={() => setEditing(null)}
            onDone={async (text) => {
              setEditing(null);
              setError(null);
              setMessage(text);
              await list.reload();
            }}
          />
        ) : null}
      </Dialog>
    </Page>
  );
}

function TopicForm({ topic, onCancel, onDone }: { topic: TopicRow | null; onCancel: () => void; onDone: (message: string) => Promise<void> }) {
  const [values, setValues] = useState({ name: topic?.name ?? "", slug: topic?.slug ?? "", description: topic?.description ?? "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const name = values.name.trim();
    const slug = values.slug.trim();
    try {
      if (topic) {
        await request(UpdateTopicMutation, {
          input: { id: topic.id, name, description: values.description.trim() || null, ...(slug && slug !== topic.slug ? { slug } : {}) },
        });
        await onDone(`Đã lưu dòng sự kiện “${name}”.`);
      } else {
        await request(CreateTopicMutation, { input: { name, description: values.description.trim() || null, ...(slug ? { slug } : {}) } });
        await onDone(`Đã thêm dòng sự kiện “${name}”.`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <ErrorMessage error={error} />
      <Field label="Tên dòng sự kiện" required>
        {(props) => <input {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field label="Đường dẫn" hint="Để trống để tạo tự động từ tên.">
        {(props) => <input {...props} value={values.slug} onChange={(e) => setValues({ ...values, slug: e.target.value })} />}
      </Field>
      <Field label="Mô tả">
        {(props) => <textarea {...props} rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} />}
      </Field>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          {topic ? "Lưu" : "Thêm"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
