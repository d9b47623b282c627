// An article as readers will see it: the body is the HTML the server sanitised on
// write, shown as is (the page's CSP runs no script from it anyway).
import type { ConsoleArticleFieldsFragment } from "../gql/graphql";
import { formatDateTime } from "../labels";
import { MediaThumb } from "./media";

export function ArticlePreview({ article }: { article: ConsoleArticleFieldsFragment }) {
  return (
    <article className="preview" aria-label="Xem trước bài viết">
      <p className="meta">
        {article.category?.name ?? "Không chuyên mục"}
        {article.articleType ? ` · ${article.articleType}` : ""}
        {article.featured ? " · Tin nổi bật" : ""}
        {article.publishAt ? ` · Ngày xuất bản ${formatDateTime(article.publishAt)}` : ""}
        {article.expireAt ? ` · Hết hạn ${formatDateTime(article.expireAt)}` : ""}
      </p>
      <h2 className="preview-title">{article.title}</h2>
      {article.coverImage ? <img className="preview-cover" src={article.coverImage.url} alt={article.coverImage.description ?? ""} /> : null}
      {article.summary ? <p className="preview-summary">{article.summary}</p> : null}
      {article.alternateUrl ? (
        <p>
          Liên kết thay thế: <a href={article.alternateUrl}>{article.alternateUrl}</a>
        </p>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: article.body }} />
      {article.byline ? <p className="preview-byline">{article.byline}</p> : null}
      {article.gallery.length > 0 ? (
        <ul className="preview-gallery" aria-label="Thư viện ảnh/video">
          {article.gallery.map((m) => (
            <li key={m.id}>
              <MediaThumb item={m} />
              <span>{m.description ?? m.fileName}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {article.attachments.length > 0 ? (
        <ul aria-label="Tệp đính kèm">
          {article.attachments.map((m) => (
            <li key={m.id}>
              <a href={m.url}>{m.fileName}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="meta">
        Số Trang: {article.pageCount ?? "—"} · Số Ảnh: {article.photoCount}
      </p>
    </article>
  );
}
