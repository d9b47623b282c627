import { useState, type FormEvent } from "react";
import { useAuth } from "../auth";
import { ErrorMessage, Field, Page, Status } from "../components/ui";

export function LoginPage() {
  const { signIn, notice } = useAuth();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <Page title="Đăng nhập">
        <p>Trang quản trị nội dung của Cổng thông tin điện tử.</p>
        <Status>{notice}</Status>
        <ErrorMessage error={error} />
        <form onSubmit={submit} aria-busy={busy}>
          <Field label="Thư điện tử" required>
            {(props) => <input {...props} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label="Mật khẩu" required>
            {(props) => (
              <input
                {...props}
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? "Đang đăng nhập…" : "Đăng nhập"}
          </button>
        </form>
      </Page>
    </main>
  );
}
