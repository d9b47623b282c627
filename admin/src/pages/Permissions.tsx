// Phân quyền (ADMIN): an article inherits the site roles until its inheritance is
// broken; then only its own grants count, and it may be hidden from the public.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { request } from "../api";
import { graphql } from "../gql";
import type { Role } from "../gql/graphql";
import { useQuery } from "../hooks";
import { ROLE_LABEL, ROLES } from "../labels";
import { ErrorMessage, Field, Loading, Page, Status } from "../components/ui";

const PermissionsQuery = graphql(`
  query ConsolePermissions($id: ID!) {
    node(id: $id) {
      ... on Article {
        id
        title
        inheritsPermissions
        permissions {
          public
          grants {
            role
            user {
              id
              name
              email
            }
          }
        }
      }
    }
  }
`);

const SetPermissionsMutation = graphql(`
  mutation ConsoleSetPermissions($input: SetArticlePermissionsInput!) {
    setArticlePermissions(input: $input) {
      id
      inheritsPermissions
      permissions {
        public
        grants {
          role
          user {
            id
            name
            email
          }
        }
      }
    }
  }
`);

interface Grant {
  userId: string;
  name: string;
  role: Role;
}

export function PermissionsPage() {
  const { id = "" } = useParams();
  const query = useQuery(PermissionsQuery, { id });
  const article = query.data?.node && "inheritsPermissions" in query.data.node ? query.data.node : null;
  const [inherit, setInherit] = useState(true);
  const [isPublic, setPublic] = useState(true);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [newUser, setNewUser] = useState("");
  const [newRole, setNewRole] = useState<Role>("READER");
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!article) return;
    setInherit(article.inheritsPermissions);
    setPublic(article.permissions?.public ?? true);
    setGrants(article.permissions?.grants.map((g) => ({ userId: g.user.id, name: g.user.name, role: g.role })) ?? []);
  }, [article]);

  if (query.loading && !article) return <Loading />;
  if (!article)
    return (
      <Page title="Phân quyền">
        <ErrorMessage error={query.error} />
      </Page>
    );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      await request(SetPermissionsMutation, {
        input: inherit
          ? { articleId: article.id, inherit: true }
          : { articleId: article.id, inherit: false, public: isPublic, grants: grants.map((g) => ({ userId: g.userId, role: g.role })) },
      });
      await query.reload();
      setMessage("Đã lưu phân quyền.");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={`Phân quyền: ${article.title}`} actions={<Link to={`/articles/${encodeURIComponent(article.id)}`}>Quay lại bài viết</Link>}>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error} />
      <form onSubmit={save} className="panel" aria-busy={busy}>
        <div className="field field-check">
          <input id="inherit" type="checkbox" checked={inherit} onChange={(e) => setInherit(e.target.checked)} />
          <label htmlFor="inherit">Kế thừa quyền của trang (vai trò của mỗi tài khoản)</label>
        </div>
        <fieldset disabled={inherit}>
          <legend>Quyền riêng của bài viết</legend>
          <div className="field field-check">
            <input id="public" type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
            <label htmlFor="public">Công khai cho người đọc không đăng nhập</label>
          </div>
          <table>
            <caption>Người được cấp quyền</caption>
            <thead>
              <tr>
                <th scope="col">Người dùng</th>
                <th scope="col">Quyền</th>
                <th scope="col">Bỏ</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g, i) => (
                <tr key={g.userId}>
                  <th scope="row">{g.name}</th>
                  <td>
                    <select
                      aria-label={`Quyền của ${g.name}`}
                      value={g.role}
                      onChange={(e) => setGrants(grants.map((x, j) => (j === i ? { ...x, role: e.target.value as Role } : x)))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="secondary small" onClick={() => setGrants(grants.filter((_, j) => j !== i))}>
                      Bỏ quyền của {g.name}
                    </button>
                  </td>
                </tr>
              ))}
              {grants.length === 0 ? (
                <tr>
                  <td colSpan={3}>Chưa cấp quyền cho ai (chỉ quản trị viên làm việc được với bài này).</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <div className="upload-row">
            <Field label="Mã người dùng (ID)" hint="Mã tài khoản như API trả về (User.id).">
              {(props) => <input {...props} value={newUser} onChange={(e) => setNewUser(e.target.value)} />}
            </Field>
            <Field label="Quyền">
              {(props) => (
                <select {...props} value={newRole} onChange={(e) => setNewRole(e.target.value as Role)}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="secondary"
              disabled={!newUser.trim()}
              onClick={() => {
                const userId = newUser.trim();
                if (!grants.some((g) => g.userId === userId)) setGrants([...grants, { userId, name: userId, role: newRole }]);
                setNewUser("");
              }}
            >
              Thêm quyền
            </button>
          </div>
        </fieldset>
        <button type="submit" disabled={busy}>
          Lưu phân quyền
        </button>
      </form>
    </Page>
  );
}
