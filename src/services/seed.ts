// First start: the bootstrap administrator and the demo content.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { App } from "../app";
import { DEMO_ARTICLES } from "../../prisma/seed/demo-articles";
import { createPublishedArticle, importPageText } from "./importer/import-page";
import { emptyContent } from "./versioning";
import { sanitizeArticleBody } from "./article-html";
import { hashPassword } from "./passwords";
import { userSearchText } from "./users";
import { slugify } from "./vietnamese";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURE_PAGE = join(root, "prisma/seed/000_6aa2adaba41c4592.txt");

/** Creates the administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user at all. */
export async function bootstrapAdmin(app: App): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME } = app.config;
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return;
  if ((await app.db.user.count()) > 0) return;
  await app.db.user.create({
    data: {
      email: ADMIN_EMAIL.toLowerCase(),
      name: ADMIN_NAME,
      role: "ADMIN",
      passwordHash: await hashPassword(ADMIN_PASSWORD),
      searchText: userSearchText(ADMIN_NAME, ADMIN_EMAIL),
    },
  });
}

/**
 * The demo portal on an empty database: the fixture page of the old site, through
 * the importer exactly as `npm run import` writes it (site, counter, category,
 * article 1.0), and a few more articles in other categories.
 */
export async function seedDemo(app: App): Promise<void> {
  await bootstrapAdmin(app);
  if (!app.config.SEED_DEMO) return;
  if ((await app.db.article.count()) > 0 || (await app.db.site.count()) > 0) return;
  const outcome = await importPageText(app.db, readFileSync(FIXTURE_PAGE, "utf8"), "000_6aa2adaba41c4592.txt", {
    now: app.clock.now(),
    // The demo home page shows it in the carousel.
    initial: { featured: true },
  });
  if (outcome.status !== "imported") throw new Error(`demo page: ${outcome.errors.join("; ") || outcome.status}`);

  await app.db.$transaction(async (tx) => {
    let position = await tx.category.count();
    for (const demo of DEMO_ARTICLES) {
      const section =
        (await tx.category.findUnique({ where: { slug: demo.section.slug } })) ??
        (await tx.category.create({ data: { ...demo.section, position: position++ } }));
      const publishedAt = new Date(demo.publishedAt);
      await createPublishedArticle(tx, {
        slug: slugify(demo.title),
        sourceKey: null,
        viewCount: demo.viewCount,
        publishedAt,
        comment: "Demo content",
        content: {
          ...emptyContent(),
          title: demo.title,
          summary: demo.summary,
          body: sanitizeArticleBody(demo.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")),
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
