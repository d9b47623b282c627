// Per-request DataLoaders for what is not a Prisma relation: aggregate counts,
// the viewer's grants, media lists of versions. Batch functions return results
// in key order (DataLoader's contract).
import DataLoader from "dataloader";
import type { Category, Db, Media, MediaRole, Role, Topic, User } from "../db/client";
import { readableArticleWhere, seenVersionOf, type Viewer } from "../services/access";
import { field } from "../services/counters/backend";
import { publicMediaIds } from "../services/media/access";
import { categoryKey, listingCounts } from "../services/listing";
import { MENU_ORDER } from "../services/taxonomy";
import type { Counters } from "../services/counters/service";

export interface LoaderDeps {
  db: Db;
  viewer: Viewer | null;
  now: Date;
  counters: Counters;
  provider: "sqlite" | "postgres";
}

export function createLoaders({ db, viewer, now, counters, provider }: LoaderDeps) {
  // Categories are the menu: a small table that a page may need several times over
  // (the menu, the page's own category and, on SQLite, every card's category), read whole once.
  let menu: Promise<Category[]> | null = null;
  const allCategories = () => (menu ??= db.category.findMany({ orderBy: MENU_ORDER }));
  const categoriesBy = (key: "id" | "slug") =>
    new DataLoader<string, Category | null>(async (values) => {
      const byKey = new Map((await allCategories()).map((c) => [c[key], c]));
      return values.map((value) => byKey.get(value) ?? null);
    });

  return {
    /** Every category, in menu order: one statement per request, shared by the loaders below. */
    allCategories,
    /** A category by id, from the request's one read of the categories. */
    category: categoriesBy("id"),
    /** A category by slug, from the request's one read of the categories. */
    categoryBySlug: categoriesBy("slug"),

    /**
     * Accounts by id, for every "who" field (author, createdBy, updatedBy): one
     * statement per request however many articles and versions name them.
     */
    user: new DataLoader<string, User | null>(async (ids) => {
      const rows = await db.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Whether a media item is public (shown by a published article anonymous readers can read), by id. */
    publicMedia: new DataLoader<string, boolean>(async (ids) => {
      const pub = await publicMediaIds(db, ids, now);
      return ids.map((id) => pub.has(id));
    }),

    /** View counts, flushed and buffered, by article id (callers have checked visibility). */
    articleViewCount: new DataLoader<string, number>(async (articleIds) => {
      const { value, pending } = await counters.consistent(
        () => db.article.findMany({ where: { id: { in: [...articleIds] } }, select: { id: true, viewCount: true } }),
        articleIds.map(field.articleViews),
      );
      const flushed = new Map(value.map((a) => [a.id, a.viewCount]));
      return articleIds.map((id) => (flushed.get(id) ?? 0) + (pending.get(field.articleViews(id)) ?? 0));
    }),

    /**
     * Anonymous readers' list totals, by key of src/services/listing.ts ("all",
     * "featured", "category:<id>"): the maintained counts, one statement per batch.
     */
    listingCount: new DataLoader<string, number>(async (keys) => {
      const counts = await listingCounts(db, keys, { provider, now });
      return keys.map((key) => counts.get(key) ?? 0);
    }),

    /** Articles of a category that this viewer may see, by category id. */
    categoryArticleCount: new DataLoader<string, number>(async (categoryIds) => {
      if (!viewer) {
        // Anonymous readers: the maintained counts (src/services/listing.ts), not a recount.
        const counts = await listingCounts(db, categoryIds.map(categoryKey), { provider, now });
        return categoryIds.map((id) => counts.get(categoryKey(id)) ?? 0);
      }
      // Counted on the version each article shows this viewer (published for
      // readers, latest where they may edit), so a count never reveals a draft.
      const rows = await db.articleVersion.groupBy({
        by: ["categoryId"],
        where: { categoryId: { in: [...categoryIds] }, OR: seenVersionOf(viewer, readableArticleWhere(viewer, now)) },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((r) => [r.categoryId, r._count._all]));
      return categoryIds.map((id) => counts.get(id) ?? 0);
    }),

    /** Articles of a topic that this viewer may see, by topic id. */
    topicArticleCount: new DataLoader<string, number>(async (topicIds) => {
      // Topics hang on the article, not on a version: visibility alone decides.
      const rows = await db.articleTopic.groupBy({
        by: ["topicId"],
        where: { topicId: { in: [...topicIds] }, article: { is: readableArticleWhere(viewer, now) } },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((r) => [r.topicId, r._count._all]));
      return topicIds.map((id) => counts.get(id) ?? 0);
    }),

    /** The topics of an article, in their order, by article id (callers have checked visibility). */
    articleTopics: new DataLoader<string, Topic[]>(async (articleIds) => {
      const rows = await db.articleTopic.findMany({
        where: { articleId: { in: [...articleIds] } },
        orderBy: [{ articleId: "asc" }, { position: "asc" }],
        include: { topic: true },
      });
      const byArticle = new Map<string, Topic[]>();
      for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.topic]);
      return articleIds.map((id) => byArticle.get(id) ?? []);
    }),

    /** The viewer's own grant on an article, by article id. */
    viewerGrant: new DataLoader<string, Role | null>(async (articleIds) => {
      if (!viewer) return articleIds.map(() => null);
      const rows = await db.articleGrant.findMany({
        where: { userId: viewer.id, articleId: { in: [...articleIds] } },
        select: { articleId: true, role: true },
      });
      const byArticle = new Map(rows.map((r) => [r.articleId, r.role]));
      return articleIds.map((id) => byArticle.get(id) ?? null);
    }),

    /** What decides a viewer's rights on an article (not its visibility), by article id. */
    articleAccessFacts: new DataLoader<string, { inheritsPermissions: boolean; createdById: string | null } | null>(async (articleIds) => {
      const rows = await db.article.findMany({
        where: { id: { in: [...articleIds] } },
        select: { id: true, inheritsPermissions: true, createdById: true },
      });
      const byId = new Map(rows.map(({ id, ...facts }) => [id, facts]));
      return articleIds.map((id) => byId.get(id) ?? null);
    }),

    /** Gallery or attachment media of a version, in order; key `${versionId}:${role}`. */
    versionMedia: new DataLoader<`${string}:${MediaRole}`, Media[]>(async (keys) => {
      const versionIds = [...new Set(keys.map((k) => k.split(":")[0]!))];
      const rows = await db.articleVersionMedia.findMany({
        where: { versionId: { in: versionIds } },
        orderBy: [{ versionId: "asc" }, { role: "asc" }, { position: "asc" }],
        include: { media: true },
      });
      const byKey = new Map<string, Media[]>();
      for (const row of rows) {
        const key = `${row.versionId}:${row.role}`;
        byKey.set(key, [...(byKey.get(key) ?? []), row.media]);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
