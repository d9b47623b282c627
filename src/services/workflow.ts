// The editorial workflow (the header of schema/operations/editor.graphql):
// SharePoint's major/minor versioning with content approval,
// scheduling, soft deletion and item permissions. No GraphQL here: the schema
// calls these functions, the scheduler calls promoteDue/expireDue.
//
// Every step is one transaction that ends with a conditional update of the
// Article row ("where currentVersionId is still the one I read"): when another
// change landed first the update matches nothing and the whole step, version
// included, rolls back with CONFLICT. (articleId, label) is unique as a second guard.
import { Prisma, type ApprovalStatus, type Db, type Role } from "../db/client";
import { badInput, conflict, notFound } from "./errors";
import type { Viewer } from "./access";
import { isHttpUrl, sanitizeArticleBody } from "./article-html";
import { publishArticle, type ArticlePublishedEvent, type Events } from "./events";
import { syncListing } from "./listing";
import { freeSlug } from "./article-slug";
import { checkArticleMedia } from "./media/library";
import { slugify } from "./vietnamese";
import { audit, changes, type Actor, type AuditAction } from "./audit";
import { emptyContent, loadContent, parseLabel, photoCountOf, writeVersion, type ArticleContent, type Tx, nextMajor, nextMinor } from "./versioning";

export interface WorkflowDeps {
  db: Db;
  events: Events;
  /** The instant of the request (the app clock). */
  now: Date;
  viewer: Viewer;
  /**
   * Who acts and from where, for the audit trail (every step writes its event in
   * its own transaction). Without it (a script), the viewer with no address.
   */
  actor?: Actor;
}

const actorIn = (deps: WorkflowDeps): Actor =>
  deps.actor ?? { id: deps.viewer.id, name: deps.viewer.name, role: deps.viewer.role, address: null, userAgent: null };

/** The audit event of a step on an article, written with the step's transaction. */
const record = (tx: Tx, deps: WorkflowDeps, action: AuditAction, articleId: string, before?: unknown, after?: unknown, detail?: unknown) =>
  audit(tx, actorIn(deps), deps.now, { action, targetType: "Article", targetId: articleId, articleId, before, after, detail });

/** What an update changed, field by field: values, except the body (its length: versions keep the text). */
function contentChanges(previous: ArticleContent, next: ArticleContent) {
  const { before, after } = changes(previous as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>);
  for (const side of [before, after]) {
    if ("body" in side) side.body = { length: String(side.body ?? "").length };
  }
  return { before, after };
}

// ---------------------------------------------------------------------------
// Input

/** Content fields of an input: undefined keeps the current value, null clears it. */
export interface ContentInput {
  title?: string | null;
  body?: string | null;
  summary?: string | null;
  categoryId?: string | null;
  coverImageId?: string | null;
  alternateUrl?: string | null;
  publishAt?: Date | null;
  expireAt?: Date | null;
  featured?: boolean | null;
  byline?: string | null;
  articleType?: string | null;
  pageCount?: number | null;
  attachmentIds?: string[] | null;
  galleryIds?: string[] | null;
}

export interface CreateArticleInput extends ContentInput {
  title: string;
  body: string;
  slug?: string | null;
  comment?: string | null;
}

export interface UpdateArticleInput extends ContentInput {
  id: string;
  expectedVersion: string;
  slug?: string | null;
  comment?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value == null ? value : value.trim() === "" ? null : value.trim());

/**
 * The next content: the previous one with the input applied, the body sanitised,
 * references to categories and media checked, the photo count derived.
 */
async function nextContent(tx: Tx, previous: ArticleContent, input: ContentInput): Promise<ArticleContent> {
  for (const field of ["title", "body", "featured"] as const) {
    if (input[field] === null) throw badInput(`${field} cannot be null.`, [`${field}`]);
  }
  const next: ArticleContent = { ...previous };
  if (input.title !== undefined) {
    next.title = input.title!.trim();
    if (!next.title) throw badInput("The title cannot be empty.", ["title"]);
  }
  if (input.body !== undefined) next.body = sanitizeArticleBody(input.body!);
  if (input.featured !== undefined) next.featured = input.featured!;
  for (const field of ["summary", "byline", "articleType"] as const) {
    if (input[field] !== undefined) next[field] = blankToNull(input[field]) ?? null;
  }
  if (input.alternateUrl !== undefined) {
    const url = blankToNull(input.alternateUrl) ?? null;
    if (url !== null && !isHttpUrl(url)) throw badInput("alternateUrl must be an http(s) address.", ["alternateUrl"]);
    next.alternateUrl = url;
  }
  for (const field of ["publishAt", "expireAt", "pageCount", "categoryId", "coverImageId", "galleryIds", "attachmentIds"] as const) {
    if (input[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = input[field] ?? (field.endsWith("Ids") ? [] : null);
  }
  if (next.publishAt && next.expireAt && next.expireAt <= next.publishAt) {
    throw badInput("The end of publication must come after the publish date.", ["expireAt"]);
  }
  await checkReferences(tx, input);
  const galleryKinds = next.galleryIds.length ? await tx.media.findMany({ where: { id: { in: next.galleryIds } }, select: { id: true, kind: true } }) : [];
  const kindOf = new Map(galleryKinds.map((m) => [m.id, m.kind]));
  next.photoCount = photoCountOf(
    next.body,
    next.galleryIds.map((id) => kindOf.get(id) ?? ""),
  );
  return next;
}

/** The category and media an input names must exist (media: the rules of the media library). */
async function checkReferences(tx: Tx, input: ContentInput): Promise<void> {
  if (input.categoryId && !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))) {
    throw badInput("The category does not exist.", ["categoryId"]);
  }
  await checkArticleMedia(tx, { coverImageId: input.coverImageId, galleryIds: input.galleryIds, attachmentIds: input.attachmentIds });
}

// ---------------------------------------------------------------------------
// Slugs

async function assertSlugFree(tx: Tx, slug: string, articleId: string | null): Promise<void> {
  const owner = await tx.article.findUnique({ where: { slug }, select: { id: true } });
  if (owner && owner.id !== articleId) throw conflict(`The slug "${slug}" is taken.`, { fields: ["slug"] });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

// ---------------------------------------------------------------------------
// Loading inside a step

interface Current {
  id: string;
  slug: string;
  status: ApprovalStatus;
  publishedVersionId: string | null;
  scheduledVersionId: string | null;
  publishedAt: Date | null;
  firstPublishedAt: Date | null;
  version: { id: string; major: number; minor: number; label: string; status: ApprovalStatus; comment: string | null };
}

/**
 * The article a step works on. A deleted one exists only for ADMIN (the recycle
 * bin): they are told why nothing can be done; everyone else never gets this far.
 */
async function loadCurrent(tx: Tx, articleId: string, action: string): Promise<Current> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      status: true,
      deletedAt: true,
      publishedVersionId: true,
      scheduledVersionId: true,
      publishedAt: true,
      firstPublishedAt: true,
      currentVersion: { select: { id: true, major: true, minor: true, label: true, status: true, comment: true } },
    },
  });
  if (!article || !article.currentVersion) throw notFound("The article");
  if (article.deletedAt) throw deletedArticle(action);
  const { currentVersion, deletedAt: _deletedAt, ...rest } = article;
  return { ...rest, version: currentVersion };
}

const deletedArticle = (action: string) => badInput(`Cannot ${action} this article: it is in the recycle bin; restore it first.`, ["id"]);

const changedMeanwhile = (label: string) =>
  conflict(`The article changed meanwhile (it is now at version ${label}); reload it and try again.`, { currentVersion: label });

/** Moves the article on, unless another change landed since `current` was read. */
async function advance(tx: Tx, current: Current, data: Prisma.ArticleUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.article.updateMany({
    where: { id: current.id, deletedAt: null, currentVersionId: current.version.id, status: current.status },
    data,
  });
  if (count !== 1) throw changedMeanwhile(current.version.label);
}

/**
 * Runs one workflow step on an article in a transaction. A lost race on a unique
 * key (two writers of the same version label, on PostgreSQL) is a CONFLICT too.
 */
async function step<T>(db: Db, articleId: string, run: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(
      async (tx) => {
        const result = await run(tx as Tx);
        // Every step keeps the listing counts in its own transaction (src/services/listing.ts).
        await syncListing(tx as Tx, [articleId]);
        return result;
      },
      { timeout: 15_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const now = await db.article.findUnique({ where: { id: articleId }, select: { currentVersion: { select: { label: true } } } });
    throw now?.currentVersion ? changedMeanwhile(now.currentVersion.label) : conflict("Another change landed first; reload and try again.");
  }
}

const touched = (deps: WorkflowDeps) => ({ updatedAt: deps.now, updatedById: deps.viewer.id });

// ---------------------------------------------------------------------------
// The steps

/** createArticle → version 0.1, DRAFT. Returns the article id. */
export async function createArticle(deps: WorkflowDeps, input: CreateArticleInput): Promise<string> {
  // A derived slug can lose a race with a concurrent create of the same title
  // (PostgreSQL); then it is simply derived again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.$transaction(
        async (t) => {
          const tx = t as Tx;
          const content = await nextContent(tx, emptyContent(), input);
          const slug = input.slug ?? (await freeSlug(tx, content.title));
          if (input.slug) await assertSlugFree(tx, input.slug, null);
          const article = await tx.article.create({
            data: { slug, status: "DRAFT", createdAt: deps.now, createdById: deps.viewer.id, ...touched(deps) },
            select: { id: true },
          });
          const version = await writeVersion(tx, {
            articleId: article.id,
            major: 0,
            minor: 1,
            status: "DRAFT",
            content,
            previous: null,
            comment: blankToNull(input.comment) ?? null,
            userId: deps.viewer.id,
            at: deps.now,
          });
          await tx.article.update({ where: { id: article.id }, data: { currentVersionId: version.id } });
          await record(tx, deps, "ARTICLE_CREATE", article.id, null, { slug, version: version.label, status: "DRAFT", title: content.title });
          return article.id;
        },
        { timeout: 15_000, maxWait: 15_000 },
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.slug || attempt >= 3) throw conflict(`The slug "${input.slug ?? slugify(input.title)}" is taken.`, { fields: ["slug"] });
    }
  }
}

/**
 * updateArticle → next minor version, DRAFT. Fails with CONFLICT, writing
 * nothing, unless the article is still at `expectedVersion`.
 */
export async function updateArticle(deps: WorkflowDeps, input: UpdateArticleInput): Promise<string> {
  if (!parseLabel(input.expectedVersion)) throw badInput('expectedVersion must be a version label such as "1.2".', ["expectedVersion"]);
  return step(deps.db, input.id, async (tx) => {
    const current = await loadCurrent(tx, input.id, "update");
    if (current.version.label !== input.expectedVersion.trim()) throw changedMeanwhile(current.version.label);
    const previous = await loadContent(tx, current.version.id);
    const content = await nextContent(tx, previous, input);
    const slug = input.slug && input.slug !== current.slug ? input.slug : null;
    // The slug is the article's address, not versioned content: once readers have
    // seen the article it stays, so links keep working and no draft shows through it.
    if (slug && current.firstPublishedAt) {
      throw badInput("The slug of an article that has been published cannot change.", ["slug"]);
    }
    if (slug) await assertSlugFree(tx, slug, current.id);
    const version = await saveDraft(tx, deps, current, content, previous, blankToNull(input.comment) ?? null, slug ? { slug } : {});
    const changed = contentChanges(previous, content);
    await record(
      tx,
      deps,
      "ARTICLE_UPDATE",
      current.id,
      { version: current.version.label, status: current.status, ...(slug && { slug: current.slug }), ...changed.before },
      { version: version.label, status: "DRAFT", ...(slug && { slug }), ...changed.after },
    );
    return current.id;
  });
}

/** Why a status cannot move on with `action`, in words for the editor. */
function illegal(action: string, current: Current): never {
  const label = current.version.label;
  const reasons: Record<ApprovalStatus, string> = {
    DRAFT: `version ${label} is a draft that was never submitted for approval`,
    PENDING: `version ${label} is already waiting for approval`,
    APPROVED: `version ${label} is already approved; edit the article to start a new draft`,
    REJECTED: `version ${label} was rejected; edit it and submit it again`,
    SCHEDULED: `version ${label} is already approved and scheduled`,
  };
  throw badInput(`Cannot ${action} this article: ${reasons[current.status]}.`, ["id"]);
}

/** Writes `content` as the next minor version, a DRAFT, and makes it the article's latest. */
async function saveDraft(
  tx: Tx,
  deps: WorkflowDeps,
  current: Current,
  content: ArticleContent,
  previous: ArticleContent,
  comment: string | null,
  article: { slug?: string } = {},
) {
  const version = await writeVersion(tx, {
    articleId: current.id,
    ...nextMinor(current.version),
    status: "DRAFT",
    content,
    previous,
    comment,
    userId: deps.viewer.id,
    at: deps.now,
  });
  await advance(tx, current, { currentVersionId: version.id, status: "DRAFT", ...article, ...touched(deps) });
  return version;
}

/** submitArticle: DRAFT or REJECTED → PENDING. */
export async function submitArticle(deps: WorkflowDeps, articleId: string, comment: string | null | undefined): Promise<string> {
  return step(deps.db, articleId, async (tx) => {
    const current = await loadCurrent(tx, articleId, "submit");
    if (current.status !== "DRAFT" && current.status !== "REJECTED") illegal("submit", current);
    const note = blankToNull(comment);
    // A major version is the record of an approval and keeps its status (an
    // unpublished article goes back to review on its last major version).
    if (current.version.minor !== 0 || note) {
      await tx.articleVersion.update({
        where: { id: current.version.id },
        data: {
          ...(current.version.minor !== 0 && { status: "PENDING" }),
          ...(note && { comment: current.version.comment ? `${current.version.comment}\n${note}` : note }),
        },
      });
    }
    await advance(tx, current, { status: "PENDING", ...touched(deps) });
    await record(tx, deps, "ARTICLE_SUBMIT", current.id, { status: current.status }, { status: "PENDING" }, { version: current.version.label, comment: note });
    return current.id;
  });
}

export interface StepResult {
  articleId: string;
  /** The article became visible to readers for the first time: announce it. */
  announce: ArticlePublishedEvent | null;
}

/**
 * approveArticle: PENDING → the next major version, APPROVED and visible to
 * readers, or SCHEDULED while its publish date is in the future.
 */
export async function approveArticle(
  deps: WorkflowDeps,
  articleId: string,
  comment: string | null | undefined,
  expectedVersion?: string | null,
): Promise<StepResult> {
  const expected = expectedVersion?.trim() || null;
  if (expected && !parseLabel(expected)) throw badInput('expectedVersion must be a version label such as "0.2".', ["expectedVersion"]);
  const result = await step(deps.db, articleId, async (tx): Promise<StepResult> => {
    const current = await loadCurrent(tx, articleId, "approve");
    // The approver reviewed `expected`: if another version was submitted since, they approve nothing unseen.
    if (expected && current.version.label !== expected) throw changedMeanwhile(current.version.label);
    if (current.status !== "PENDING") illegal("approve", current);
    const content = await loadContent(tx, current.version.id);
    if (content.expireAt && content.expireAt <= deps.now) {
      throw badInput("Cannot approve this article: its end of publication has already passed.", ["id"]);
    }
    const scheduled = content.publishAt !== null && content.publishAt > deps.now;
    const note = blankToNull(comment) ?? null;
    const version = await writeVersion(tx, {
      articleId: current.id,
      ...nextMajor(current.version),
      status: scheduled ? "SCHEDULED" : "APPROVED",
      content,
      previous: content,
      comment: note,
      userId: deps.viewer.id,
      at: deps.now,
    });
    await tx.approval.create({
      data: {
        articleId: current.id,
        versionId: version.id,
        versionLabel: version.label,
        reviewedVersionLabel: current.version.label,
        decision: "APPROVED",
        comment: note,
        decidedAt: deps.now,
        decidedById: deps.viewer.id,
      },
    });
    const approvalEvent = (status: ApprovalStatus) =>
      record(
        tx,
        deps,
        "ARTICLE_APPROVE",
        current.id,
        { status: current.status, version: current.version.label },
        { status, version: version.label, ...(scheduled && { publishAt: content.publishAt }) },
        { reviewedVersion: current.version.label, comment: note },
      );
    if (scheduled) {
      // Readers keep the published version, if any, until the scheduler promotes this one.
      await advance(tx, current, { currentVersionId: version.id, scheduledVersionId: version.id, status: "SCHEDULED", ...touched(deps) });
      await approvalEvent("SCHEDULED");
      return { articleId: current.id, announce: null };
    }
    await advance(tx, current, {
      currentVersionId: version.id,
      publishedVersionId: version.id,
      scheduledVersionId: null,
      status: "APPROVED",
      publishedAt: content.publishAt ?? current.publishedAt ?? deps.now,
      expireAt: content.expireAt,
      ...touched(deps),
    });
    await approvalEvent("APPROVED");
    return { articleId: current.id, announce: await firstPublication(tx, current.id, content.categoryId, deps.now) };
  });
  if (result.announce) publishArticle(deps.events, result.announce);
  return result;
}

/**
 * Marks the first publication of an article, once: the conditional update lets
 * exactly one caller (request or scheduler instance) win and announce it.
 */
async function firstPublication(tx: Tx, articleId: string, categoryId: string | null, now: Date): Promise<ArticlePublishedEvent | null> {
  const { count } = await tx.article.updateMany({ where: { id: articleId, firstPublishedAt: null }, data: { firstPublishedAt: now } });
  if (count !== 1) return null;
  const category = categoryId ? await tx.category.findUnique({ where: { id: categoryId }, select: { slug: true } }) : null;
  return { articleId, categorySlug: category?.slug ?? null };
}

/** rejectArticle: PENDING → REJECTED, with the approver's reason. Readers keep what they had. */
export async function rejectArticle(deps: WorkflowDeps, articleId: string, comment: string): Promise<string> {
  const reason = blankToNull(comment);
  if (!reason) throw badInput("A rejection needs a comment saying why.", ["comment"]);
  return step(deps.db, articleId, async (tx) => {
    const current = await loadCurrent(tx, articleId, "reject");
    if (current.status !== "PENDING") illegal("reject", current);
    // A major version is the record of an approval and keeps its status.
    if (current.version.minor !== 0) await tx.articleVersion.update({ where: { id: current.version.id }, data: { status: "REJECTED" } });
    await tx.approval.create({
      data: {
        articleId: current.id,
        versionId: current.version.id,
        versionLabel: current.version.label,
        reviewedVersionLabel: current.version.label,
        decision: "REJECTED",
        comment: reason,
        decidedAt: deps.now,
        decidedById: deps.viewer.id,
      },
    });
    await advance(tx, current, { status: "REJECTED", ...touched(deps) });
    await record(
      tx,
      deps,
      "ARTICLE_REJECT",
      current.id,
      { status: current.status },
      { status: "REJECTED" },
      { version: current.version.label, comment: reason },
    );
    return current.id;
  });
}

/**
 * unpublishArticle: readers no longer see the article (published and scheduled
 * versions are withdrawn); the history stays. An approved or scheduled latest
 * version becomes DRAFT for the editors; a pending or rejected one keeps its status.
 */
export async function unpublishArticle(deps: WorkflowDeps, articleId: string): Promise<string> {
  return step(deps.db, articleId, async (tx) => {
    const current = await loadCurrent(tx, articleId, "unpublish");
    if (!current.publishedVersionId && !current.scheduledVersionId) {
      throw badInput("Cannot unpublish this article: it is neither published nor scheduled.", ["id"]);
    }
    await advance(tx, current, {
      ...withdrawn(current.status),
      ...touched(deps),
    });
    await record(
      tx,
      deps,
      "ARTICLE_UNPUBLISH",
      current.id,
      {
        status: current.status,
        published: current.publishedVersionId !== null,
        scheduled: current.scheduledVersionId !== null,
        publishedAt: current.publishedAt,
      },
      { status: withdrawn(current.status).status, published: false, scheduled: false, publishedAt: null },
    );
    return current.id;
  });
}

/** The Article columns of an article readers no longer see. */
const withdrawn = (status: ApprovalStatus) => ({
  publishedVersionId: null,
  scheduledVersionId: null,
  publishedAt: null,
  expireAt: null,
  status: status === "APPROVED" || status === "SCHEDULED" ? ("DRAFT" as const) : status,
});

/** restoreArticleVersion: a new minor version whose content equals version `label`, DRAFT. */
export async function restoreArticleVersion(deps: WorkflowDeps, articleId: string, label: string): Promise<string> {
  const wanted = parseLabel(label);
  if (!wanted) throw badInput('version must be a version label such as "1.2".', ["version"]);
  return step(deps.db, articleId, async (tx) => {
    const current = await loadCurrent(tx, articleId, "restore a version of");
    const source = await tx.articleVersion.findFirst({
      where: { articleId: current.id, major: wanted.major, minor: wanted.minor },
      select: { id: true, label: true },
    });
    if (!source) throw badInput(`This article has no version ${label.trim()}.`, ["version"]);
    const previous = await loadContent(tx, current.version.id);
    const content = await loadContent(tx, source.id);
    const version = await saveDraft(tx, deps, current, content, previous, `Restored from version ${source.label}`);
    await record(
      tx,
      deps,
      "ARTICLE_RESTORE_VERSION",
      current.id,
      { version: current.version.label, status: current.status },
      { version: version.label, status: "DRAFT" },
      { restoredFrom: source.label },
    );
    return current.id;
  });
}

/** deleteArticle: into the recycle bin, gone for everyone but ADMIN. */
export async function deleteArticle(deps: WorkflowDeps, articleId: string): Promise<string> {
  const count = await deps.db.$transaction(async (t) => {
    const tx = t as Tx;
    const { count } = await tx.article.updateMany({
      where: { id: articleId, deletedAt: null },
      data: { deletedAt: deps.now, deletedById: deps.viewer.id, ...touched(deps) },
    });
    await syncListing(tx, [articleId]);
    if (count === 1) await record(tx, deps, "ARTICLE_DELETE", articleId, { deleted: false }, { deleted: true });
    return count;
  });
  if (count !== 1) throw (await deps.db.article.count({ where: { id: articleId } })) ? deletedArticle("delete") : notFound("The article");
  return articleId;
}

/** restoreArticle (ADMIN): back from the recycle bin, in the state it was deleted in. */
export async function restoreArticle(deps: WorkflowDeps, articleId: string): Promise<string> {
  const count = await deps.db.$transaction(async (t) => {
    const tx = t as Tx;
    const { count } = await tx.article.updateMany({
      where: { id: articleId, deletedAt: { not: null } },
      data: { deletedAt: null, deletedById: null, ...touched(deps) },
    });
    await syncListing(tx, [articleId]);
    if (count === 1) await record(tx, deps, "ARTICLE_RESTORE", articleId, { deleted: true }, { deleted: false });
    return count;
  });
  if (count === 1) return articleId;
  if (await deps.db.article.count({ where: { id: articleId } })) throw badInput("This article is not in the recycle bin.", ["id"]);
  throw notFound("The article");
}

// ---------------------------------------------------------------------------
// Item permissions

export interface SetPermissionsInput {
  articleId: string;
  inherit: boolean;
  public?: boolean | null;
  grants?: Array<{ userId: string; role: Role }> | null;
}

/**
 * setArticlePermissions (ADMIN): inherit restores the site roles (and drops the
 * article's own grants); otherwise the article keeps only its own grants and
 * `public` says whether anonymous readers may read it. `grants`, when given,
 * replaces the article's grants.
 */
export async function setArticlePermissions(deps: WorkflowDeps, input: SetPermissionsInput): Promise<string> {
  if (input.inherit && (input.public === false || input.grants?.length)) {
    throw badInput("public and grants apply only when inherit is false.", [input.public === false ? "public" : "grants"]);
  }
  const grants = input.grants ?? null;
  if (grants && new Set(grants.map((g) => g.userId)).size !== grants.length) {
    throw badInput("grants names the same user twice.", ["grants"]);
  }
  return step(deps.db, input.articleId, async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: input.articleId },
      select: {
        id: true,
        isPublic: true,
        deletedAt: true,
        inheritsPermissions: true,
        grants: { select: { userId: true, role: true }, orderBy: { userId: "asc" } },
      },
    });
    if (!article) throw notFound("The article");
    if (article.deletedAt) throw deletedArticle("change the permissions of");
    if (grants?.length) {
      const found = await tx.user.count({ where: { id: { in: grants.map((g) => g.userId) } } });
      if (found !== grants.length) throw badInput("grants names a user that does not exist.", ["grants"]);
    }
    if (input.inherit || grants) await tx.articleGrant.deleteMany({ where: { articleId: article.id } });
    if (!input.inherit && grants?.length) {
      await tx.articleGrant.createMany({ data: grants.map((g) => ({ articleId: article.id, userId: g.userId, role: g.role, createdAt: deps.now })) });
    }
    await tx.article.update({
      where: { id: article.id },
      data: {
        inheritsPermissions: input.inherit,
        isPublic: input.inherit ? true : (input.public ?? article.isPublic),
        ...touched(deps),
      },
    });
    const grantsAfter = input.inherit ? [] : (grants ?? article.grants);
    await record(
      tx,
      deps,
      "ARTICLE_PERMISSIONS",
      article.id,
      { inherit: article.inheritsPermissions, public: article.isPublic, grants: article.grants },
      { inherit: input.inherit, public: input.inherit ? true : (input.public ?? article.isPublic), grants: grantsAfter },
    );
    return article.id;
  });
}

// ---------------------------------------------------------------------------
// Scheduling (called by the scheduler service)

/**
 * Promotes every scheduled version whose publish date has come: it becomes the
 * published version. Each promotion is a conditional update, so when several
 * instances run the scheduler exactly one wins it (and announces a first publication).
 */
export async function promoteDue(db: Db, events: Events, now: Date, limit = 100): Promise<string[]> {
  const due = await db.article.findMany({
    where: { deletedAt: null, scheduledVersionId: { not: null }, scheduledVersion: { is: { publishAt: { lte: now } } } },
    select: { id: true, scheduledVersionId: true, scheduledVersion: { select: { publishAt: true, expireAt: true, categoryId: true } } },
    orderBy: { id: "asc" },
    take: limit,
  });
  const promoted: string[] = [];
  const failures: unknown[] = [];
  for (const { id, scheduledVersionId, scheduledVersion: version } of due) {
    if (!scheduledVersionId || !version?.publishAt) continue;
    // One article that cannot be promoted must not hold back the others.
    const announce = await db
      .$transaction(async (t) => {
        const tx = t as Tx;
        // The claim comes first: it is the write that only one instance can win
        // (and on SQLite it takes the write lock before anything is read).
        const { count } = await tx.article.updateMany({
          where: { id, deletedAt: null, scheduledVersionId },
          data: { publishedVersionId: scheduledVersionId, scheduledVersionId: null, publishedAt: version.publishAt, expireAt: version.expireAt },
        });
        if (count !== 1) return false;
        // The latest version, if it is this one, is now simply APPROVED; so is its row.
        await tx.article.updateMany({ where: { id, currentVersionId: scheduledVersionId, status: "SCHEDULED" }, data: { status: "APPROVED" } });
        await tx.articleVersion.update({ where: { id: scheduledVersionId }, data: { status: "APPROVED" } });
        await syncListing(tx, [id]);
        return firstPublication(tx, id, version.categoryId, now);
      })
      .catch((error: unknown) => {
        failures.push(error);
        return false as const;
      });
    if (announce === false) continue;
    promoted.push(id);
    if (announce) publishArticle(events, announce);
  }
  if (failures.length) throw new AggregateError(failures, `${failures.length} scheduled article(s) could not be published; retried on the next pass`);
  return promoted;
}

/** Unpublishes every article whose end of publication has passed (readers already stopped seeing it). */
export async function expireDue(db: Db, now: Date, limit = 100): Promise<string[]> {
  const due = await db.article.findMany({
    where: { publishedVersionId: { not: null }, expireAt: { lte: now } },
    select: { id: true, status: true, publishedVersionId: true, scheduledVersionId: true },
    take: limit,
  });
  const expired: string[] = [];
  for (const article of due) {
    const count = await db.$transaction(async (tx) => {
      const { count } = await tx.article.updateMany({
        where: { id: article.id, publishedVersionId: article.publishedVersionId, status: article.status, expireAt: { lte: now } },
        data: {
          ...withdrawn(article.status),
          // A version approved for later stays scheduled: it was not what expired.
          scheduledVersionId: article.scheduledVersionId,
          status: article.scheduledVersionId ? article.status : withdrawn(article.status).status,
        },
      });
      await syncListing(tx as Tx, [article.id]);
      return count;
    });
    if (count === 1) expired.push(article.id);
  }
  return expired;
}
