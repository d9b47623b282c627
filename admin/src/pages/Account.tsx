// Tài khoản: who is signed in, and signing out everywhere (every token of this account).
import { useState } from "react";
import { useAuth, useUser } from "../auth";
import { ROLE_LABEL } from "../labels";
import { ErrorMessage, Page } from "../components/ui";

export function AccountPage() {
  const user = useUser();
  const { signOutEverywhere } = useAuth();
  const [error, setError] = useState<unknown>(null);
  return (
    <Page title="Tài khoản">
      <dl className="facts">
        <dt>Họ tên</dt>
        <dd>{user.name}</dd>
        <dt>Thư điện tử</dt>
        <dd>{user.email ?? "—"}</dd>
        <dt>Vai trò</dt>
        <dd>{ROLE_LABEL[user.role]}</dd>
      </dl>
      <ErrorMessage error={error} />
      <section className="panel narrow" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Đăng xuất khỏi mọi thiết bị</h2>
        <p>Mọi phiên đăng nhập của tài khoản này (máy khác, ứng dụng di động) sẽ hết hiệu lực.</p>
        <button type="button" className="secondary" onClick={() => signOutEverywhere().catch(setError)}>
          Đăng xuất khỏi mọi thiết bị
        </button>
      </section>
    </Page>
  );
}
