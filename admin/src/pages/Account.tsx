// Tài khoản: who is signed in, changing one's own password, and signing out
// everywhere (every token of this account).
import { useState, type FormEvent } from "react";
import { ApiError, request, saveSession } from "../api";
import { useAuth, useUser } from "../auth";
import { graphql } from "../gql";
import { ROLE_LABEL } from "../labels";
import { vietnameseMessage } from "../messages";
import { ErrorMessage, Field, Page, Status } from "../components/ui";

const ChangePasswordMutation = graphql(`
  mutation ConsoleChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      expiresAt
    }
  }
`);

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
      <ChangePassword />
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

type PasswordField = "currentPassword" | "newPassword" | "confirm";

function ChangePassword() {
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: "", newPassword: "", confirm: "" });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setMessage("");
    if (values.newPassword !== values.confirm) {
      setFieldErrors({ confirm: "Mật khẩu nhập lại không khớp với mật khẩu mới." });
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const data = await request(ChangePasswordMutation, { currentPassword: values.currentPassword, newPassword: values.newPassword });
      // Every earlier token of this account stopped working; this browser keeps the new one.
      saveSession({ token: data.changePassword.token, expiresAt: data.changePassword.expiresAt });
      setValues({ currentPassword: "", newPassword: "", confirm: "" });
      setMessage("Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã hết hiệu lực.");
    } catch (e) {
      if (e instanceof ApiError && e.code === "BAD_USER_INPUT") {
        const field: PasswordField = "currentPassword" in e.fields ? "currentPassword" : "newPassword";
        setFieldErrors({ [field]: vietnameseMessage(e.message) ?? e.message });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const input = (key: PasswordField, autoComplete: string) =>
    function PasswordInput(props: { id: string }) {
      return (
        <input
          {...props}
          name={key}
          type="password"
          autoComplete={autoComplete}
          value={values[key]}
          onChange={(e) => setValues({ ...values, [key]: e.target.value })}
        />
      );
    };

  return (
    <section className="panel narrow" aria-labelledby="password-title">
      <h2 id="password-title">Đổi mật khẩu</h2>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error} />
      <p className="visually-hidden" role="alert">
        {Object.values(fieldErrors).join(" ")}
      </p>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <Field label="Mật khẩu hiện tại" required error={fieldErrors.currentPassword}>
          {input("currentPassword", "current-password")}
        </Field>
        <Field label="Mật khẩu mới" required hint="Ít nhất 12 ký tự, không dùng mật khẩu phổ biến, thư điện tử hay họ tên." error={fieldErrors.newPassword}>
          {input("newPassword", "new-password")}
        </Field>
        <Field label="Nhập lại mật khẩu mới" required error={fieldErrors.confirm}>
          {input("confirm", "new-password")}
        </Field>
        <button type="submit" disabled={busy}>
          Đổi mật khẩu
        </button>
      </form>
    </section>
  );
}
