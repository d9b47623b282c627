// Rows made directly with Prisma, for tests that need articles in a given state
// without going through the editorial workflow.
import { randomUUID } from "node:crypto";
import type { TestApp } from "./app";
import type { Clock } from "../../src/lib/clock";
import { emptyContent, writeVersion, type ArticleContent } from "../../src/services/versioning";
import { syncListing } from "../../src/services/listing";

export type ArticleState = "published" | "draft" | "deleted" | "hidden" | "scheduled" | "expired";

export async function articleRow(
  t: { app: TestApp["app"]; clock: Clock },
  options: {
    state?: ArticleState;
    title?: string;
    categorySlug?: string;
    featured?: boolean;
    viewCount?: number;
    publishedAt?: Date;
    /** A Media row's id: the version's lead image. */
    coverImageId?: string;
    /** Media rows' ids: the version's gallery and attached documents. */
    galleryIds?: string[];
    attachmentIds?: string[];
    /** The author's account. */
    createdById?: string;
  } = {},
) {
  const state = options.state ?? "published";
  const now = t.clock.now();
  const publishedAt = options.publishedAt ?? new Date(now.getTime() - 3600_000);
  const category = options.categorySlug ? await t.app.db.category.findUniqueOrThrow({ where: { slug: options.categorySlug } }) : null;
  const title = options.title ?? `Bài viết ${state} ${randomUUID().slice(0, 8)}`;
  const content: ArticleContent = {
    ...emptyContent(),
    title,
    summary: `Tóm tắt ${title}`,
    body: `<p>Nội dung ${title}</p>`,
    publishAt: state === "scheduled" ? new Date(now.getTime() + 86400_000) : publishedAt,
    expireAt: state === "expired" ? new Date(now.getTime() - 60_000) : null,
    featured: options.featured ?? false,
    byline: "Phóng viên",
    articleType: "Tin",
    categoryId: category?.id ?? null,
    coverImageId: options.coverImageId ?? null,
    galleryIds: options.galleryIds ?? [],
    attachmentIds: options.attachmentIds ?? [],
  };
  const article = await t.app.db.$transaction(async (tx) => {
    const visible = state !== "draft" && state !== "scheduled";
    const article = await tx.article.create({
      data: {
        slug: `bai-${randomUUID()}`,
        status: state === "draft" ? "DRAFT" : state === "scheduled" ? "SCHEDULED" : "APPROVED",
        viewCount: options.viewCount ?? 5,
        publishedAt: visible ? publishedAt : null,
        firstPublishedAt: visible ? publishedAt : null,
        expireAt: content.expireAt,
        inheritsPermissions: state !== "hidden",
        isPublic: state !== "hidden",
        createdById: options.createdById ?? null,
        updatedById: options.createdById ?? null,
        deletedAt: state === "deleted" ? now : null,
      },
    });
    const version = await writeVersion(tx, {
      articleId: article.id,
      major: state === "draft" ? 0 : 1,
      minor: state === "draft" ? 1 : 0,
      status: state === "draft" ? "DRAFT" : state === "scheduled" ? "SCHEDULED" : "APPROVED",
      content,
      previous: null,
      comment: null,
      userId: options.createdById ?? null,
      at: now,
    });
    return tx.article.update({
      where: { id: article.id },
      data: {
        currentVersionId: version.id,
        publishedVersionId: visible ? version.id : null,
        scheduledVersionId: state === "scheduled" ? version.id : null,
      },
    });
  });
  // What the editorial workflow does with such a write: the listing counts in its
  // transaction, the response cache's generation after it (docs/performance.md).
  await syncListing(t.app.db, [article.id]);
  await t.app.cache.changed();
  return article;
}

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
