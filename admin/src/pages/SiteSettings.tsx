// Cài đặt trang (ADMIN): the organisation details shown in the portal's footer.
import { useEffect, useState, type FormEvent } from "react";
import { request } from "../api";
import { graphql } from "../gql";
import type { UpdateSiteInput } from "../gql/graphql";
import { useQuery } from "../hooks";
import { ErrorMessage, Field, Loading, Page, Status } from "../components/ui";

const SiteQuery = graphql(`
  query ConsoleSite {
    site {
      name
      responsiblePerson
      address
      phone
      fax
      email
    }
  }
`);

const UpdateSiteMutation = graphql(`
  mutation ConsoleUpdateSite($input: UpdateSiteInput!) {
    updateSite(input: $input) {
      name
      responsiblePerson
      address
      phone
      fax
      email
    }
  }
`);

const FIELDS: Array<{ key: keyof UpdateSiteInput; label: string; type?: string }> = [
  { key: "name", label: "Tên cơ quan" },
  { key: "responsiblePerson", label: "Người chịu trách nhiệm" },
  { key: "address", label: "Địa chỉ" },
  { key: "phone", label: "Điện thoại", type: "tel" },
  { key: "fax", label: "Fax", type: "tel" },
  { key: "email", label: "Thư điện tử", type: "email" },
];

export function SiteSettingsPage() {
  const query = useQuery(SiteQuery, {});
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.data) setValues(Object.fromEntries(FIELDS.map((f) => [f.key, query.data!.site[f.key] ?? ""])));
  }, [query.data]);
  if (query.loading && !query.data) return <Loading />;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      await request(UpdateSiteMutation, { input: Object.fromEntries(FIELDS.map((f) => [f.key, values[f.key]?.trim() ?? ""])) as UpdateSiteInput });
      setMessage("Đã lưu thông tin trang.");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title="Cài đặt trang">
      <p>Thông tin cơ quan hiện ở chân trang của cổng thông tin.</p>
      <Status tone="success">{message}</Status>
      <ErrorMessage error={error ?? query.error} />
      <form onSubmit={save} className="panel narrow" aria-busy={busy}>
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} required={f.key === "name"}>
            {(props) => (
              <input {...props} type={f.type ?? "text"} value={values[f.key] ?? ""} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
            )}
          </Field>
        ))}
        <button type="submit" disabled={busy}>
          Lưu
        </button>
      </form>
    </Page>
  );
}
