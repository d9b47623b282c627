// Model-based test of the response cache (docs/performance.md): a seeded random
// walk of writes (every workflow step, scheduling and expiry firing with the
// manual clock, permissions, deletion and restore, categories, the site, media,
// views and visits) interleaved with random reads (the contract's operations and
// variants of them: aliases, no id, fragments, other variables, each role and
// anonymous). Every answer of the cached server must equal, byte for byte, the
// answer of a server without the cache on the same data at the same instant.
// A failing walk is shrunk to a shortest failing sequence, printed with its seed.
import { randomUUID } from "node:crypto";
import type { Role } from "../../src/db/client";
import type { ManualClock } from "../../src/lib/clock";
import type { App } from "../../src/app";
import { checkListing } from "../../src/services/listing";
import { hashPassword } from "../../src/services/passwords";
import { contractOperation } from "./contract";

/** Sends one GraphQL request (POST) and returns the status and the response text: `200 {...}`. */
export type Send = (query: string, variables: Record<string, unknown>, token?: string) => Promise<string>;

/** What a walk runs against: servers sharing one set of data and one clock. */
export interface World {
  /** The main app (database, tokens). */
  app: App;
  clock: ManualClock;
  /** Servers with the response cache: writes and reads are spread over them. */
  cached: Send[];
  /** A server without the response cache, on the same data. */
  reference: Send;
  /** One pass of the scheduler (publishes due articles, withdraws expired ones). */
  tick(): Promise<void>;
  /** Moves buffered visit counters to the database. */
  flush(): Promise<void>;
  /** Answers served from the cache so far, all instances together. */
  hits(): number;
  close(): Promise<void>;
}

export type Step =
  | { kind: "write"; op: WriteOp; role: Role; pick: number; pick2: number; via: number }
  | { kind: "read"; op: number; role: Role | null; pick: number; via: number }
  | { kind: "clock"; ms: number; tick: boolean }
  | { kind: "flush" };

const WRITE_OPS = [
  "create",
  "advance",
  "advance",
  "advance",
  "update",
  "submit",
  "approve",
  "reject",
  "unpublish",
  "restoreVersion",
  "delete",
  "restore",
  "permissions",
  "createCategory",
  "updateSite",
  "media",
  "view",
  "view",
  "visit",
] as const;
type WriteOp = (typeof WRITE_OPS)[number];
const ROLES: Role[] = ["CONTRIBUTOR", "EDITOR", "APPROVER", "ADMIN"];

/** A small, seeded generator (mulberry32): the same seed gives the same walk. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

// ---- reads ---------------------------------------------------------------------------

interface Read {
  name: string;
  query: string;
  variables: (s: WalkState, pick: number) => Record<string, unknown>;
}

const at = <T>(items: T[], pick: number): T | undefined => (items.length ? items[pick % items.length] : undefined);
const slugOf = (s: WalkState, pick: number) => at(s.articles, pick)?.slug ?? "khong-co";
const categoryOf = (s: WalkState, pick: number) => at(s.categories, pick)?.slug ?? "khong-co";
const WORDS = ["phuong", "kien tuong", "tin", "bài", "ủy ban", "thông báo"];

export const READS: Read[] = [
  { name: "HomePage", query: contractOperation("HomePage"), variables: () => ({}) },
  { name: "CategoryPage", query: contractOperation("CategoryPage"), variables: (s, p) => ({ slug: categoryOf(s, p), first: [1, 2, 5, 20][p % 4] }) },
  { name: "ArticlePage", query: contractOperation("ArticlePage"), variables: (s, p) => ({ slug: slugOf(s, p) }) },
  { name: "SearchArticles", query: contractOperation("SearchArticles"), variables: (_s, p) => ({ query: WORDS[p % WORDS.length], first: 5 }) },
  {
    name: "FilteredArticles",
    query: contractOperation("FilteredArticles"),
    variables: (s, p) =>
      [
        { filter: { featured: true } },
        { orderBy: { field: "VIEW_COUNT", direction: "DESC" }, first: 5 },
        { filter: { categorySlug: categoryOf(s, p) }, orderBy: { field: "TITLE", direction: "ASC" } },
        { orderBy: { field: "UPDATED_AT", direction: "DESC" }, first: 3 },
      ][p % 4]!,
  },
  { name: "MobileFeed", query: contractOperation("MobileFeed"), variables: (s, p) => (p % 2 ? { categorySlug: categoryOf(s, p) } : { first: 3 }) },
  { name: "MobileArticleDetail", query: contractOperation("MobileArticleDetail"), variables: (s, p) => ({ id: at(s.articles, p)?.gid ?? "QXJ0aWNsZTp4" }) },
  // Variants the contract does not have: no id, aliases, fragments, other shapes.
  {
    name: "article without id",
    query: `query ($s: String!) { article(slug: $s) { title summary body version publishedAt category { name } } }`,
    variables: (s, p) => ({ s: slugOf(s, p) }),
  },
  {
    name: "aliased article",
    query: `query ($s: String!) { a: article(slug: $s) { ident: id t: title v: viewCount cover: coverImage { u: url d: description } g: gallery { description } } }`,
    variables: (s, p) => ({ s: slugOf(s, p) }),
  },
  {
    name: "fragments on a list",
    query: `query Frag($n: Int) { articles(first: $n) { totalCount edges { node { ...Card } } } } fragment Card on Article { title viewCount ...More } fragment More on Article { featured category { slug } }`,
    variables: (_s, p) => ({ n: 1 + (p % 6) }),
  },
  { name: "categories", query: `{ categories { name slug articleCount } }`, variables: () => ({}) },
  { name: "statistics", query: `{ site { name phone statistics { totalVisits online today yesterday thisWeek thisMonth } } }`, variables: () => ({}) },
  {
    name: "node without id",
    query: `query ($id: ID!) { node(id: $id) { ... on Article { title approvalStatus attachments { fileName } } } }`,
    variables: (s, p) => ({ id: at(s.articles, p)?.gid ?? "QXJ0aWNsZTp4" }),
  },
];

// ---- the state a walk keeps (ids it can name) -----------------------------------------

interface WalkState {
  articles: Array<{ id: string; gid: string; slug: string }>;
  categories: Array<{ id: string; gid: string; slug: string }>;
  media: string[];
  users: Record<Role, { id: string; token: string }>;
  visitors: string[];
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

async function prepare(world: World): Promise<WalkState> {
  const { app } = world;
  const users = {} as WalkState["users"];
  for (const role of ["READER", ...ROLES] as Role[]) {
    const user = await app.db.user.create({
      data: { name: `${role} model`, email: `${role.toLowerCase()}-${randomUUID()}@example.vn`, role, passwordHash: await hashPassword("mật khẩu mô hình") },
    });
    const { token } = await app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, world.clock.now());
    users[role] = { id: user.id, token };
  }
  const articles = (await app.db.article.findMany({ select: { id: true, slug: true }, orderBy: { id: "asc" } })).map((a) => ({
    ...a,
    gid: gid("Article", a.id),
  }));
  const categories = (await app.db.category.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } })).map((c) => ({
    ...c,
    gid: gid("Category", c.id),
  }));
  const media: string[] = [];
  for (let i = 0; i < 4; i++) {
    const row = await app.db.media.create({
      data: {
        kind: i === 3 ? "DOCUMENT" : "IMAGE",
        storageKey: `model/${randomUUID()}`,
        fileName: i === 3 ? "ke-hoach.pdf" : `anh-${i}.jpg`,
        contentType: i === 3 ? "application/pdf" : "image/jpeg",
        size: 1000 + i,
        width: i === 3 ? null : 800,
        height: i === 3 ? null : 600,
        description: `Ảnh ${i}`,
        createdById: users.EDITOR.id,
      },
    });
    media.push(gid("Media", row.id));
  }
  return { articles, categories, media, users, visitors: ["v-1", "v-2", "v-3", "v-4"] };
}

// ---- writes --------------------------------------------------------------------------

const M = {
  create: `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id slug } }`,
  update: `mutation ($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
  submit: `mutation ($id: ID!) { submitArticle(id: $id) { id } }`,
  approve: `mutation ($id: ID!) { approveArticle(id: $id) { id } }`,
  reject: `mutation ($id: ID!) { rejectArticle(id: $id, comment: "Cần sửa") { id } }`,
  unpublish: `mutation ($id: ID!) { unpublishArticle(id: $id) { id } }`,
  restoreVersion: `mutation ($id: ID!, $v: String!) { restoreArticleVersion(id: $id, version: $v) { id } }`,
  delete: `mutation ($id: ID!) { deleteArticle(id: $id) { id } }`,
  restore: `mutation ($id: ID!) { restoreArticle(id: $id) { id } }`,
  permissions: `mutation ($input: SetArticlePermissionsInput!) { setArticlePermissions(input: $input) { id } }`,
  createCategory: `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }`,
  updateSite: `mutation ($input: UpdateSiteInput!) { updateSite(input: $input) { name } }`,
  updateMedia: `mutation ($id: ID!, $d: String) { updateMedia(id: $id, description: $d) { id } }`,
  deleteMedia: `mutation ($id: ID!) { deleteMedia(id: $id) }`,
  view: `mutation ($id: ID!, $v: String) { recordArticleView(articleId: $id, visitorId: $v) { viewCount } }`,
  visit: `mutation ($v: String) { recordSiteVisit(visitorId: $v) { totalVisits } }`,
};

const DAY = 86_400_000;

async function write(world: World, s: WalkState, step: Extract<Step, { kind: "write" }>, n: number): Promise<string> {
  const send = world.cached[step.via % world.cached.length]!;
  const token = s.users[step.role].token;
  const admin = s.users.ADMIN.token;
  const article = at(s.articles, step.pick);
  const now = world.clock.now().getTime();
  const content = () => ({
    categoryId: step.pick2 % 5 === 0 ? null : at(s.categories, step.pick2)?.gid,
    featured: step.pick2 % 3 === 0,
    summary: step.pick2 % 4 === 0 ? null : `Tóm tắt ${n}`,
    coverImageId: step.pick2 % 2 ? at(s.media.slice(0, 3), step.pick2) : null,
    galleryIds: step.pick2 % 3 === 1 ? s.media.slice(0, 1 + (step.pick2 % 3)) : [],
    attachmentIds: step.pick2 % 4 === 1 ? [s.media[3]] : [],
    // Sometimes scheduled for later, sometimes with an end of publication.
    publishAt: step.pick2 % 7 === 0 ? new Date(now + (1 + (step.pick2 % 3)) * DAY).toISOString() : null,
    expireAt: step.pick2 % 6 === 0 ? new Date(now + (2 + (step.pick2 % 4)) * DAY).toISOString() : null,
  });
  const status = async () =>
    article
      ? await world.app.db.article.findUnique({
          where: { id: article.id },
          select: { status: true, deletedAt: true, currentVersion: { select: { label: true } } },
        })
      : null;
  let op: string = step.op;
  if (op === "advance") {
    // The next sensible step of an article's workflow, so walks publish things.
    const row = await status();
    op = !row
      ? "create"
      : row.deletedAt
        ? "restore"
        : {
            DRAFT: "submit",
            REJECTED: "update",
            PENDING: step.pick2 % 4 ? "approve" : "reject",
            APPROVED: step.pick2 % 3 ? "update" : "unpublish",
            SCHEDULED: "unpublish",
          }[row.status];
  }
  switch (op) {
    case "create": {
      const text = await send(
        M.create,
        { input: { title: `Bài mô hình ${n} ${["phường", "kiến tường", "thông báo"][n % 3]}`, body: `<p>Nội dung ${n}</p>`, ...content() } },
        token,
      );
      const created = (JSON.parse(text.slice(text.indexOf(" ") + 1)) as { data?: { createArticle?: { id: string; slug: string } | null } }).data?.createArticle;
      if (created) s.articles.push({ id: Buffer.from(created.id, "base64").toString().split(":")[1]!, gid: created.id, slug: created.slug });
      return text;
    }
    case "update": {
      if (!article) return "no article";
      const row = await status();
      return send(M.update, { input: { id: article.gid, expectedVersion: row?.currentVersion?.label ?? "0.1", title: `Sửa ${n}`, ...content() } }, token);
    }
    case "submit":
    case "approve":
    case "reject":
    case "unpublish":
    case "delete":
      return article ? send(M[op], { id: article.gid }, op === "delete" ? admin : token) : "no article";
    case "restore":
      return article ? send(M.restore, { id: article.gid }, admin) : "no article";
    case "restoreVersion":
      return article ? send(M.restoreVersion, { id: article.gid, v: ["0.1", "1.0", "1.1"][step.pick2 % 3] }, token) : "no article";
    case "permissions": {
      if (!article) return "no article";
      const input =
        step.pick2 % 3 === 0
          ? { articleId: article.gid, inherit: true }
          : { articleId: article.gid, inherit: false, public: step.pick2 % 3 === 2, grants: [{ userId: gid("User", s.users.READER.id), role: "READER" }] };
      return send(M.permissions, { input }, admin);
    }
    case "createCategory": {
      const text = await send(M.createCategory, { input: { name: `Chuyên mục ${n}`, description: `Mô tả ${n}` } }, s.users.EDITOR.token);
      const created = (JSON.parse(text.slice(text.indexOf(" ") + 1)) as { data?: { createCategory?: { id: string; slug: string } | null } }).data
        ?.createCategory;
      if (created) s.categories.push({ id: Buffer.from(created.id, "base64").toString().split(":")[1]!, gid: created.id, slug: created.slug });
      return text;
    }
    case "updateSite":
      return send(M.updateSite, { input: { phone: `0272 ${1000 + n}`, responsiblePerson: `Người ${n}` } }, admin);
    case "media": {
      const media = at(s.media, step.pick2)!;
      return step.pick % 5 === 0
        ? send(M.deleteMedia, { id: media }, s.users.EDITOR.token)
        : send(M.updateMedia, { id: media, d: `Chú thích ${n}` }, s.users.EDITOR.token);
    }
    case "view":
      return article ? send(M.view, { id: article.gid, v: at(s.visitors, step.pick2) }) : "no article";
    case "visit":
      return send(M.visit, { v: step.pick2 % 5 === 0 ? null : at(s.visitors, step.pick2) });
  }
  return `unknown ${op}`;
}

// ---- walks ---------------------------------------------------------------------------

export function generateWalk(seed: number, length: number, instances: number): Step[] {
  const r = rng(seed);
  const steps: Step[] = [];
  const read = (pick: number, op = r.int(READS.length)): Step => ({
    kind: "read",
    op,
    role: r.next() < 0.85 ? null : r.pick(["READER", ...ROLES] as Role[]),
    pick,
    via: r.int(instances),
  });
  while (steps.length < length) {
    const x = r.next();
    if (x < 0.8) {
      // Reads about one article (cached before the write), the write, and reads
      // again (the same shapes, on any instance): a write that failed to renew
      // what the cache holds shows right away.
      const pick = r.int(1000);
      const before = [read(pick), read(pick), read(r.int(1000))];
      steps.push(...before);
      steps.push({ kind: "write", op: r.pick(WRITE_OPS), role: r.pick(ROLES), pick, pick2: r.int(1000), via: r.int(instances) });
      for (const b of before) steps.push({ ...b, via: r.int(instances) } as Step);
      if (r.next() < 0.3) steps.push(read(pick));
    } else if (x < 0.95) {
      // Minutes (the "online" window), hours, or days (publish dates, expiry, midnight).
      const ops = [read(r.int(1000)), read(r.int(1000), 0)];
      steps.push(...ops);
      steps.push({ kind: "clock", ms: r.pick([61_000, 4 * 60_000 + 30_000, 3_600_000, 13 * 3_600_000, DAY + 1, 3 * DAY]), tick: r.next() < 0.7 });
      steps.push(...ops);
    } else {
      steps.push({ kind: "flush" }, read(r.int(1000)));
    }
  }
  return steps;
}

export interface Mismatch {
  index: number;
  step: Step;
  read: string;
  variables: Record<string, unknown>;
  cached: string;
  reference: string;
}

/**
 * Runs `steps` on a fresh world; returns the first read whose cached answer
 * differs from the reference's, or null. Reads are drawn from few variants, so
 * most of them meet an answer cached before the writes between.
 */
export async function runWalk(makeWorld: () => Promise<World>, steps: Step[]): Promise<{ mismatch: Mismatch | null; reads: number; hits: number }> {
  const world = await makeWorld();
  let reads = 0;
  try {
    const s = await prepare(world);
    for (const [index, step] of steps.entries()) {
      switch (step.kind) {
        case "write":
          await write(world, s, step, index);
          break;
        case "clock":
          world.clock.advance(step.ms);
          if (step.tick) await world.tick();
          break;
        case "flush":
          await world.flush();
          break;
        case "read": {
          const read = READS[step.op]!;
          const variables = read.variables(s, step.pick);
          const token = step.role ? s.users[step.role].token : undefined;
          const send = world.cached[step.via % world.cached.length]!;
          const cached = await send(read.query, variables, token);
          const reference = await world.reference(read.query, variables, token);
          reads++;
          if (cached !== reference) return { mismatch: { index, step, read: read.name, variables, cached, reference }, reads, hits: world.hits() };
        }
      }
      // The maintained list counts agree with a recount after every write (src/services/listing.ts).
      if (step.kind !== "read" && (index % 8 === 0 || index === steps.length - 1)) {
        const { drift, articles } = await checkListing(world.app.db);
        if (drift.length || articles) {
          const found = JSON.stringify({ drift, articlesCountedWrong: articles });
          return {
            mismatch: { index, step, read: "listing counts against a recount", variables: {}, cached: found, reference: "no drift" },
            reads,
            hits: world.hits(),
          };
        }
      }
    }
    return { mismatch: null, reads, hits: world.hits() };
  } finally {
    await world.close();
  }
}

/**
 * A shortest failing subsequence (delta debugging: drop chunks while the walk
 * still fails), within `budget` replays.
 */
export async function shrink(makeWorld: () => Promise<World>, steps: Step[], budget = 40): Promise<{ steps: Step[]; mismatch: Mismatch }> {
  let current = steps;
  let failure = (await runWalk(makeWorld, current)).mismatch!;
  current = current.slice(0, failure.index + 1);
  let runs = 0;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && runs < budget) {
    let removed = false;
    for (let start = 0; start < current.length - 1 && runs < budget; start += chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length === 0) continue;
      runs++;
      const result = await runWalk(makeWorld, candidate);
      if (result.mismatch) {
        current = candidate.slice(0, result.mismatch.index + 1);
        failure = result.mismatch;
        removed = true;
        start -= chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return { steps: current, mismatch: failure };
}

/** Runs seeded walks; on a failure, shrinks it and throws a report with the seed and the sequence. */
export async function checkWalks(options: { makeWorld: () => Promise<World>; seeds: number[]; length: number; instances: number }) {
  let totalReads = 0;
  let totalHits = 0;
  for (const seed of options.seeds) {
    const steps = generateWalk(seed, options.length, options.instances);
    const result = await runWalk(options.makeWorld, steps);
    totalReads += result.reads;
    totalHits += result.hits;
    if (!result.mismatch) continue;
    const shrunk = await shrink(options.makeWorld, steps);
    const lines = shrunk.steps.map((step, i) => `  ${i + 1}. ${describe(step)}`);
    throw new Error(
      [
        `The cached server answered differently from the uncached one (seed ${seed}; CACHE_MODEL_SEED=${seed} replays it).`,
        `Shortest failing sequence (${shrunk.steps.length} of ${steps.length} steps):`,
        ...lines,
        `Read: ${shrunk.mismatch.read} ${JSON.stringify(shrunk.mismatch.variables)}`,
        ...around(shrunk.mismatch.cached, shrunk.mismatch.reference),
      ].join("\n"),
    );
  }
  return { reads: totalReads, hits: totalHits };
}

/** The two answers around where they first differ. */
function around(cached: string, reference: string): string[] {
  let i = 0;
  while (i < cached.length && cached[i] === reference[i]) i++;
  const from = Math.max(0, i - 300);
  const cut = (text: string) => `${from > 0 ? "…" : ""}${text.slice(from, i + 300)}${text.length > i + 300 ? "…" : ""}`;
  return [`first difference at character ${i}:`, `cached:    ${cut(cached)}`, `reference: ${cut(reference)}`];
}

function describe(step: Step): string {
  switch (step.kind) {
    case "write":
      return `write ${step.op} as ${step.role} (pick ${step.pick}/${step.pick2}) via instance ${step.via}`;
    case "read":
      return `read ${READS[step.op]!.name} as ${step.role ?? "anonymous"} (pick ${step.pick}) via instance ${step.via}`;
    case "clock":
      return `clock +${step.ms} ms${step.tick ? ", scheduler pass" : ""}`;
    case "flush":
      return "flush the visit counters";
  }
}

/** Seeds to run: CACHE_MODEL_SEED (one, to replay a failure) or the given ones. */
export function seeds(defaults: number[]): number[] {
  const fixed = process.env.CACHE_MODEL_SEED;
  return fixed ? [Number(fixed)] : defaults;
}
