// The writing half of the importer: one parsed page of the old
// SharePoint portal into the database, idempotently.
//
// - One transaction per page: everything of that page is written, or nothing.
// - The article is found by `sourceKey` (stable identity of the page). A new page
//   becomes version 1.0 APPROVED; a page whose content hash differs from the one
//   last imported becomes a new version; the same page again writes nothing.
// - An import never changes whether an article is published: a published article
//   gets the next major version (2.0, 3.0...) APPROVED, published and current; an
//   article an approver unpublished (or that is otherwise not published) gets the
//   next minor version as a DRAFT, current but unseen by readers until approved.
// - Counters (the site's "Số lượt truy cập", the article's "Lượt người xem") are
//   only ever raised, with conditional updates, so a counter flush running at the
//   same time is never lost.
// - Analysis and writing are separate steps: a dry run analyses and stops.
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { publishArticle, type Events } from "../events";
import { syncListing } from "../listing";
import { FALLBACK_SLUG, freeSlug } from "../article-slug";
import { slugify } from "../vietnamese";
import { changedFields, formatLabel, loadContent, nextMajor, nextMinor, writeVersion, type ArticleContent, type ContentField, type Tx } from "../versioning";
import { parseSharePointPage, type ParsedPage, type SiteInfo } from "./parse-page";

/** The agency row: the portal has one site, id 1. */
export const SITE_ID = 1;
/** The site name when the first imported page has no agency name in its footer. */
const DEFAULT_SITE_NAME = "Cổng thông tin điện tử";

export type ImportStatus = "imported" | "updated" | "unchanged" | "failed";

export interface ImportOutcome {
  /** The file name (or other label) the page came from. */
  source: string;
  status: ImportStatus;
  /** The page's stable identity (see ParsedPage.sourceKey), when the page was understood. */
  sourceKey: string | null;
  /** The article's slug (its ArticlePage address), when the page was understood. */
  slug: string | null;
  articleId: string | null;
  /** The version label written ("1.0", "2.0"; "2.1" as a draft of an unpublished article), for imported/updated pages. */
  version: string | null;
  /** What was (or, in a dry run, would be) written, one short phrase each. */
  changes: string[];
  /** Why the page failed; empty otherwise. */
  errors: string[];
  /** Oddities of the page that did not stop the import. */
  warnings: string[];
}

export interface ImportOptions {
  /** Analyse only: report what would change, write nothing. */
  dryRun?: boolean;
  /** The time of the import (version and approval times of a changed page). */
  now?: Date;
  /**
   * Overrides of the editorial fields a page cannot express, for a new article
   * only (the demo seed marks its article featured).
   */
  initial?: { featured?: boolean };
  /** When given, an article that becomes visible for the first time is announced. */
  events?: Events;
}

// ---------------------------------------------------------------------------
// Analysis

type SiteField = keyof SiteInfo;
const SITE_FIELDS: readonly SiteField[] = ["name", "responsiblePerson", "address", "phone", "fax", "email"];

interface SitePlan {
  /** Create the site row with these details (no site yet). */
  create: { [K in SiteField]: string | null } | null;
  /** Footer details that differ from the stored ones (only non-empty footer values). */
  update: Partial<Record<SiteField, string>>;
  /** Raise the site counter to this value (stored value is lower). */
  raiseVisitsFrom: number | null;
  raiseVisitsTo: number | null;
}

type CategoryPlan = { kind: "existing"; id: string; name: string } | { kind: "create"; name: string; slug: string };

type ArticlePlan =
  | { kind: "create"; slug: string }
  | {
      kind: "version";
      articleId: string;
      slug: string;
      deleted: boolean;
      /** Published now: the new version is published too; otherwise it is a draft. */
      published: boolean;
      currentVersionId: string;
      firstPublishedAt: Date | null;
      previous: ArticleContent;
      next: { major: number; minor: number };
      fields: ContentField[];
    }
  /** Same content, different hash (e.g. a non-stored field label changed): remember the hash only. */
  | { kind: "hash"; articleId: string; slug: string }
  | { kind: "same"; articleId: string; slug: string };

interface ImportPlan {
  page: ParsedPage;
  site: SitePlan;
  category: CategoryPlan;
  article: ArticlePlan;
  /** Raise the article's view count from → to. */
  views: { from: number; to: number } | null;
}

// A placeholder category id while the category does not exist yet (dry run, diff).
const NEW_CATEGORY = "\u0000new-category";

const TRUTHY_FLAG = /^(?:có|yes|true|1|x|✓|✔)$/iu;

/** The version content a page defines; editorial fields come from `base`. */
function contentFromPage(page: ParsedPage, categoryId: string, base: ArticleContent | null, featured: boolean): ArticleContent {
  return {
    // What the page does not carry is kept from the current version: an editor's
    // cover image, gallery, attachments, featured flag and end date survive a re-import.
    alternateUrl: base?.alternateUrl ?? null,
    expireAt: base?.expireAt ?? null,
    featured: base ? base.featured : featured,
    coverImageId: base?.coverImageId ?? null,
    galleryIds: base?.galleryIds ?? [],
    attachmentIds: base?.attachmentIds ?? [],
    title: page.title,
    summary: page.summary,
    body: page.bodyHtml,
    byline: page.byline,
    publishAt: page.publishedAt,
    articleType: page.articleType,
    pageCount: page.pageCount,
    photoCount: page.photoCount ?? page.images.length,
    categoryId,
  };
}

function featuredFromPage(page: ParsedPage, options: ImportOptions): boolean {
  if (options.initial?.featured !== undefined) return options.initial.featured;
  const flag = page.fields["Tin nổi bật"];
  return flag !== undefined && TRUTHY_FLAG.test(flag.trim());
}

async function planSite(tx: Tx, page: ParsedPage, footerIsNewest: boolean, contentChanges: boolean): Promise<SitePlan> {
  const site = await tx.site.findUnique({ where: { id: SITE_ID } });
  const visits = page.siteTotalVisits;
  if (!site) {
    const create = Object.fromEntries(SITE_FIELDS.map((f) => [f, page.site[f]])) as SitePlan["create"] & object;
    create.name ??= DEFAULT_SITE_NAME;
    return { create, update: {}, raiseVisitsFrom: visits ? 0 : null, raiseVisitsTo: visits || null };
  }
  // The footer is site data shared by every page. It is taken from a page only
  // when that page brings new content and is not older than any imported article,
  // so re-importing an old page never rolls the agency's details back.
  const update: SitePlan["update"] = {};
  if (footerIsNewest && contentChanges) {
    for (const f of SITE_FIELDS) {
      const value = page.site[f];
      if (value !== null && value !== site[f]) update[f] = value;
    }
  }
  const raise = visits !== null && visits > site.totalVisits;
  return { create: null, update, raiseVisitsFrom: raise ? site.totalVisits : null, raiseVisitsTo: raise ? visits : null };
}

async function planImport(tx: Tx, page: ParsedPage): Promise<ImportPlan> {
  const categorySlug = slugify(page.section) || "chuyen-muc";
  const existingCategory = await tx.category.findUnique({ where: { slug: categorySlug }, select: { id: true, name: true } });
  const category: CategoryPlan = existingCategory ? { kind: "existing", ...existingCategory } : { kind: "create", name: page.section, slug: categorySlug };
  const categoryId = category.kind === "existing" ? category.id : NEW_CATEGORY;

  const existing = await tx.article.findUnique({
    where: { sourceKey: page.sourceKey },
    select: {
      id: true,
      slug: true,
      sourceHash: true,
      viewCount: true,
      currentVersionId: true,
      firstPublishedAt: true,
      deletedAt: true,
      publishedVersionId: true,
    },
  });

  let article: ArticlePlan;
  if (!existing) {
    article = {
      kind: "create",
      slug: await freeSlug(tx, page.title, `${FALLBACK_SLUG}-${createHash("sha256").update(page.sourceKey).digest("hex").slice(0, 12)}`),
    };
  } else if (existing.sourceHash === page.contentHash || !existing.currentVersionId) {
    article = { kind: "same", articleId: existing.id, slug: existing.slug };
  } else {
    const previous = await loadContent(tx, existing.currentVersionId);
    const next = contentFromPage(page, categoryId, previous, previous.featured);
    const fields = changedFields(previous, next);
    if (fields.length === 0) {
      article = { kind: "hash", articleId: existing.id, slug: existing.slug };
    } else {
      const latest = await tx.articleVersion.findFirstOrThrow({
        where: { articleId: existing.id },
        orderBy: [{ major: "desc" }, { minor: "desc" }],
        select: { major: true, minor: true },
      });
      article = {
        kind: "version",
        articleId: existing.id,
        slug: existing.slug,
        deleted: existing.deletedAt !== null,
        published: existing.publishedVersionId !== null,
        currentVersionId: existing.currentVersionId,
        firstPublishedAt: existing.firstPublishedAt,
        previous,
        next: existing.publishedVersionId !== null ? nextMajor(latest) : nextMinor(latest),
        fields,
      };
    }
  }

  const views = page.viewCount ?? 0;
  const storedViews = existing?.viewCount ?? 0;
  const contentChanges = article.kind === "create" || article.kind === "version";
  const newer = await tx.article.findFirst({
    where: { sourceKey: { not: null }, NOT: { sourceKey: page.sourceKey }, publishedAt: { gt: page.publishedAt } },
    select: { id: true },
  });
  return {
    page,
    site: await planSite(tx, page, newer === null, contentChanges),
    category,
    article,
    views: views > storedViews ? { from: storedViews, to: views } : null,
  };
}

/** Short phrases for the report, in the order things are written. */
function describePlan(plan: ImportPlan): string[] {
  const out: string[] = [];
  const { site, category, article, views, page } = plan;
  if (site.create) out.push(`new site "${site.create.name}"`);
  const updated = Object.keys(site.update);
  if (updated.length > 0) out.push(`site details: ${updated.join(", ")}`);
  if (site.raiseVisitsTo !== null) out.push(`site counter ${site.raiseVisitsFrom} → ${site.raiseVisitsTo}`);
  const writesCategory = article.kind === "create" || article.kind === "version";
  if (category.kind === "create" && writesCategory) out.push(`new category "${category.name}"`);
  if (article.kind === "create") out.push(`new article "${page.title}" as 1.0 (/${article.slug})`);
  if (article.kind === "version") {
    out.push(`new version ${formatLabel(article.next.major, article.next.minor)} changing ${article.fields.join(", ")}`);
    if (!article.published) out.push("as a draft: the article stays unpublished");
    if (article.deleted) out.push("the article stays in the recycle bin");
  }
  if (views) out.push(article.kind === "create" ? `${views.to} views` : `views ${views.from} → ${views.to}`);
  return out;
}

function statusOf(plan: ImportPlan): Exclude<ImportStatus, "failed"> {
  if (plan.article.kind === "create") return "imported";
  const { site } = plan;
  const other = plan.views !== null || site.raiseVisitsTo !== null || Object.keys(site.update).length > 0;
  return plan.article.kind === "version" || other ? "updated" : "unchanged";
}

// ---------------------------------------------------------------------------
// Writing

async function applyPlan(tx: Tx, plan: ImportPlan, options: ImportOptions): Promise<{ articleId: string; version: string | null; announce: boolean }> {
  const { page, site, article } = plan;
  const now = options.now ?? new Date();

  if (site.create) {
    await tx.site.create({ data: { id: SITE_ID, ...site.create, name: site.create.name ?? DEFAULT_SITE_NAME } });
  } else if (Object.keys(site.update).length > 0) {
    await tx.site.update({ where: { id: SITE_ID }, data: site.update });
  }
  if (site.raiseVisitsTo !== null) {
    // Conditional: never lowers a counter another process raised meanwhile.
    await tx.site.updateMany({ where: { id: SITE_ID, totalVisits: { lt: site.raiseVisitsTo } }, data: { totalVisits: site.raiseVisitsTo } });
  }

  const writesContent = article.kind === "create" || article.kind === "version";
  let categoryId: string | null = plan.category.kind === "existing" ? plan.category.id : null;
  if (writesContent && plan.category.kind === "create") {
    const { name, slug } = plan.category;
    const position = await tx.category.count();
    categoryId = (await tx.category.create({ data: { name, slug, position }, select: { id: true } })).id;
  }

  let articleId: string;
  let version: string | null = null;
  let announce = false;
  if (article.kind === "create") {
    const content = contentFromPage(page, categoryId!, null, featuredFromPage(page, options));
    const created = await createPublishedArticle(tx, {
      slug: article.slug,
      sourceKey: page.sourceKey,
      sourceHash: page.contentHash,
      viewCount: page.viewCount ?? 0,
      publishedAt: page.publishedAt,
      comment: `Imported from ${page.source}`,
      content,
    });
    articleId = created.id;
    version = created.version;
    announce = page.publishedAt <= now;
  } else if (article.kind === "version" && !article.published) {
    // Not published (an approver withdrew it, or it never was): the page's content
    // becomes a draft for the editors, as an edit would; publication is theirs to decide.
    articleId = article.articleId;
    const content = contentFromPage(page, categoryId!, article.previous, article.previous.featured);
    const v = await writeVersion(tx, {
      articleId,
      ...article.next,
      status: "DRAFT",
      content,
      previous: article.previous,
      comment: `Imported from ${page.source}`,
      userId: null,
      at: now,
    });
    await tx.article.update({
      where: { id: articleId },
      data: { status: "DRAFT", currentVersionId: v.id, sourceHash: page.contentHash, updatedAt: now, updatedById: null },
    });
    version = v.label;
  } else if (article.kind === "version") {
    articleId = article.articleId;
    const content = contentFromPage(page, categoryId!, article.previous, article.previous.featured);
    const comment = `Imported from ${page.source}`;
    const v = await writeVersion(tx, {
      articleId,
      ...article.next,
      status: "APPROVED",
      content,
      previous: article.previous,
      comment,
      userId: null,
      at: now,
    });
    await tx.approval.create({
      data: { articleId, versionId: v.id, versionLabel: v.label, decision: "APPROVED", comment, decidedAt: now, decidedById: null },
    });
    await tx.article.update({
      where: { id: articleId },
      data: {
        status: "APPROVED",
        currentVersionId: v.id,
        publishedVersionId: v.id,
        publishedAt: page.publishedAt,
        firstPublishedAt: article.firstPublishedAt ?? page.publishedAt,
        sourceHash: page.contentHash,
        updatedAt: now,
        updatedById: null,
      },
    });
    version = v.label;
    announce = article.firstPublishedAt === null && !article.deleted && page.publishedAt <= now;
  } else {
    articleId = article.articleId;
    if (article.kind === "hash") await tx.article.update({ where: { id: articleId }, data: { sourceHash: page.contentHash } });
  }

  if (plan.views) {
    await tx.article.updateMany({ where: { id: articleId, viewCount: { lt: plan.views.to } }, data: { viewCount: plan.views.to } });
  }
  await syncListing(tx, [articleId]);
  return { articleId, version, announce };
}

// ---------------------------------------------------------------------------
// Entry points

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).trim().split("\n").filter(Boolean).pop() ?? "unknown error";

function failed(source: string, errors: string[], warnings: string[] = []): ImportOutcome {
  return { source, status: "failed", sourceKey: null, slug: null, articleId: null, version: null, changes: [], errors, warnings };
}

/** Imports one parsed page (see the file comment). Never throws for a bad page or a failed write. */
export async function importParsedPage(db: Db, page: ParsedPage, options: ImportOptions = {}): Promise<ImportOutcome> {
  const base = { source: page.source, sourceKey: page.sourceKey, errors: [], warnings: page.warnings };
  try {
    if (options.dryRun) {
      const plan = await planImport(db, page);
      const slug = plan.article.slug;
      const articleId = plan.article.kind === "create" ? null : plan.article.articleId;
      const version =
        plan.article.kind === "create" ? "1.0" : plan.article.kind === "version" ? formatLabel(plan.article.next.major, plan.article.next.minor) : null;
      return { ...base, status: statusOf(plan), slug, articleId, version, changes: describePlan(plan) };
    }
    const { plan, written } = await db.$transaction(
      async (tx) => {
        const plan = await planImport(tx, page);
        return { plan, written: await applyPlan(tx, plan, options) };
      },
      // Prisma's 5 s default is short for a busy server sharing a SQLite file.
      { maxWait: 15_000, timeout: 60_000 },
    );
    if (written.announce && options.events) {
      publishArticle(options.events, { articleId: written.articleId, categorySlug: slugify(page.section) || null });
    }
    return {
      ...base,
      status: statusOf(plan),
      slug: plan.article.slug,
      articleId: written.articleId,
      version: written.version,
      changes: describePlan(plan),
    };
  } catch (error) {
    // The transaction rolled back: nothing of this page was written.
    return { ...failed(page.source, [`could not be written: ${firstLine(error)}`], page.warnings), sourceKey: page.sourceKey };
  }
}

/** Parses and imports one page's text. `source` names it in messages and in the version comment. */
export async function importPageText(db: Db, text: string, source: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const parsed = parseSharePointPage(text, source);
  if (!parsed.ok) return failed(source, parsed.errors);
  return importParsedPage(db, parsed.page, options);
}

// ---------------------------------------------------------------------------
// Writing articles that do not come from a page (the demo seed)

/**
 * A new article whose first version is approved as 1.0 and published at
 * `publishedAt`, with its approval. The same rows an imported page gets.
 */
export async function createPublishedArticle(
  tx: Tx,
  a: {
    slug: string;
    sourceKey: string | null;
    sourceHash?: string | null;
    viewCount: number;
    publishedAt: Date;
    comment: string;
    content: ArticleContent;
  },
): Promise<{ id: string; version: string }> {
  const article = await tx.article.create({
    data: {
      slug: a.slug,
      sourceKey: a.sourceKey,
      sourceHash: a.sourceHash ?? null,
      status: "APPROVED",
      viewCount: a.viewCount,
      publishedAt: a.publishedAt,
      firstPublishedAt: a.publishedAt,
      createdAt: a.publishedAt,
      updatedAt: a.publishedAt,
    },
    select: { id: true },
  });
  const v = await writeVersion(tx, {
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
  await tx.approval.create({
    data: { articleId: article.id, versionId: v.id, versionLabel: v.label, decision: "APPROVED", comment: a.comment, decidedAt: a.publishedAt },
  });
  await tx.article.update({ where: { id: article.id }, data: { currentVersionId: v.id, publishedVersionId: v.id } });
  await syncListing(tx, [article.id]);
  return { id: article.id, version: v.label };
}
