// Người dùng (ADMIN): the accounts, with search and paging; creating one, changing
// its role, locking and unlocking it, and giving it a new generated password.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { request } from "../api";
import { useUser } from "../auth";
import { graphql } from "../gql";
import type { Role, UserFilter } from "../gql/graphql";
import { useQuery } from "../hooks";
import { formatDate, formatNumber, ROLE_LABEL, ROLES } from "../labels";
import { Dialog, ErrorMessage, Field, Loading, Page, Status } from "../components/ui";

const PAGE_SIZE = 20;

const UsersQuery = graphql(`
  query ConsoleUsers($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...ConsoleUser
        }
      }
    }
  }
`);

export const ConsoleUserFragment = graphql(`
  fragment ConsoleUser on User {
    id
    name
    email
    role
    active
    createdAt
    deactivatedAt
  }
`);

const CreateUserMutation = graphql(`
  mutation ConsoleCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...ConsoleUser
    }
  }
`);

const ChangeRoleMutation = graphql(`
  mutation ConsoleChangeUserRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) {
      ...ConsoleUser
    }
  }
`);

const DeactivateMutation = graphql(`
  mutation ConsoleDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...ConsoleUser
    }
  }
`);

const ReactivateMutation = graphql(`
  mutation ConsoleReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...ConsoleUser
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ConsoleResetUserPassword($id: ID!) {
    resetUserPassword(id: $id) {
      password
      user {
        id
        name
      }
    }
  }
`);

interface UserRow {
  id: string;
  name: string;
  email?: string | null;
  /** Null only for viewers who may not see roles (the API shows them to ADMIN, who alone opens this screen). */
  role: Role | null;
  active?: boolean | null;
  createdAt?: string | null;
}

export function UsersPage() {
  const me = useUser();
  const [params, setParams] = useSearchParams();
  const filter: UserFilter = {};
  if (params.get("q")) filter.search = params.get("q");
  const role = params.get("role") as Role | null;
  if (role && ROLES.includes(role)) filter.role = role;
  if (params.get("active") === "1") filter.active = true;
  if (params.get("active") === "0") filter.active = false;
  const before = params.get("before");
  const after = params.get("after");
  const list = useQuery(UsersQuery, before ? { filter, last: PAGE_SIZE, before } : { filter, first: PAGE_SIZE, after });
  const [draft, setDraft] = useState(() => ({ q: params.get("q") ?? "", role: params.get("role") ?? "", active: params.get("active") ?? "" }));
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [reset, setReset] = useState<{ name: string; password: string } | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set("q", draft.q.trim());
    if (draft.role) next.set("role", draft.role);
    if (draft.active) next.set("active", draft.active);
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
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage("");
    try {
      await run();
      setMessage(done);
      await list.reload();
    } catch (e) {
      setError(e);
    }
  };

  const connection = list.data?.users;
  return (
    <Page
      title="Người dùng"
      actions={
        <button type="button" onClick={() => setCreating(true)}>
          Thêm người dùng
        </button>
      }
    >
      <form className="filters" onSubmit={apply} aria-label="Lọc người dùng">
        <Field label="Tìm theo tên hoặc thư điện tử">
          {(props) => <input {...props} type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />}
        </Field>
        <Field label="Vai trò">
          {(props) => (
            <select {...props} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
              <option value="">Tất cả</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tình trạng">
          {(props) => (
            <select {...props} value={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.value })}>
              <option value="">Tất cả</option>
              <option value="1">Đang hoạt động</option>
              <option value="0">Đã khóa</option>
            </select>
          )}
        </Field>
        <button type="submit">Lọc</button>
      </form>

      <Status tone="success">{message}</Status>
      <ErrorMessage error={error ?? list.error} />
      {reset ? <NewPassword name={reset.name} password={reset.password} onHide={() => setReset(null)} /> : null}
      {list.loading && !connection ? <Loading /> : null}
      {connection ? (
        <>
          <p className="count" role="status">
            {formatNumber(connection.totalCount)} người dùng
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Danh sách người dùng</caption>
              <thead>
                <tr>
                  <th scope="col">Họ tên</th>
                  <th scope="col">Thư điện tử</th>
                  <th scope="col">Vai trò</th>
                  <th scope="col">Tình trạng</th>
                  <th scope="col">Ngày tạo</th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <UserRowView
                    key={node.id}
                    user={node}
                    self={node.id === me.id}
                    onRole={(r) => act(() => request(ChangeRoleMutation, { id: node.id, role: r }), `Đã đổi vai trò của ${node.name} thành ${ROLE_LABEL[r]}.`)}
                    onActive={(active) =>
                      act(
                        () => (active ? request(ReactivateMutation, { id: node.id }) : request(DeactivateMutation, { id: node.id })),
                        active ? `Đã mở khóa tài khoản ${node.name}.` : `Đã khóa tài khoản ${node.name}.`,
                      )
                    }
                    onReset={() =>
                      act(async () => {
                        const data = await request(ResetPasswordMutation, { id: node.id });
                        setReset({ name: data.resetUserPassword.user.name, password: data.resetUserPassword.password });
                      }, `Đã cấp mật khẩu mới cho ${node.name}.`)
                    }
                  />
                ))}
                {connection.edges.length === 0 ? (
                  <tr>
                    <td colSpan={6}>Không có người dùng nào khớp bộ lọc.</td>
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
      <Dialog open={creating} title="Thêm người dùng" onClose={() => setCreating(false)}>
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setMessage(`Đã tạo tài khoản ${name}.`);
            void list.reload();
          }}
        />
      </Dialog>
    </Page>
  );
}

/** A generated password, shown once; focus moves to it so it is announced. */
function NewPassword({ name, password, onHide }: { name: string; password: string; onHide: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} className="alert alert-warning" aria-labelledby="reset-title" tabIndex={-1}>
      <h2 id="reset-title">Mật khẩu mới của {name}</h2>
      <p>
        <code className="password">{password}</code>
      </p>
      <p>Mật khẩu chỉ hiện một lần: hãy chuyển cho người dùng qua kênh an toàn. Các phiên đăng nhập cũ của họ đã hết hiệu lực.</p>
      <button type="button" className="secondary" onClick={onHide}>
        Đã ghi lại, ẩn mật khẩu
      </button>
    </section>
  );
}

function UserRowView({
  user,
  self,
  onRole,
  onActive,
  onReset,
}: {
  user: UserRow;
  self: boolean;
  onRole: (role: Role) => Promise<void>;
  onActive: (active: boolean) => Promise<void>;
  onReset: () => Promise<void>;
}) {
  const [role, setRole] = useState<Role | null>(user.role);
  const active = user.active !== false;
  return (
    <tr>
      <th scope="row">
        {user.name}
        {self ? <span className="badge">Bạn</span> : null}
      </th>
      <td>{user.email ?? "—"}</td>
      <td>
        <div className="inline-form">
          <label className="visually-hidden" htmlFor={`role-${user.id}`}>
            Vai trò của {user.name}
          </label>
          <select id={`role-${user.id}`} value={role ?? ""} onChange={(e) => setRole(e.target.value as Role)}>
            {role === null ? (
              <option value="" disabled>
                —
              </option>
            ) : null}
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={role === null || role === user.role}
            onClick={() => (role ? onRole(role).then(() => undefined) : undefined)}
            aria-label={`Lưu vai trò của ${user.name}`}
          >
            Lưu
          </button>
        </div>
      </td>
      <td>{active ? "Đang hoạt động" : <span className="status status-rejected">Đã khóa</span>}</td>
      <td>{formatDate(user.createdAt)}</td>
      <td>
        <div className="buttons">
          <button
            type="button"
            className="secondary"
            onClick={() => void onActive(!active)}
            aria-label={`${active ? "Khóa" : "Mở khóa"} tài khoản ${user.name}`}
          >
            {active ? "Khóa" : "Mở khóa"}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              if (window.confirm(`Cấp mật khẩu mới cho ${user.name}? Mật khẩu hiện tại của họ sẽ không dùng được nữa.`)) void onReset();
            }}
            aria-label={`Cấp mật khẩu mới cho ${user.name}`}
          >
            Cấp mật khẩu mới
          </button>
        </div>
      </td>
    </tr>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (name: string) => void }) {
  const [values, setValues] = useState({ name: "", email: "", password: "", role: "CONTRIBUTOR" as Role });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const data = await request(CreateUserMutation, { input: { ...values, name: values.name.trim(), email: values.email.trim() } });
      onCreated(data.createUser.name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-busy={busy}>
      <ErrorMessage error={error} />
      <Field label="Họ tên" required>
        {(props) => <input {...props} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />}
      </Field>
      <Field label="Thư điện tử" required>
        {(props) => <input {...props} type="email" autoComplete="off" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} />}
      </Field>
      <Field label="Mật khẩu ban đầu" required hint="Ít nhất 12 ký tự, không dùng mật khẩu phổ biến, thư điện tử hay họ tên.">
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
          />
        )}
      </Field>
      <Field label="Vai trò" required>
        {(props) => (
          <select {...props} value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="buttons">
        <button type="submit" disabled={busy}>
          Tạo tài khoản
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
