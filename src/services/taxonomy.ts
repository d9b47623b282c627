// The category tree (chuyên mục, the portal's menu) and topics (dòng sự kiện).
// Categories: create, rename, describe, move under another parent, reorder
// siblings, delete only when empty. Topics: create, rename, delete, attach to
// articles. Every change is one transaction with its audit event; tree changes
// take the "categories" lock so two concurrent moves cannot make a cycle.
import type { Db, Prisma } from "../db/client";
import { lockFor } from "../db/locks";
import { badInput, conflict, notFound } from "./errors";
import { audit, changes, type Actor } from "./audit";
import type { Tx } from "./versioning";
import { slugify } from "./vietnamese";

export interface TaxonomyDeps {
  db: Db;
  provider: "sqlite" | "postgres";
  actor: Actor;
  now: Date;
}

/** Menu order: siblings by position, then name, then id (every list of categories uses it). */
export const MENU_ORDER = [{ position: "asc" }, { name: "asc" }, { id: "asc" }] as const satisfies Prisma.CategoryOrderByWithRelationInput[];

const transaction = <T>(db: Db, run: (tx: Tx) => Promise<T>) => db.$transaction((tx) => run(tx as Tx), { timeout: 15_000, maxWait: 15_000 });

/**
 * Categories and topics share one space of slugs: /rss/<slug>.xml and the
 * portal's pages name either by slug alone. Callers hold the "categories" lock.
 */
async function slugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [category, topic] = await Promise.all([
    tx.category.findUnique({ where: { slug }, select: { id: true } }),
    tx.topic.findUnique({ where: { slug }, select: { id: true } }),
  ]);
  return Boolean(category || topic);
}

/** What a category or topic is called: the fields an update may change. */
interface Naming {
  name: string;
  slug: string;
  description: string | null;
}

/**
 * The naming an update asks for: a blank name keeps the current one, an omitted
 * slug keeps it, an undefined description keeps it and null or "" clears it. A
 * new slug must be free among categories and topics (CONFLICT).
 */
async function renamed(
  tx: Tx,
  deps: TaxonomyDeps,
  current: Naming,
  input: { name?: string | null; slug?: string | null; description?: string | null },
): Promise<Naming> {
  const next = {
    name: input.name?.trim() || current.name,
    slug: input.slug ?? current.slug,
    description: input.description === undefined ? current.description : input.description?.trim() || null,
  };
  if (next.slug !== current.slug) {
    await lockFor(tx, deps.provider, "categories");
    if (await slugTaken(tx, next.slug)) throw conflict(`The slug "${next.slug}" is taken.`, { fields: ["slug"] });
  }
  return next;
}

const categoryFields = { id: true, slug: true, name: true, description: true, parentId: true, position: true } as const;

// ---------------------------------------------------------------------------
// Categories

export async function createCategory(
  deps: TaxonomyDeps,
  input: { name: string; slug?: string | null; description?: string | null; parentId?: string | null; position?: number | null },
): Promise<string> {
  const name = input.name.trim();
  const slug = input.slug ?? slugify(name);
  if (!slug) throw badInput("The name has no letters or digits to make a slug from; give a slug.", ["slug"]);
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "categories");
    if (await slugTaken(tx, slug)) {
      throw conflict(`The slug "${slug}" is taken.`, { fields: ["slug"] });
    }
    const parentId = input.parentId ?? null;
    if (parentId && !(await tx.category.findUnique({ where: { id: parentId }, select: { id: true } }))) {
      throw badInput("The parent category does not exist.", ["parentId"]);
    }
    // Last among its siblings unless a position is given.
    const position = input.position ?? (await tx.category.count({ where: { parentId } }));
    const category = await tx.category.create({
      data: { name, slug, description: input.description?.trim() || null, parentId, position, createdAt: deps.now },
      select: categoryFields,
    });
    await audit(tx, deps.actor, deps.now, { action: "CATEGORY_CREATE", targetType: "Category", targetId: category.id, after: category });
    return category.id;
  });
}

/** Name, description and, only when asked, slug. */
export async function updateCategory(
  deps: TaxonomyDeps,
  id: string,
  input: { name?: string | null; slug?: string | null; description?: string | null },
): Promise<string> {
  return transaction(deps.db, async (tx) => {
    const category = await tx.category.findUnique({ where: { id }, select: categoryFields });
    if (!category) throw notFound("The category");
    const next = await renamed(tx, deps, category, input);
    const changed = changes(category, next);
    if (!Object.keys(changed.after).length) return id;
    await tx.category.update({ where: { id }, data: next });
    await audit(tx, deps.actor, deps.now, { action: "CATEGORY_UPDATE", targetType: "Category", targetId: id, ...changed });
    return id;
  });
}

/** Renumbers `ids` 0, 1, 2... in this order (one statement per row whose position changes). */
async function renumber(tx: Tx, ids: string[], positions: Map<string, number>): Promise<void> {
  for (const [index, id] of ids.entries()) {
    if (positions.get(id) !== index) await tx.category.update({ where: { id }, data: { position: index } });
  }
}

/**
 * Moves a category under another parent (null: the top level), at `position`
 * among its new siblings (default: last). A category cannot go under itself or
 * one of its descendants.
 */
export async function moveCategory(deps: TaxonomyDeps, id: string, parentId: string | null, position: number | null): Promise<string> {
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "categories");
    const all = await tx.category.findMany({ select: { id: true, parentId: true, position: true, name: true } });
    const byId = new Map(all.map((c) => [c.id, c]));
    const category = byId.get(id);
    if (!category) throw notFound("The category");
    if (parentId !== null) {
      if (!byId.has(parentId)) throw badInput("The parent category does not exist.", ["parentId"]);
      // Walk up from the new parent: meeting the category itself means a cycle.
      for (let at: string | null = parentId, steps = 0; at !== null && steps <= all.length; at = byId.get(at)?.parentId ?? null, steps++) {
        if (at === id) throw badInput("A category cannot be moved under itself or one of its subcategories.", ["parentId"]);
      }
    }
    const siblings = all
      .filter((c) => c.parentId === parentId && c.id !== id)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, "vi") || a.id.localeCompare(b.id));
    const index = position === null ? siblings.length : Math.min(Math.max(position, 0), siblings.length);
    const order = [...siblings.map((c) => c.id)];
    order.splice(index, 0, id);
    if (category.parentId !== parentId) await tx.category.update({ where: { id }, data: { parentId } });
    const positions = new Map(all.map((c) => [c.id, c.id === id && category.parentId !== parentId ? -1 : c.position]));
    await renumber(tx, order, positions);
    // The old siblings close the gap.
    if (category.parentId !== parentId) {
      const old = all
        .filter((c) => c.parentId === category.parentId && c.id !== id)
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, "vi") || a.id.localeCompare(b.id));
      await renumber(
        tx,
        old.map((c) => c.id),
        positions,
      );
    }
    await audit(tx, deps.actor, deps.now, {
      action: "CATEGORY_MOVE",
      targetType: "Category",
      targetId: id,
      before: { parentId: category.parentId, position: category.position },
      after: { parentId, position: index },
    });
    return id;
  });
}

/** Puts the children of `parentId` (null: the top level) in the given order; `ids` must name each exactly once. */
export async function reorderCategories(deps: TaxonomyDeps, parentId: string | null, ids: string[]): Promise<void> {
  if (new Set(ids).size !== ids.length) throw badInput("ids names the same category twice.", ["ids"]);
  await transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "categories");
    if (parentId && !(await tx.category.findUnique({ where: { id: parentId }, select: { id: true } }))) throw notFound("The parent category");
    const children = await tx.category.findMany({ where: { parentId }, select: { id: true, position: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
    const known = new Set(children.map((c) => c.id));
    if (ids.length !== children.length || ids.some((i) => !known.has(i))) {
      throw badInput(`ids must list each of the ${children.length} subcategories of that parent exactly once.`, ["ids"]);
    }
    await renumber(tx, ids, new Map(children.map((c) => [c.id, c.position])));
    await audit(tx, deps.actor, deps.now, {
      action: "CATEGORY_REORDER",
      targetType: "Category",
      targetId: parentId,
      before: { order: children.map((c) => c.id) },
      after: { order: ids },
    });
  });
}

/** Articles (recycle bin included: they can come back) whose current, published or scheduled version is in the category. */
export function articlesInCategory(tx: Tx, categoryId: string): Promise<number> {
  const inCategory = { is: { categoryId } };
  return tx.article.count({ where: { OR: [{ currentVersion: inCategory }, { publishedVersion: inCategory }, { scheduledVersion: inCategory }] } });
}

/** Deletes an empty category: no subcategories, no article. CONFLICT with the counts otherwise. */
export async function deleteCategory(deps: TaxonomyDeps, id: string): Promise<{ id: string; slug: string }> {
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "categories");
    const category = await tx.category.findUnique({ where: { id }, select: categoryFields });
    if (!category) throw notFound("The category");
    const childCount = await tx.category.count({ where: { parentId: id } });
    const articleCount = await articlesInCategory(tx, id);
    if (childCount || articleCount) {
      const parts = [articleCount && `${articleCount} article(s)`, childCount && `${childCount} subcategory(ies)`].filter(Boolean);
      throw conflict(`The category is not empty: it holds ${parts.join(" and ")}. Move them first.`, { articleCount, childCount });
    }
    await tx.category.delete({ where: { id } });
    const rest = await tx.category.findMany({
      where: { parentId: category.parentId },
      select: { id: true, position: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    });
    await renumber(
      tx,
      rest.map((c) => c.id),
      new Map(rest.map((c) => [c.id, c.position])),
    );
    await audit(tx, deps.actor, deps.now, { action: "CATEGORY_DELETE", targetType: "Category", targetId: id, before: category });
    return { id, slug: category.slug };
  });
}

// ---------------------------------------------------------------------------
// Topics

const topicFields = { id: true, slug: true, name: true, description: true } as const;

export async function createTopic(deps: TaxonomyDeps, input: { name: string; slug?: string | null; description?: string | null }): Promise<string> {
  const name = input.name.trim();
  const slug = input.slug ?? slugify(name);
  if (!slug) throw badInput("The name has no letters or digits to make a slug from; give a slug.", ["slug"]);
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "categories");
    if (await slugTaken(tx, slug)) throw conflict(`The slug "${slug}" is taken.`, { fields: ["slug"] });
    const topic = await tx.topic.create({
      data: { name, slug, description: input.description?.trim() || null, createdAt: deps.now, updatedAt: deps.now },
      select: topicFields,
    });
    await audit(tx, deps.actor, deps.now, { action: "TOPIC_CREATE", targetType: "Topic", targetId: topic.id, after: topic });
    return topic.id;
  });
}

export async function updateTopic(
  deps: TaxonomyDeps,
  id: string,
  input: { name?: string | null; slug?: string | null; description?: string | null },
): Promise<string> {
  return transaction(deps.db, async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id }, select: topicFields });
    if (!topic) throw notFound("The topic");
    const next = await renamed(tx, deps, topic, input);
    const changed = changes(topic, next);
    if (!Object.keys(changed.after).length) return id;
    await tx.topic.update({ where: { id }, data: { ...next, updatedAt: deps.now } });
    await audit(tx, deps.actor, deps.now, { action: "TOPIC_UPDATE", targetType: "Topic", targetId: id, ...changed });
    return id;
  });
}

/** Deletes a topic; the articles stay and simply lose it. Returns the articles it was on. */
export async function deleteTopic(deps: TaxonomyDeps, id: string): Promise<{ id: string; slug: string; articleIds: string[] }> {
  return transaction(deps.db, async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id }, select: topicFields });
    if (!topic) throw notFound("The topic");
    const links = await tx.articleTopic.findMany({ where: { topicId: id }, select: { articleId: true } });
    await tx.topic.delete({ where: { id } });
    await audit(tx, deps.actor, deps.now, {
      action: "TOPIC_DELETE",
      targetType: "Topic",
      targetId: id,
      before: { ...topic, articleCount: links.length },
    });
    return { id, slug: topic.slug, articleIds: links.map((l) => l.articleId) };
  });
}

/** Replaces an article's topics by `topicIds`, in that order. The caller has checked the right to edit it. */
export async function setArticleTopics(deps: TaxonomyDeps, articleId: string, topicIds: string[]): Promise<string> {
  if (new Set(topicIds).size !== topicIds.length) throw badInput("topicIds names the same topic twice.", ["topicIds"]);
  return transaction(deps.db, async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { deletedAt: true } });
    if (!article) throw notFound("The article");
    if (article.deletedAt) throw badInput("Cannot change the topics of this article: it is in the recycle bin; restore it first.", ["id"]);
    if (topicIds.length && (await tx.topic.count({ where: { id: { in: topicIds } } })) !== topicIds.length) {
      throw badInput("topicIds names a topic that does not exist.", ["topicIds"]);
    }
    const before = (await tx.articleTopic.findMany({ where: { articleId }, orderBy: { position: "asc" }, select: { topicId: true } })).map((l) => l.topicId);
    if (JSON.stringify(before) === JSON.stringify(topicIds)) return articleId;
    await tx.articleTopic.deleteMany({ where: { articleId } });
    if (topicIds.length) {
      await tx.articleTopic.createMany({ data: topicIds.map((topicId, position) => ({ articleId, topicId, position, createdAt: deps.now })) });
    }
    await audit(tx, deps.actor, deps.now, {
      action: "ARTICLE_TOPICS",
      targetType: "Article",
      targetId: articleId,
      before: { topicIds: before },
      after: { topicIds },
    });
    return articleId;
  });
}
