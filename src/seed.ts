// First start: the bootstrap administrator and the demo content.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { App } from "./app";
import { DEMO_ARTICLES } from "../prisma/seed/demo-articles";
import { parseSharePointPage, sanitizeNewsHtml } from "./services/importer/parse-page";
import { hashPassword } from "./services/passwords";
import { slugify } from "./services/vietnamese";
import { writeVersion, type ArticleContent, type Tx } from "./services/versioning";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FIXTURE_PAGE = join(root, "prisma/seed/000_6aa2adaba41c4592.txt");

/** Creates the administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user at all. */
export async function bootstrapAdmin(app: App): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME } = app.config;
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  if ((await app.db.user.count()) > 0) return;
  await app.db.user.create({
    data: { email: ADMIN_EMAIL.toLowerCase(), name: ADMIN_NAME, role: "ADMIN", passwordHash: await hashPassword(ADMIN_PASSWORD) },
  });
}

/** The demo portal: the fixture page of the old site, and a few more articles. Idempotent. */
export async function seedDemo(app: App): Promise<void> {
  await bootstrapAdmin(app);
  if (!app.config.SEED_DEMO) return;
  if ((await app.db.article.count()) > 0 || (await app.db.site.count()) > 0) return;
  const parsed = parseSharePointPage(readFileSync(FIXTURE_PAGE, "utf8"), "000_6aa2adaba41c4592.txt");
  if (!parsed.ok) throw new Error(`demo page: ${parsed.errors.join("; ")}`);
  const page = parsed.page;
  await app.db.$transaction(async (tx) => {
    await tx.site.create({
      data: {
        id: 1,
        name: page.site.name ?? "Cổng thông tin điện tử",
        responsiblePerson: page.site.responsiblePerson,
        address: page.site.address,
        phone: page.site.phone,
        fax: page.site.fax,
        email: page.site.email,
        totalVisits: page.siteTotalVisits ?? 0,
      },
    });
    const category = await tx.category.create({ data: { name: page.section, slug: slugify(page.section), position: 0 } });
    await insertPublished(tx, {
      slug: slugify(page.title),
      sourceKey: page.sourceKey,
      viewCount: page.viewCount ?? 0,
      publishedAt: page.publishedAt,
      comment: `Imported from ${page.source}`,
      content: {
        ...emptyContent(),
        title: page.title,
        summary: page.summary,
        body: page.bodyHtml,
        byline: page.byline,
        publishAt: page.publishedAt,
        articleType: page.articleType,
        pageCount: page.pageCount,
        photoCount: page.photoCount ?? page.images.length,
        categoryId: category.id,
        featured: true,
      },
    });
    let position = 1;
    for (const demo of DEMO_ARTICLES) {
      const section =
        (await tx.category.findUnique({ where: { slug: demo.section.slug } })) ??
        (await tx.category.create({ data: { ...demo.section, position: position++ } }));
      const publishedAt = new Date(demo.publishedAt);
      await insertPublished(tx, {
        slug: slugify(demo.title),
        sourceKey: null,
        viewCount: demo.viewCount,
        publishedAt,
        comment: "Demo content",
        content: {
          ...emptyContent(),
          title: demo.title,
          summary: demo.summary,
          body: sanitizeNewsHtml(demo.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")),
          byline: demo.byline,
          publishAt: publishedAt,
          articleType: demo.articleType,
          categoryId: section.id,
          featured: demo.featured,
        },
      });
    }
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function emptyContent(): ArticleContent {
  return {
    title: "",
    summary: null,
    body: "",
    alternateUrl: null,
    publishAt: null,
    expireAt: null,
    featured: false,
    byline: null,
    articleType: null,
    pageCount: null,
    photoCount: 0,
    categoryId: null,
    coverImageId: null,
    galleryIds: [],
    attachmentIds: [],
  };
}

/** An article whose first version is approved as 1.0 and published at `publishedAt`. */
async function insertPublished(
  tx: Tx,
  a: { slug: string; sourceKey: string | null; viewCount: number; publishedAt: Date; comment: string; content: ArticleContent },
) {
  const article = await tx.article.create({
    data: {
      slug: a.slug,
      sourceKey: a.sourceKey,
      status: "APPROVED",
      viewCount: a.viewCount,
      publishedAt: a.publishedAt,
      firstPublishedAt: a.publishedAt,
      createdAt: a.publishedAt,
      updatedAt: a.publishedAt,
    },
  });
  const version = await writeVersion(tx, {
    articleId: article.id,
    major: 1,
    minor: 0,
    status: "APPROVED",
    content: a.content,
    previous: null,
    comment: a.comment,
    userId: null,
    at: a.publishedAt,
  });
  await tx.article.update({ where: { id: article.id }, data: { currentVersionId: version.id, publishedVersionId: version.id } });
}
