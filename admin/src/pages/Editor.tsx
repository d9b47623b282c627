// The editor: every field of the article content type. Saving makes a new minor
// version (0.2, 1.1, ...) from the version the editor started from; when someone
// else saved meanwhile the API answers CONFLICT and the editor sees what they
// changed, keeps their own text, and chooses what to keep before saving again.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ApiError, request } from "../api";
import { graphql } from "../gql";
import type { ConsoleArticleApprovalsFragment, ConsoleArticleFieldsFragment, CreateArticleInput } from "../gql/graphql";

interface FieldChange {
  field: string;
  before?: string | null;
  after?: string | null;
}
import { useUser } from "../auth";
import { useQuery } from "../hooks";
import { ArticleTopics } from "../components/ArticleTopics";
import { atLeast, ARTICLE_TYPES, fieldLabel, formatDateTime, STATUS_LABEL } from "../labels";
import { Dialog, ErrorMessage, Field, Loading, Page, Status } from "../components/ui";
import { RichText } from "../components/RichText";
import { MediaList, MediaThumb, UploadControl, uploadFile, type MediaItem } from "../components/media";
import { ArticleForEditQuery, CompareQuery, fromLocalInput, htmlToText, toLocalInput } from "./articleData";
import { CategoriesQuery, categoryOptions } from "./shared";
import { ArticleViewPage } from "./ArticleView";

const CreateMutation = graphql(`
  mutation ConsoleCreateArticle($input: CreateArticleInput!) {
    createArticle(input: $input) {
      ...ConsoleArticleFields
      ...ConsoleArticleApprovals
    }
  }
`);

const UpdateMutation = graphql(`
  mutation ConsoleUpdateArticle($input: UpdateArticleInput!) {
    updateArticle(input: $input) {
      ...ConsoleArticleFields
      ...ConsoleArticleApprovals
    }
  }
`);

export const SubmitMutation = graphql(`
  mutation ConsoleSubmitArticle($id: ID!, $comment: String) {
    submitArticle(id: $id, comment: $comment) {
      ...ConsoleArticleFields
      ...ConsoleArticleApprovals
    }
  }
`);

type Article = ConsoleArticleFieldsFragment & ConsoleArticleApprovalsFragment;

interface Form {
  title: string;
  slug: string;
  summary: string;
  body: string;
  alternateUrl: string;
  categoryId: string;
  articleType: string;
  byline: string;
  pageCount: string;
  featured: boolean;
  publishAt: string;
  expireAt: string;
  coverImage: MediaItem | null;
  gallery: MediaItem[];
  attachments: MediaItem[];
}

const emptyForm = (byline: string): Form => ({
  title: "",
  slug: "",
  summary: "",
  body: "",
  alternateUrl: "",
  categoryId: "",
  articleType: "",
  byline,
  pageCount: "",
  featured: false,
  publishAt: "",
  expireAt: "",
  coverImage: null,
  gallery: [],
  attachments: [],
});

function formOf(a: Article): Form {
  return {
    title: a.title,
    slug: a.slug,
    summary: a.summary ?? "",
    body: a.body,
    alternateUrl: a.alternateUrl ?? "",
    categoryId: a.category?.id ?? "",
    articleType: a.articleType ?? "",
    byline: a.byline ?? "",
    pageCount: a.pageCount == null ? "" : String(a.pageCount),
    featured: a.featured,
    publishAt: toLocalInput(a.publishAt),
    expireAt: toLocalInput(a.expireAt),
    coverImage: a.coverImage ?? null,
    gallery: a.gallery,
    attachments: a.attachments,
  };
}

/** The content fields as the API takes them: empty optional fields are cleared (null). */
function inputOf(form: Form): Omit<CreateArticleInput, "comment"> {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    title: form.title.trim(),
    ...(form.slug.trim() ? { slug: form.slug.trim() } : {}),
    summary: orNull(form.summary),
    body: form.body,
    alternateUrl: orNull(form.alternateUrl),
    categoryId: form.categoryId || null,
    articleType: orNull(form.articleType),
    byline: orNull(form.byline),
    pageCount: form.pageCount.trim() === "" ? null : Number(form.pageCount),
    featured: form.featured,
    publishAt: fromLocalInput(form.publishAt),
    expireAt: fromLocalInput(form.expireAt),
    coverImageId: form.coverImage?.id ?? null,
    galleryIds: form.gallery.map((m) => m.id),
    attachmentIds: form.attachments.map((m) => m.id),
  };
}

interface ConflictState {
  mine: Form;
  latest: Article;
  changes: FieldChange[];
}

export function EditorPage() {
  const { id } = useParams();
  const user = useUser();
  const articleQuery = useQuery(ArticleForEditQuery, { id: id ?? "" }, { skip: !id });
  const loaded = articleQuery.data?.node && "id" in articleQuery.data.node ? (articleQuery.data.node as Article) : null;

  if (!id) return <EditorForm key="new" article={null} userName={user.name} />;
  // Someone who may read the article but not edit it gets the reader's view.
  if (articleQuery.error instanceof ApiError && articleQuery.error.code === "FORBIDDEN") return <ArticleViewPage />;
  if (articleQuery.error)
    return (
      <Page title="Sửa bài viết">
        <ErrorMessage error={articleQuery.error} />
      </Page>
    );
  if (!loaded)
    return articleQuery.loading ? (
      <Loading />
    ) : (
      <Page title="Sửa bài viết">
        <ErrorMessage error={new ApiError("Article not found", "NOT_FOUND")} />
      </Page>
    );
  const canEdit = atLeast(user.role, "EDITOR") || loaded.createdBy?.id === user.id;
  if (!canEdit)
    return (
      <Page title={loaded.title}>
        <Status tone="warning">
          Bạn chỉ được xem bài viết này. <Link to={`/articles/${encodeURIComponent(loaded.id)}/view`}>Xem bài viết</Link>
        </Status>
      </Page>
    );
  return <EditorForm key={loaded.id} article={loaded} userName={user.name} />;
}

function EditorForm({ article: initial, userName }: { article: Article | null; userName: string }) {
  const user = useUser();
  const navigate = useNavigate();
  const categories = useQuery(CategoriesQuery, {});
  const [article, setArticle] = useState<Article | null>(initial);
  const [form, setForm] = useState<Form>(() => (initial ? formOf(initial) : emptyForm(userName)));
  const [saved, setSaved] = useState<Form>(form);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();
  // A message from the screen before (a new article's first save lands here under its new address).
  const [message, setMessage] = useState(() => (location.state as { message?: string } | null)?.message ?? "");
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitComment, setSubmitComment] = useState("");
  const bodyLabelId = useId();
  const bodyId = useId();
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldErrors = error instanceof ApiError ? error.fields : {};
  const fieldError = (name: string) => fieldErrors[`input.${name}`] ?? fieldErrors[name];

  // Leaving with unsaved changes asks first (closing the tab, reloading).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = async (): Promise<Article | null> => {
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      const input = inputOf(form);
      const note = comment.trim() || null;
      let next: Article;
      if (!article) {
        next = (await request(CreateMutation, { input: { ...input, comment: note } })).createArticle;
      } else {
        next = (await request(UpdateMutation, { input: { ...input, id: article.id, expectedVersion: article.version, comment: note } })).updateArticle;
      }
      const nextForm = formOf(next);
      setArticle(next);
      setForm(nextForm);
      setSaved(nextForm);
      setComment("");
      setMessage(`Đã lưu phiên bản ${next.version}.`);
      if (!article) navigate(`/articles/${encodeURIComponent(next.id)}`, { replace: true, state: { message: `Đã lưu phiên bản ${next.version}.` } });
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT" && article) await showConflict();
      else setError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const showConflict = async () => {
    const mine = form;
    const latest = (await request(ArticleForEditQuery, { id: article!.id })).node as Article | null;
    if (!latest) {
      setError(new ApiError("The article is gone", "NOT_FOUND"));
      return;
    }
    let changes: FieldChange[] = [];
    try {
      const data = await request(CompareQuery, { id: article!.id, from: article!.version, to: latest.version });
      changes = (data.node && "compareVersions" in data.node ? data.node.compareVersions : null) ?? [];
    } catch {
      changes = [];
    }
    setConflict({ mine, latest, changes });
  };

  /** Takes the latest version as the base and keeps this editor's text. */
  const keepMine = () => {
    if (!conflict) return;
    setArticle(conflict.latest);
    setSaved(formOf(conflict.latest));
    setForm(conflict.mine);
    setConflict(null);
    setMessage(`Đã tải phiên bản ${conflict.latest.version}. Nội dung của bạn vẫn được giữ; bấm “Lưu” để lưu đè lên phiên bản mới nhất.`);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = formOf(conflict.latest);
    setArticle(conflict.latest);
    setSaved(theirs);
    setForm(theirs);
    setConflict(null);
    setMessage(`Đã tải phiên bản ${conflict.latest.version}; thay đổi của bạn đã bỏ.`);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const sendForApproval = async () => {
    setBusy(true);
    setError(null);
    try {
      let current = article;
      if (dirty || !current) {
        setBusy(false);
        current = await save();
        setBusy(true);
        if (!current) return;
      }
      const next = (await request(SubmitMutation, { id: current.id, comment: submitComment.trim() || null })).submitArticle;
      setArticle(next);
      const nextForm = formOf(next);
      setForm(nextForm);
      setSaved(nextForm);
      setSubmitOpen(false);
      setSubmitComment("");
      setMessage(`Đã gửi phiên bản ${next.version} đi phê duyệt.`);
    } catch (e) {
      setSubmitOpen(false);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const pickImage = async (): Promise<{ url: string; alt: string } | null> =>
    new Promise((resolve) => {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = "image/jpeg,image/png,image/gif,image/webp";
      input.onchange = async () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        try {
          const alt = window.prompt("Mô tả ảnh (chú thích, văn bản thay thế)", "") ?? "";
          const item = await uploadFile(file, alt || null);
          resolve({ url: item.url, alt: item.description ?? "" });
        } catch (e) {
          setError(e);
          resolve(null);
        }
      };
      input.click();
    });

  const latestRejection = article?.approvals.find((a) => a.decision === "REJECTED");
  const rejectedNow = article?.approvalStatus === "REJECTED" && latestRejection;
  const canSubmit = !article || article.approvalStatus === "DRAFT" || article.approvalStatus === "REJECTED" || dirty;
  const title = article ? `Sửa bài viết: ${article.title}` : "Viết bài mới";

  return (
    <Page
      title={title}
      actions={
        article ? (
          <>
            <Link to={`/articles/${encodeURIComponent(article.id)}/history`}>Lịch sử phiên bản</Link>
            {user.role === "ADMIN" ? <Link to={`/articles/${encodeURIComponent(article.id)}/permissions`}>Phân quyền</Link> : null}
            {atLeast(user.role, "APPROVER") && article.approvalStatus === "PENDING" ? (
              <Link to={`/approvals/${encodeURIComponent(article.id)}`}>Phê duyệt</Link>
            ) : null}
          </>
        ) : null
      }
    >
      {article ? (
        <p className="meta">
          Trạng thái: <span className={`status status-${article.approvalStatus.toLowerCase()}`}>{STATUS_LABEL[article.approvalStatus]}</span> · Phiên bản{" "}
          <strong>{article.version}</strong> · Cập nhật {formatDateTime(article.updatedAt)}
          {article.updatedBy ? ` bởi ${article.updatedBy.name}` : ""}
          {article.publishedAt ? ` · Xuất bản ${formatDateTime(article.publishedAt)}` : ""}
        </p>
      ) : null}

      {rejectedNow ? (
        <section className="alert alert-warning" aria-labelledby="rejection-title">
          <h2 id="rejection-title">Bài viết bị từ chối</h2>
          <p>
            {latestRejection.decidedBy?.name ?? "Người phê duyệt"} ({formatDateTime(latestRejection.decidedAt)}):{" "}
            <q className="rejection-comment">{latestRejection.comment}</q>
          </p>
          <p>Sửa theo góp ý, lưu rồi gửi duyệt lại.</p>
        </section>
      ) : null}

      {conflict ? <ConflictPanel conflict={conflict} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}

      <Status tone="success">{message}</Status>
      <ErrorMessage error={error} />

      <form className="editor" onSubmit={onSubmit} aria-busy={busy}>
        <div className="editor-main">
          <Field label="Tiêu đề" required error={fieldError("title")}>
            {(props) => <input {...props} className="title-input" value={form.title} maxLength={500} onChange={(e) => set("title", e.target.value)} />}
          </Field>
          <Field label="Tóm tắt" hint="Đoạn sapo, văn bản thường." error={fieldError("summary")}>
            {(props) => <textarea {...props} rows={3} maxLength={4000} value={form.summary} onChange={(e) => set("summary", e.target.value)} />}
          </Field>
          <div className={`field${fieldError("body") ? " field-invalid" : ""}`}>
            <span className="label" id={bodyLabelId}>
              Nội dung
            </span>
            <RichText id={bodyId} labelId={bodyLabelId} value={form.body} onChange={(html) => set("body", html)} onPickImage={pickImage} />
            {fieldError("body") ? <p className="field-error">{fieldError("body")}</p> : null}
          </div>
          <Field label="Liên kết thay thế" hint="Nếu có, bài viết dẫn tới địa chỉ này thay vì hiện nội dung." error={fieldError("alternateUrl")}>
            {(props) => <input {...props} type="url" value={form.alternateUrl} onChange={(e) => set("alternateUrl", e.target.value)} />}
          </Field>

          <section aria-labelledby="media-title" className="panel">
            <h2 id="media-title">Hình ảnh, video và tệp đính kèm</h2>
            <h3>Ảnh đại diện</h3>
            {form.coverImage ? (
              <div className="cover">
                <MediaThumb item={form.coverImage} />
                <span>{form.coverImage.description || form.coverImage.fileName}</span>
                <button type="button" className="secondary" onClick={() => set("coverImage", null)}>
                  Bỏ ảnh đại diện
                </button>
              </div>
            ) : (
              <p className="empty">Chưa có ảnh đại diện.</p>
            )}
            <UploadControl kind="image" label="Tải ảnh đại diện" onUploaded={(item) => set("coverImage", item)} />

            <h3>Thư viện ảnh/video</h3>
            <MediaList label="Thư viện ảnh/video" items={form.gallery} onChange={(items) => set("gallery", items)} />
            <UploadControl
              kind="gallery"
              label="Thêm ảnh hoặc video"
              allowVideoLink
              onUploaded={(item) => setForm((f) => ({ ...f, gallery: [...f.gallery, item] }))}
            />

            <h3>Tệp đính kèm</h3>
            <MediaList label="Tệp đính kèm" items={form.attachments} onChange={(items) => set("attachments", items)} />
            <UploadControl kind="document" label="Thêm tệp đính kèm" onUploaded={(item) => setForm((f) => ({ ...f, attachments: [...f.attachments, item] }))} />
          </section>
        </div>

        <aside className="editor-side" aria-label="Thuộc tính bài viết">
          <Field label="Chuyên mục" error={fieldError("categoryId")}>
            {(props) => (
              <select {...props} value={form.categoryId} onChange={(e) => set("categoryId", e.target.value)}>
                <option value="">(không có)</option>
                {categoryOptions(categories.data?.categories ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {article ? <ArticleTopics articleId={article.id} initial={article.topics} /> : null}
          <Field label="Loại bài viết" error={fieldError("articleType")}>
            {(props) => (
              <>
                <input {...props} list="editor-article-types" value={form.articleType} onChange={(e) => set("articleType", e.target.value)} />
                <datalist id="editor-article-types">
                  {ARTICLE_TYPES.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Tác giả" hint="Tên in dưới bài (bút danh)." error={fieldError("byline")}>
            {(props) => <input {...props} value={form.byline} maxLength={300} onChange={(e) => set("byline", e.target.value)} />}
          </Field>
          <Field label="Số Trang" error={fieldError("pageCount")}>
            {(props) => (
              <input
                {...props}
                type="number"
                min={0}
                max={10000}
                inputMode="numeric"
                value={form.pageCount}
                onChange={(e) => set("pageCount", e.target.value)}
              />
            )}
          </Field>
          <Field label="Số Ảnh" hint="Tính từ thư viện ảnh khi lưu.">
            {(props) => (
              <input {...props} readOnly value={article ? String(article.photoCount) : String(form.gallery.filter((g) => g.kind === "IMAGE").length)} />
            )}
          </Field>
          <div className="field field-check">
            <input id="featured" type="checkbox" checked={form.featured} onChange={(e) => set("featured", e.target.checked)} />
            <label htmlFor="featured">Tin nổi bật</label>
          </div>
          <Field label="Ngày xuất bản" hint="Để trống: xuất bản ngay khi được phê duyệt. Ngày tương lai: lên lịch." error={fieldError("publishAt")}>
            {(props) => <input {...props} type="datetime-local" value={form.publishAt} onChange={(e) => set("publishAt", e.target.value)} />}
          </Field>
          <Field label="Ngày hết hạn" hint="Sau thời điểm này bạn đọc không còn thấy bài." error={fieldError("expireAt")}>
            {(props) => <input {...props} type="datetime-local" value={form.expireAt} onChange={(e) => set("expireAt", e.target.value)} />}
          </Field>
          <Field label="Đường dẫn (slug)" hint="Để trống để tạo từ tiêu đề." error={fieldError("slug")}>
            {(props) => <input {...props} value={form.slug} onChange={(e) => set("slug", e.target.value)} />}
          </Field>
          <Field label="Ghi chú phiên bản" hint="Vì sao có phiên bản này (hiện trong lịch sử).">
            {(props) => <textarea {...props} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="buttons">
            <button type="submit" disabled={busy || !!conflict}>
              {busy ? "Đang lưu…" : "Lưu"}
            </button>
            <button type="button" className="secondary" disabled={busy || !!conflict || !canSubmit || !form.title.trim()} onClick={() => setSubmitOpen(true)}>
              Gửi duyệt
            </button>
          </div>
          {dirty ? <p className="hint">Có thay đổi chưa lưu.</p> : null}
        </aside>
      </form>

      <Dialog open={submitOpen} title="Gửi duyệt" onClose={() => setSubmitOpen(false)}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void sendForApproval();
          }}
        >
          <Field label="Lời nhắn cho người phê duyệt">
            {(props) => <textarea {...props} rows={3} value={submitComment} onChange={(e) => setSubmitComment(e.target.value)} autoFocus />}
          </Field>
          {dirty ? <p className="hint">Thay đổi chưa lưu sẽ được lưu trước khi gửi.</p> : null}
          <div className="buttons">
            <button type="submit" disabled={busy}>
              Gửi
            </button>
            <button type="button" className="secondary" onClick={() => setSubmitOpen(false)}>
              Hủy
            </button>
          </div>
        </form>
      </Dialog>
    </Page>
  );
}

function shorten(value: string | null | undefined, field: string): string {
  if (value == null || value === "") return "(trống)";
  const text = field === "body" ? htmlToText(value) : value;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function ConflictPanel({ conflict, onKeepMine, onTakeTheirs }: { conflict: ConflictState; onKeepMine(): void; onTakeTheirs(): void }) {
  const { latest, changes } = conflict;
  const ref = useRef<HTMLElement>(null);
  // The editor was at the bottom of the form: bring the explanation into view and focus.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus({ preventScroll: true });
  }, [conflict]);
  return (
    <section ref={ref} tabIndex={-1} className="conflict alert alert-error" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Bài viết đã được người khác sửa trong lúc bạn làm việc</h2>
      <p>
        {latest.updatedBy?.name ?? "Một người khác"} đã lưu phiên bản {latest.version} lúc {formatDateTime(latest.updatedAt)}. Nội dung bạn đang soạn chưa bị
        mất: nó vẫn ở trong biểu mẫu bên dưới.
      </p>
      {changes.length > 0 ? (
        <table className="changes">
          <caption>Những gì đã thay đổi trong lúc đó</caption>
          <thead>
            <tr>
              <th scope="col">Trường</th>
              <th scope="col">Trước</th>
              <th scope="col">Bây giờ</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{fieldLabel(c.field)}</th>
                <td>{shorten(c.before, c.field)}</td>
                <td>{shorten(c.after, c.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Phiên bản mới không khác nội dung cũ ở trường nào.</p>
      )}
      <div className="buttons">
        <button type="button" onClick={onKeepMine}>
          Tải lại bản mới nhất, giữ nội dung của tôi
        </button>
        <button type="button" className="secondary" onClick={onTakeTheirs}>
          Bỏ thay đổi của tôi, dùng bản mới nhất
        </button>
      </div>
    </section>
  );
}
