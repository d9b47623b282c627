// The benchmark's dataset (docs/performance.md): 10,000 articles in 50
// categories, 200 users, media, versions and view history. Deterministic (a
// seeded generator), so two runs measure the same data. One category holds
// 6,000 articles so that a page 5,000 articles deep exists.
import { existsSync, rmSync } from "node:fs";
import pg from "pg";
import { closeApp, createApp } from "../src/app";
import { createDb, migrate } from "../src/db/client";
import { testConfig } from "../src/env";
import { parseDatabaseUrl } from "../src/db/url";
import { hashPassword } from "../src/services/passwords";
import { addDays, dayOf } from "../src/services/site-time";
import { checkListing } from "../src/services/listing";

export const BENCH_EDITOR = { email: "bien-tap@bench.example.vn", password: "mat-khau-bench-2026" };
export const BIG_CATEGORY = "tin-tuc-su-kien";

const ARTICLES = 10_000;
const CATEGORIES = 50;
const USERS = 200;
const BIG_CATEGORY_ARTICLES = 6_000;

/** mulberry32: small, seeded, good enough to spread data. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const WORDS = [
  "Ủy ban",
  "nhân dân",
  "huyện",
  "Kiến Tường",
  "tổ chức",
  "hội nghị",
  "triển khai",
  "kế hoạch",
  "phát triển",
  "kinh tế",
  "xã hội",
  "năm 2026",
  "nông thôn mới",
  "chuyển đổi số",
  "cải cách",
  "hành chính",
  "đồng bào",
  "biên giới",
  "an ninh",
  "trật tự",
  "giáo dục",
  "y tế",
  "tuyên truyền",
  "pháp luật",
  "thanh niên",
  "phụ nữ",
  "doanh nghiệp",
  "đầu tư",
  "lúa gạo",
  "thủy lợi",
  "giao thông",
  "môi trường",
  "văn hóa",
  "thể thao",
  "du lịch",
  "khen thưởng",
  "kiểm tra",
  "giám sát",
  "đại biểu",
] as const;
const CATEGORY_NAMES = [
  "Tin tức sự kiện",
  "Chính trị",
  "Kinh tế",
  "Văn hóa xã hội",
  "Giáo dục",
  "Y tế",
  "Nông nghiệp",
  "Giao thông",
  "Môi trường",
  "An ninh quốc phòng",
  "Cải cách hành chính",
  "Chuyển đổi số",
  "Thông báo",
  "Văn bản chỉ đạo",
  "Du lịch",
] as const;

function sentence(rng: ReturnType<typeof generator>, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(rng.pick(WORDS));
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface SeedSummary {
  articles: number;
  categories: number;
  users: number;
  versions: number;
}

/**
 * Creates the dataset at `databaseUrl`: a fresh SQLite file (replacing it), or a
 * PostgreSQL database whose schema is dropped and made again first (the
 * database is the benchmark's own: never point this at one that matters).
 */
export async function seedBench(databaseUrl: string, now = new Date()): Promise<SeedSummary> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(target.file + suffix)) rmSync(target.file + suffix);
  }
  if (target.provider === "postgres") await resetSchema(target.url);
  await migrate(target.url);
  const app = await createApp(testConfig({ DATABASE_URL: target.url, SEED_DEMO: false }));
  const db = app.db;
  const rng = generator(20261129);
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const DAY = 86_400_000;
  try {
    await db.site.create({
      data: {
        id: 1,
        name: "Cổng thông tin điện tử huyện Kiến Tường",
        responsiblePerson: "Nguyễn Văn A, Chánh Văn phòng",
        address: "Số 1 đường 30/4, phường 1, thị xã Kiến Tường, tỉnh Long An",
        phone: "(0272) 3841 234",
        fax: "(0272) 3841 235",
        email: "vanphong@kientuong.example.vn",
        totalVisits: 2_581_790,
      },
    });

    const passwordHash = await hashPassword(BENCH_EDITOR.password);
    const users = Array.from({ length: USERS }, (_, i) => ({
      id: `user-${String(i).padStart(3, "0")}`,
      name: `Người dùng ${i}`,
      email: i === 0 ? BENCH_EDITOR.email : `nguoi-dung-${i}@bench.example.vn`,
      role: i === 0 ? ("EDITOR" as const) : i < 20 ? ("EDITOR" as const) : i < 60 ? ("CONTRIBUTOR" as const) : ("READER" as const),
      passwordHash,
    }));
    await db.user.createMany({ data: users });
    const writers = users.slice(0, 60).map((u) => u.id);

    const categories = Array.from({ length: CATEGORIES }, (_, i) => {
      const base = CATEGORY_NAMES[i % CATEGORY_NAMES.length]!;
      const name = i < CATEGORY_NAMES.length ? base : `${base} ${Math.floor(i / CATEGORY_NAMES.length) + 1}`;
      const slug = i === 0 ? BIG_CATEGORY : `chuyen-muc-${i}`;
      return { id: `cat-${String(i).padStart(2, "0")}`, slug, name, description: `Chuyên mục ${name}`, position: i };
    });
    await db.category.createMany({ data: categories });

    const media = Array.from({ length: 2_000 }, (_, i) => {
      const image = i < 1_800;
      return {
        id: `media-${String(i).padStart(4, "0")}`,
        kind: image ? ("IMAGE" as const) : ("DOCUMENT" as const),
        storageKey: image ? `2026/11/anh-${i}.jpg` : `2026/11/van-ban-${i}.pdf`,
        fileName: image ? `anh-${i}.jpg` : `van-ban-${i}.pdf`,
        contentType: image ? "image/jpeg" : "application/pdf",
        size: 50_000 + rng.int(2_000_000),
        width: image ? 1200 : null,
        height: image ? 800 : null,
        description: image ? sentence(rng, 6) : `Văn bản số ${i}/QĐ-UBND`,
        createdById: rng.pick(writers),
        createdAt: at(rng.int(1000) * DAY),
      };
    });
    await db.media.createMany({ data: media });

    type Row = Record<string, unknown>;
    const articles: Row[] = [];
    const versions: Row[] = [];
    const links: Row[] = [];
    const approvals: Row[] = [];
    const pointers: Array<{ id: string; current: string; published: string | null; scheduled: string | null }> = [];
    for (let i = 0; i < ARTICLES; i++) {
      const id = `art-${String(i).padStart(5, "0")}`;
      const category = i < BIG_CATEGORY_ARTICLES ? categories[0]! : categories[1 + rng.int(CATEGORIES - 1)]!;
      const roll = rng.next();
      // 2% drafts, 1% scheduled, 1% hidden (own permissions, not public), 0.5% deleted, the rest published.
      const state = roll < 0.02 ? "draft" : roll < 0.03 ? "scheduled" : roll < 0.04 ? "hidden" : roll < 0.045 ? "deleted" : "published";
      const publishedAt = state === "scheduled" ? new Date(now.getTime() + (1 + rng.int(30)) * DAY) : at(rng.int(3 * 365 * DAY));
      const createdBy = rng.pick(writers);
      const majors = state === "draft" || state === "scheduled" ? 0 : 1 + (rng.next() < 0.3 ? 1 : 0);
      const pendingEdit = state === "published" && rng.next() < 0.1;
      const title = `${sentence(rng, 8)} (${i})`;
      const cover = rng.next() < 0.7 ? media[rng.int(1_800)]!.id : null;
      const withMedia = rng.next() < 0.1;
      const expireAt = state === "published" && rng.next() < 0.01 ? new Date(now.getTime() + (1 + rng.int(60)) * DAY) : null;
      const content = (n: number) => ({
        title: n === 0 ? title : `${title} (sửa ${n})`,
        summary: sentence(rng, 30),
        body: Array.from({ length: 6 }, () => `<p>${sentence(rng, 60)}.</p>`).join("\n"),
        alternateUrl: rng.next() < 0.02 ? `https://chinhphu.example.vn/bai-${i}` : null,
        publishAt: publishedAt,
        expireAt,
        featured: rng.next() < 0.05,
        byline: rng.next() < 0.8 ? `Phóng viên ${rng.int(30)}` : null,
        articleType: rng.pick(["Tin", "Bài", "Ảnh", "Văn bản"]),
        pageCount: rng.next() < 0.5 ? 1 + rng.int(3) : null,
        photoCount: rng.int(5),
        categoryId: category.id,
        coverImageId: cover,
      });
      const labels: Array<{ major: number; minor: number; status: "DRAFT" | "APPROVED" | "PENDING" | "SCHEDULED" }> = [];
      if (majors === 0) labels.push({ major: 0, minor: 1, status: state === "scheduled" ? "SCHEDULED" : "DRAFT" });
      for (let m = 1; m <= majors; m++) labels.push({ major: m, minor: 0, status: "APPROVED" });
      if (pendingEdit) labels.push({ major: majors, minor: 1, status: "PENDING" });
      let published: string | null = null;
      let scheduled: string | null = null;
      labels.forEach((v, n) => {
        const versionId = `${id}-v${n}`;
        const created = state === "scheduled" ? at(rng.int(DAY)) : new Date(publishedAt.getTime() + n * 3 * DAY);
        versions.push({
          id: versionId,
          articleId: id,
          major: v.major,
          minor: v.minor,
          label: `${v.major}.${v.minor}`,
          status: v.status,
          changedFields: n === 0 ? '["title","summary","body"]' : '["body"]',
          createdAt: created,
          createdById: createdBy,
          ...content(n),
        });
        if (v.status === "APPROVED") {
          published = versionId;
          approvals.push({
            id: `${versionId}-ok`,
            articleId: id,
            versionId,
            versionLabel: `${v.major}.0`,
            decision: "APPROVED",
            decidedAt: created,
            decidedById: "user-001",
          });
        }
        if (v.status === "SCHEDULED") scheduled = versionId;
        if (withMedia) {
          links.push({ versionId, role: "ATTACHMENT", position: 0, mediaId: media[1_800 + rng.int(200)]!.id });
          for (let p = 0; p < 3; p++) links.push({ versionId, role: "GALLERY", position: p, mediaId: media[rng.int(1_800)]!.id });
        }
      });
      const current = `${id}-v${labels.length - 1}`;
      const visible = published !== null;
      const lastChange = versions.at(-1)!.createdAt as Date;
      articles.push({
        id,
        slug: `bai-viet-${i}`,
        status: labels.at(-1)!.status,
        publishedAt: visible ? publishedAt : null,
        firstPublishedAt: visible ? publishedAt : null,
        expireAt,
        viewCount: rng.int(5_000),
        inheritsPermissions: state !== "hidden",
        isPublic: state !== "hidden",
        createdAt: publishedAt < now ? publishedAt : at(DAY),
        createdById: createdBy,
        updatedAt: lastChange,
        updatedById: createdBy,
        deletedAt: state === "deleted" ? at(DAY) : null,
      });
      pointers.push({ id, current, published, scheduled });
    }
    const chunks = async (rows: Row[], insert: (rows: Row[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 1_000) await insert(rows.slice(i, i + 1_000));
    };
    await chunks(articles, (data) => db.article.createMany({ data: data as never }));
    await chunks(versions, (data) => db.articleVersion.createMany({ data: data as never }));
    await chunks(links, (data) => db.articleVersionMedia.createMany({ data: data as never }));
    await chunks(approvals, (data) => db.approval.createMany({ data: data as never }));
    // Version pointers in one statement per kind (the ids are deterministic).
    await db.$executeRawUnsafe(
      `UPDATE "Article" SET "currentVersionId" = (SELECT v."id" FROM "ArticleVersion" v WHERE v."articleId" = "Article"."id" ORDER BY v."major" DESC, v."minor" DESC LIMIT 1)`,
    );
    await db.$executeRawUnsafe(
      `UPDATE "Article" SET "publishedVersionId" = (SELECT v."id" FROM "ArticleVersion" v WHERE v."articleId" = "Article"."id" AND v."status" = 'APPROVED' ORDER BY v."major" DESC LIMIT 1)`,
    );
    await db.$executeRawUnsafe(
      `UPDATE "Article" SET "scheduledVersionId" = (SELECT v."id" FROM "ArticleVersion" v WHERE v."articleId" = "Article"."id" AND v."status" = 'SCHEDULED' LIMIT 1)`,
    );
    // Rows written in bulk: the maintained listing counts come from one recount.
    await checkListing(db, { repair: true });

    // View history: the site's daily visits for 400 days, per-article views for 30 days of the most read.
    const today = dayOf(now, app.config.SITE_TIMEZONE);
    await db.siteDailyStat.createMany({
      data: Array.from({ length: 400 }, (_, d) => ({
        day: addDays(today, -d),
        visits: 500 + rng.int(3_000),
        uniqueVisitors: 300 + rng.int(1_000),
        articleViews: 1_000 + rng.int(5_000),
      })),
    });
    const daily: Row[] = [];
    for (let a = 0; a < 2_000; a++) {
      for (let d = 0; d < 30; d++)
        daily.push({ articleId: `art-${String(a * 5).padStart(5, "0")}`, day: addDays(today, -d), views: rng.int(200), uniqueViewers: rng.int(100) });
    }
    await chunks(daily, (data) => db.articleDailyStat.createMany({ data: data as never }));
    await db.$executeRawUnsafe("ANALYZE");
    return { articles: articles.length, categories: categories.length, users: users.length, versions: versions.length };
  } finally {
    await closeApp(app);
  }
}

/** Creates the PostgreSQL benchmark database named by `url` on its server, unless it exists. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

/** Drops the current schema of a PostgreSQL benchmark database and makes it again, empty. */
async function resetSchema(url: string): Promise<void> {
  const { db } = createDb(url);
  try {
    const [row] = await db.$queryRaw<Array<{ schema: string }>>`SELECT current_schema() AS "schema"`;
    const schema = row!.schema;
    await db.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
    await db.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? "file:./data/bench/portal.db";
  const started = Date.now();
  seedBench(url).then((s) => console.log(`Seeded ${url}: ${JSON.stringify(s)} in ${((Date.now() - started) / 1000).toFixed(1)} s`));
}
