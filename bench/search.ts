// Benchmark of full-text search (docs/search.md), side by side with a
// naive LIKE '%word%' scan over the same data, on SQLite and PostgreSQL:
//
//   npm run bench:search                                   SQLite only
//   npm run bench:search -- --pg postgresql://root@127.0.0.1:5432/postgres
//                                                          SQLite, then PostgreSQL
//   DATABASE_URL=postgresql://... npm run bench:search     the same, PostgreSQL
//   options: --articles 50000  --seconds 3 (per measurement)  --inserts 400  --sqlite-only
//
// It builds its own databases (a file under data/bench/, and on PostgreSQL a new
// database next to the one named, dropped at the end), loads a generated Vietnamese
// corpus, then measures, one client, one query at a time:
//   1. search: the production query (findMatches, ranked, capped) against a LIKE
//      scan with the same semantics as a naive implementation (every word somewhere
//      in title, summary or body, newest first), both through Prisma's $queryRaw;
//   2. the contract's SearchArticles through the whole GraphQL pipeline (info);
//   3. article inserts through the write path (writeVersion, one transaction per
//      article) with the index, and the same inserts without it (search columns not
//      written, FTS5 triggers / tsvector column dropped).
// Every loop stops after --seconds, so the run is bounded whatever the machine.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createApp, closeApp, type App } from "../src/app";
import { migrate, Prisma, type Db } from "../src/db/client";
import { testConfig } from "../src/env";
import { countMatches, findMatches } from "../src/services/search/engine";
import { parseSearchQuery, type SearchQuery } from "../src/services/search/query";
import { searchColumns } from "../src/services/search/text";
import { emptyContent, writeVersion, type ArticleContent } from "../src/services/versioning";
import { createPortalYoga } from "../src/yoga";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const ARTICLES = Number(option("articles", "50000"));
const SECONDS = Number(option("seconds", "3"));
const INSERTS = Number(option("inserts", "400"));
const envPg = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : undefined;
const PG_URL = args.includes("--sqlite-only") ? undefined : option("pg", envPg ?? "");

// --- corpus -----------------------------------------------------------------

// A deterministic generator, so both databases hold the same articles.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// Words of local-government news, roughly most frequent first (a Zipf-like draw):
// the running text of every article.
const WORDS = (
  "của và các trong được cho với có là đã những người này tại một thị xã huyện tỉnh " +
  "phường công tác năm nhân dân ủy ban chỉ đạo thực hiện kế hoạch phát triển kinh tế xã hội " +
  "cán bộ đảng viên hội nghị tổ chức triển khai nhiệm vụ giải pháp đồng chí lãnh đạo " +
  "sản xuất thu hoạch hợp tác trường học năm học tốt nghiệp bệnh viện sức khỏe " +
  "giao thông đường bộ xây dựng công trình đầu tư vốn ngân sách dự án quy hoạch đất đai môi trường " +
  "văn hóa thể thao truyền thống an ninh trật tự quốc phòng thanh niên phụ nữ " +
  "thông báo hồ sơ thủ tục hành chính doanh nghiệp thương mại giá cả hàng hóa " +
  "trao tặng khen thưởng thi đua danh hiệu tiên tiến điển hình mô hình hiệu quả"
).split(" ");
// What articles are about: a subject at a place ("khoai lang" at "Tân Hưng"), in
// the title or the summary, and a second subject in the text. Readers search for
// such subjects; with 40 subjects at 20 places a subject-and-place query matches
// about a hundred of 50,000 articles, a subject alone about 4 %, a place 8-15 %.
const SUBJECTS = [
  "thanh long xuất khẩu",
  "khoai lang",
  "lúa chất lượng cao",
  "nuôi tôm nước lợ",
  "sen hồng",
  "lễ hội truyền thống",
  "du lịch sinh thái",
  "di tích lịch sử",
  "chuyển đổi số",
  "dịch vụ công trực tuyến",
  "tiêm chủng vắc xin",
  "phòng chống sốt xuất huyết",
  "an toàn thực phẩm",
  "bảo hiểm y tế học sinh",
  "khai giảng năm học mới",
  "tuyển sinh lớp mười",
  "thi tốt nghiệp trung học",
  "cầu Mỹ Thuận",
  "đường tỉnh 831",
  "kênh Hồng Ngự",
  "hạn hán xâm nhập mặn",
  "lũ lụt mùa nước nổi",
  "nhà tình nghĩa",
  "hộ nghèo cận nghèo",
  "tiếp công dân định kỳ",
  "khiếu nại tố cáo",
  "tuyển quân nghĩa vụ",
  "dân quân tự vệ",
  "cựu chiến binh",
  "hiến máu tình nguyện",
  "giải bóng đá thiếu niên",
  "hội thi văn nghệ quần chúng",
  "thư viện điện tử",
  "chợ nông thôn mới",
  "rác thải nhựa",
  "năng lượng mặt trời",
  "cấp nước sạch nông thôn",
  "phòng cháy chữa cháy",
  "an toàn giao thông dịp Tết",
  "sách giáo khoa",
];
const PLACES = [
  "Kiến Tường",
  "Tân Hưng",
  "Mộc Hóa",
  "Vĩnh Hưng",
  "Đà Nẵng",
  "Bình Hiệp",
  "Tuyên Thạnh",
  "Thạnh Hưng",
  "Bình Tân",
  "Đồng Tháp Mười",
  "Thạnh Trị",
  "Tuyên Bình",
  "Hưng Điền",
  "Vĩnh Thạnh",
  "Tân Lập",
  "Thủ Thừa",
  "Tân Thạnh",
  "Cần Giuộc",
  "Đức Hòa",
  "Bến Lức",
];

function generate(count: number) {
  const random = rng(42);
  const pick = <T>(list: readonly T[], skew: number) => list[Math.min(list.length - 1, Math.floor(list.length * random() ** skew))]!;
  const sentence = (n: number, extra: string[] = []) => {
    const words = Array.from({ length: n }, () => pick(WORDS, 2));
    if (random() < 0.08) words.splice(Math.floor(random() * n), 0, pick(PLACES, 1.5));
    for (const e of extra) words.splice(Math.floor(random() * words.length), 0, e);
    const text = words.join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  };
  const start = Date.parse("2015-01-01T00:00:00Z");
  const span = Date.parse("2026-11-01T00:00:00Z") - start;
  return function* () {
    for (let i = 0; i < count; i++) {
      const main = `${pick(SUBJECTS, 1)} ${pick(PLACES, 1.2)}`;
      const second = pick(SUBJECTS, 1);
      const inTitle = random() < 0.7;
      const paragraphs = Array.from(
        { length: 4 + Math.floor(random() * 4) },
        (_, p) => `<p>${sentence(40 + Math.floor(random() * 40), p === 2 ? [second] : [])}</p>`,
      );
      yield {
        i,
        title: sentence(6 + Math.floor(random() * 6), inTitle ? [main] : []).slice(0, -1),
        summary: sentence(20 + Math.floor(random() * 15), inTitle ? [] : [main]),
        body: paragraphs.join("\n"),
        publishedAt: new Date(start + Math.floor(random() * span)),
      };
    }
  };
}

// What readers type: without marks, a prefix being typed, a quoted phrase.
const QUERIES = [
  "thanh long xuat khau tan hung",
  "khoai lang tan h",
  "le hoi truyen thong binh hiep",
  '"cau my thuan" moc hoa',
  "tiem chung vac xin vinh hung",
  "du lich sinh thai da nang",
  "tuyen sinh lop muoi kien tuong",
  "nang luong mat troi thanh hung",
  "hien mau tinh nguyen",
  "nha tinh nghia ho ngheo tuyen thanh",
];
// Words in a large share of the articles: where an index helps least.
const COMMON_QUERIES = ["kien tuong", "khoai lang", "thanh long"];

// --- databases --------------------------------------------------------------

interface Target {
  name: string;
  url: string;
  cleanup: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = join(process.cwd(), "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `search-${process.pid}.db`);
  return {
    name: "SQLite (FTS5)",
    url: `file:${file}`,
    cleanup: async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `portal_search_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name: "PostgreSQL (tsvector + GIN)",
    url: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, "0")}`;

/** Bulk load through the database drivers (not the measured path): the triggers / generated column index every row. */
async function load(target: Target, provider: "sqlite" | "postgres", count: number) {
  const rows = generate(count)();
  if (provider === "sqlite") {
    const db = new Database(target.url.slice("file:".length));
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = OFF");
    const article = db.prepare(
      `INSERT INTO "Article" ("id","slug","status","currentVersionId","publishedVersionId","publishedAt","firstPublishedAt","createdAt","updatedAt")
       VALUES (?,?,'APPROVED',?,?,?,?,?,?)`,
    );
    const version = db.prepare(
      `INSERT INTO "ArticleVersion" ("id","articleId","major","minor","label","status","createdAt","title","summary","body","searchTitle","searchSummary","searchBody")
       VALUES (?,?,1,0,'1.0','APPROVED',?,?,?,?,?,?,?)`,
    );
    const batch = db.transaction((items: ReturnType<typeof rows.next>["value"][]) => {
      for (const a of items) {
        if (!a) continue;
        const at = a.publishedAt.toISOString().replace("Z", "+00:00");
        const f = searchColumns(a);
        article.run(id("a", a.i), `bai-${a.i}`, id("v", a.i), id("v", a.i), at, at, at, at);
        version.run(id("v", a.i), id("a", a.i), at, a.title, a.summary, a.body, f.searchTitle, f.searchSummary, f.searchBody);
      }
    });
    let items = [];
    for (const a of rows) {
      items.push(a);
      if (items.length === 1000) {
        batch(items);
        items = [];
      }
    }
    batch(items);
    db.pragma("foreign_keys = ON");
    db.exec("ANALYZE");
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let items: Array<{ i: number; title: string; summary: string; body: string; publishedAt: Date }> = [];
  const flush = async () => {
    if (items.length === 0) return;
    const a: unknown[] = [];
    const v: unknown[] = [];
    const aRows: string[] = [];
    const vRows: string[] = [];
    for (const x of items) {
      const f = searchColumns(x);
      const n = a.length;
      a.push(id("a", x.i), `bai-${x.i}`, x.publishedAt);
      aRows.push(`($${n + 1},$${n + 2},'APPROVED',$${n + 3},$${n + 3},$${n + 3},$${n + 3})`);
      const m = v.length;
      v.push(id("v", x.i), id("a", x.i), x.publishedAt, x.title, x.summary, x.body, f.searchTitle, f.searchSummary, f.searchBody);
      vRows.push(`($${m + 1},$${m + 2},1,0,'1.0','APPROVED',$${m + 3},$${m + 4},$${m + 5},$${m + 6},$${m + 7},$${m + 8},$${m + 9})`);
    }
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Article" ("id","slug","status","publishedAt","firstPublishedAt","createdAt","updatedAt") VALUES ${aRows.join(",")}`, a);
    await client.query(
      `INSERT INTO "ArticleVersion" ("id","articleId","major","minor","label","status","createdAt","title","summary","body","searchTitle","searchSummary","searchBody") VALUES ${vRows.join(",")}`,
      v,
    );
    await client.query(`UPDATE "Article" SET "currentVersionId" = 'v' || substr("id", 2), "publishedVersionId" = 'v' || substr("id", 2) WHERE "id" = ANY($1)`, [
      items.map((x) => id("a", x.i)),
    ]);
    await client.query("COMMIT");
    items = [];
  };
  for (const x of rows) {
    items.push(x);
    if (items.length === 500) await flush();
  }
  await flush();
  await client.query("VACUUM ANALYZE");
  await client.end();
}

// --- measurement ------------------------------------------------------------

interface Figures {
  n: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(run: (i: number) => Promise<unknown>, minimum: number): Promise<Figures> {
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minimum || performance.now() - start < SECONDS * 1000) {
    const t0 = performance.now();
    await run(samples.length);
    samples.push(performance.now() - t0);
    if (samples.length >= 100_000) break;
  }
  const total = (performance.now() - start) / 1000;
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: samples.length, perSecond: samples.length / total, p50: at(0.5), p99: at(0.99) };
}

/**
 * The naive alternative, doing the same job as a search request: each word
 * anywhere in the folded title, summary or body; the newest 20, and the exact
 * number of matches.
 */
async function likeSearch(db: Db, provider: "sqlite" | "postgres", input: string): Promise<number> {
  const query = parseSearchQuery(input)!;
  const words = [...query.terms, ...query.phrases.map((p) => p.join(" ")), ...(query.prefix ? [query.prefix] : [])];
  const conditions = words.map((w) => {
    const pattern = `%${w}%`;
    return Prisma.sql`(v."searchTitle" LIKE ${pattern} OR v."searchSummary" LIKE ${pattern} OR v."searchBody" LIKE ${pattern})`;
  });
  const where = Prisma.sql`a."deletedAt" IS NULL AND ${Prisma.join(conditions, " AND ")}`;
  const order = provider === "postgres" ? Prisma.sql`a."publishedAt" DESC NULLS LAST` : Prisma.sql`a."publishedAt" DESC`;
  await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "ArticleVersion" v JOIN "Article" a ON a."publishedVersionId" = v."id"
    WHERE ${where} ORDER BY ${order}, a."id" LIMIT 20`;
  const [row] = await db.$queryRaw<{ n: unknown }[]>`
    SELECT count(*) AS n FROM "ArticleVersion" v JOIN "Article" a ON a."publishedVersionId" = v."id" WHERE ${where}`;
  return Number(row!.n);
}

/**
 * The indexed search as the list runs it for a reader: the best matches ranked
 * (SEARCH_MAX_RESULTS + 1), and when there are more, the index's count of them.
 */
async function indexedSearch(db: Db, provider: "sqlite" | "postgres", query: SearchQuery, cap: number): Promise<number> {
  const best = await findMatches(db, provider, query, { versions: "published", limit: cap + 1 });
  if (best.length <= cap) return best.length;
  return countMatches(db, provider, query, { versions: "published" });
}

const fmt = (f: Figures) =>
  `${f.perSecond.toFixed(1).padStart(9)} q/s   p50 ${f.p50.toFixed(2).padStart(8)} ms   p99 ${f.p99.toFixed(2).padStart(8)} ms   (${f.n} runs)`;

function newContent(i: number): ArticleContent {
  const a = generate(1)().next().value!;
  return { ...emptyContent(), title: `${a.title} ${i}`, summary: a.summary, body: a.body };
}

/** One article as the editorial write path stores it: article, version, pointers, in one transaction. */
async function insertArticle(app: App, i: number, indexed: boolean) {
  const content = newContent(i);
  const at = new Date();
  await app.db.$transaction(async (tx) => {
    const article = await tx.article.create({ data: { slug: `ins-${indexed ? "i" : "n"}-${i}-${randomBytes(3).toString("hex")}`, status: "DRAFT" } });
    let versionId: string;
    if (indexed) {
      versionId = (
        await writeVersion(tx, { articleId: article.id, major: 0, minor: 1, status: "DRAFT", content, previous: null, comment: null, userId: null, at })
      ).id;
    } else {
      // The same row as writeVersion writes it, without the search columns: the write path before search existed.
      const { galleryIds: _g, attachmentIds: _a, ...scalars } = content;
      versionId = (
        await tx.articleVersion.create({
          data: {
            articleId: article.id,
            major: 0,
            minor: 1,
            label: "0.1",
            status: "DRAFT",
            changedFields: "[]",
            createdAt: at,
            ...scalars,
            media: { create: [] },
          },
          select: { id: true },
        })
      ).id;
    }
    await tx.article.update({ where: { id: article.id }, data: { currentVersionId: versionId } });
  });
}

async function dropIndex(app: App) {
  if (app.target.provider === "sqlite") {
    for (const t of ["ArticleVersion_search_ai", "ArticleVersion_search_ad", "ArticleVersion_search_au"]) await app.db.$executeRawUnsafe(`DROP TRIGGER "${t}"`);
    await app.db.$executeRawUnsafe(`DROP TABLE "ArticleVersionFts"`);
    await app.db.$executeRawUnsafe(`DROP TABLE "ArticleVersionSearchKey"`);
  } else {
    await app.db.$executeRawUnsafe(`ALTER TABLE "ArticleVersion" DROP COLUMN "searchVector", DROP COLUMN "searchHeadVector"`);
  }
}

async function benchOne(target: Target) {
  const provider = target.url.startsWith("file:") ? "sqlite" : "postgres";
  console.log(`\n== ${target.name}, ${ARTICLES.toLocaleString("en")} articles ==`);
  let t0 = performance.now();
  await migrate(target.url);
  await load(target, provider, ARTICLES);
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (corpus generation, folding and indexing included)`);
  const app = await createApp(testConfig({ DATABASE_URL: target.url, DATA_DIR: join(process.cwd(), "data", "bench"), JWT_SECRET: "bench-".repeat(8) }));
  try {
    const parsed = QUERIES.map((q) => parseSearchQuery(q)!);
    const cap = app.config.SEARCH_MAX_RESULTS;
    console.log("queries: matches among published articles, indexed (words) / LIKE (substrings)");
    for (const [i, q] of QUERIES.entries()) {
      const indexed = await indexedSearch(app.db, provider, parsed[i]!, cap);
      const like = await likeSearch(app.db, provider, q);
      console.log(`  ${JSON.stringify(q).padEnd(32)} ${String(indexed).padStart(6)} / ${String(like).padStart(6)}`);
    }
    console.log("one search = first page + exact count; one client, queries in turn:");
    const indexed = await measure((i) => indexedSearch(app.db, provider, parsed[i % parsed.length]!, cap), QUERIES.length);
    const like = await measure((i) => likeSearch(app.db, provider, QUERIES[i % QUERIES.length]!), QUERIES.length);
    console.log(`search, full-text index          ${fmt(indexed)}`);
    console.log(`search, LIKE '%word%' scan       ${fmt(like)}`);
    console.log(`  => indexed / LIKE throughput: ${(indexed.perSecond / like.perSecond).toFixed(1)}x (target >= 20x)`);
    const common = COMMON_QUERIES.map((q) => parseSearchQuery(q)!);
    for (const [i, q] of COMMON_QUERIES.entries()) {
      console.log(
        `  common: ${JSON.stringify(q).padEnd(24)} ${String(await indexedSearch(app.db, provider, common[i]!, cap)).padStart(6)} / ${String(await likeSearch(app.db, provider, q)).padStart(6)}`,
      );
    }
    const commonIndexed = await measure((i) => indexedSearch(app.db, provider, common[i % common.length]!, cap), COMMON_QUERIES.length);
    const commonLike = await measure((i) => likeSearch(app.db, provider, COMMON_QUERIES[i % COMMON_QUERIES.length]!), COMMON_QUERIES.length);
    console.log(`common words, full-text index    ${fmt(commonIndexed)}`);
    console.log(`common words, LIKE scan          ${fmt(commonLike)}`);
    console.log(`  => indexed / LIKE throughput: ${(commonIndexed.perSecond / commonLike.perSecond).toFixed(1)}x (informative)`);

    const yoga = createPortalYoga(app);
    const document = `query SearchArticles($query: String!, $first: Int = 20) {
      articles(first: $first, filter: { search: $query }) { totalCount edges { node { id slug title summary publishedAt } } } }`;
    const graphql = await measure(async (i) => {
      const response = await yoga.fetch("http://bench.local/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: document, variables: { query: QUERIES[i % QUERIES.length] } }),
      });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) throw new Error(JSON.stringify(json.errors));
    }, QUERIES.length);
    console.log(`SearchArticles via GraphQL (20 + totalCount) ${fmt(graphql)}`);

    const insertsWith = await measureInserts(app, true);
    await dropIndex(app);
    const insertsWithout = await measureInserts(app, false);
    console.log(`insert, with the search index    ${fmt(insertsWith)}`);
    console.log(`insert, without the index        ${fmt(insertsWithout)}`);
    console.log(`  => with / without throughput: ${(insertsWith.perSecond / insertsWithout.perSecond).toFixed(2)}x (target >= 0.5x)`);
    return { indexed, like, insertsWith, insertsWithout };
  } finally {
    await closeApp(app);
    t0 = performance.now();
  }
}

async function measureInserts(app: App, indexed: boolean) {
  for (let i = 0; i < 20; i++) await insertArticle(app, -i, indexed); // warm-up
  return measure((i) => insertArticle(app, i, indexed), INSERTS);
}

async function main() {
  const targets: Array<() => Promise<Target>> = [sqliteTarget];
  if (PG_URL) targets.push(() => postgresTarget(PG_URL));
  const summary: string[] = [];
  for (const make of targets) {
    const target = await make();
    try {
      const r = await benchOne(target);
      summary.push(
        `${target.name.padEnd(28)} search ${(r.indexed.perSecond / r.like.perSecond).toFixed(1).padStart(7)}x LIKE   inserts ${(r.insertsWith.perSecond / r.insertsWithout.perSecond).toFixed(2)}x without index`,
      );
    } finally {
      if (!args.includes("--keep")) await target.cleanup();
      else console.log(`kept ${target.url}`);
    }
  }
  console.log("\n== summary ==");
  for (const line of summary) console.log(line);
  if (!PG_URL) console.log("(PostgreSQL: npm run bench:search -- --pg postgresql://user@host:5432/postgres)");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
