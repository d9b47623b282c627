// Soak test (npm run soak [-- --postgres] [-- --seconds 60] [-- --clients 40]):
// a real server process on loopback, many clients at once sending the contract's
// reads, visits and edits for a while; then it counts what the server kept
// against what the clients were told. Prints server errors, lost visits and
// lost or duplicated versions; exits non-zero when any is not zero.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDb } from "../src/db/client";
import { contractOperation } from "../tests/support/contract";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : Number(process.env[`SOAK_${name.toUpperCase()}`] ?? fallback);
};
const SECONDS = option("seconds", 60);
const CLIENTS = option("clients", 40);
const postgres = flag("postgres") || /^postgres/.test(process.env.SOAK_DATABASE_URL ?? "");
const id = randomUUID().slice(0, 8);

type Gql = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };

const stats = {
  requests: 0,
  reads: 0,
  serverErrors: 0,
  otherErrors: 0,
  conflicts: 0,
  edits: 0,
  articleViews: new Map<string, number>(),
  siteVisits: 0,
  versions: new Map<string, string[]>(),
  samples: [] as string[],
};

async function main() {
  const dataDir = resolve("data", "soak", id);
  mkdirSync(dataDir, { recursive: true });
  let databaseUrl = `file:${join(dataDir, "portal.db")}`;
  let dropDatabase = () => {};
  if (postgres) {
    const base = new URL(process.env.SOAK_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/test");
    const name = `soak_${id}`;
    const maintenance = base.pathname.slice(1);
    const psql = (sql: string) =>
      execFileSync("psql", ["-h", base.hostname, "-p", base.port || "5432", "-U", base.username || "root", "-d", maintenance, "-c", sql], { stdio: "pipe" });
    psql(`CREATE DATABASE ${name}`);
    dropDatabase = () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    base.pathname = `/${name}`;
    databaseUrl = base.toString();
  }
  const adminEmail = "soak-admin@example.vn";
  const adminPassword = `soak-${randomUUID()}`;
  const server = await startServer({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    SEED_DEMO: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    // Every client of this script shares one address: the per-address limits
    // would measure themselves, not the server.
    RATE_LIMIT_REQUESTS: "0",
    VISIT_LIMIT_PER_ADDRESS: "0",
    VIEW_LIMIT_PER_ADDRESS_ARTICLE: "0",
  });
  try {
    await run(server.url, adminEmail, adminPassword, databaseUrl);
  } finally {
    await server.stop();
  }
  await verify(databaseUrl);
  dropDatabase();
}

async function startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk) => process.stderr.write(`[server] ${chunk}`));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start in 120 s")), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /on (http:\/\/\S+\/graphql)/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!.replace("localhost", "127.0.0.1"));
      }
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        child.once("exit", () => resolvePromise());
        child.kill("SIGTERM");
      }),
  };
}

async function send(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Gql> {
  stats.requests++;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // Readers' browsers: counters ignore robots.
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 portal-soak",
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Gql;
    const internal = (body.errors ?? []).some((e) => !e.extensions?.code || e.extensions.code === "INTERNAL_SERVER_ERROR");
    if (response.status >= 500 || internal) {
      stats.serverErrors++;
      if (stats.samples.length < 5) stats.samples.push(`${response.status} ${JSON.stringify(body.errors).slice(0, 300)}`);
    }
    return body;
  } catch (error) {
    stats.serverErrors++;
    if (stats.samples.length < 5) stats.samples.push(`network: ${(error as Error).message}`);
    return { errors: [{ message: "network", extensions: { code: "NETWORK" } }] };
  }
}

const unexpected = (r: Gql, allowed: string[] = []) => {
  const bad = (r.errors ?? []).filter(
    (e) => !allowed.includes(e.extensions?.code ?? "") && e.extensions?.code !== "INTERNAL_SERVER_ERROR" && e.extensions?.code !== "NETWORK",
  );
  if (bad.length) {
    stats.otherErrors++;
    if (stats.samples.length < 5) stats.samples.push(JSON.stringify(bad).slice(0, 300));
  }
  return bad.length > 0;
};

let canVisit = false;
let canVisitSite = false;
let canEdit = false;

async function run(url: string, email: string, password: string, databaseUrl: string) {
  const mutations = ((await send(url, `{ __type(name: "Mutation") { fields { name } } }`)).data?.__type?.fields ?? []).map((f: { name: string }) => f.name);
  canVisit = mutations.includes("recordArticleView");
  canVisitSite = mutations.includes("recordSiteVisit");
  canEdit = mutations.includes("updateArticle") && mutations.includes("createArticle");
  const login = await send(url, contractOperation("Login"), { email, password });
  const token: string = login.data.login.token;
  const home = await send(url, contractOperation("HomePage"));
  const published: Array<{ id: string; slug: string }> = home.data.latest.edges.map((e: any) => e.node);
  const categories: string[] = home.data.categories.map((c: any) => c.slug);

  const editable: Array<{ id: string; version: string }> = [];
  if (canEdit) {
    for (let i = 0; i < 4; i++) {
      const r = await send(url, contractOperation("CreateArticle"), { input: { title: `Bài thử tải ${id} số ${i}`, body: "<p>Nội dung ban đầu.</p>" } }, token);
      if (!unexpected(r) && r.data?.createArticle) {
        editable.push({ id: r.data.createArticle.id, version: r.data.createArticle.version });
        stats.versions.set(r.data.createArticle.id, [r.data.createArticle.version]);
      }
    }
  }
  console.log(
    `soak: ${postgres ? "PostgreSQL" : "SQLite"}, ${SECONDS} s, ${CLIENTS} clients; visits ${canVisit ? "on" : "not available (recordArticleView missing)"}, site visits ${canVisitSite ? "on" : "not available"}, edits ${canEdit ? "on" : "not available (createArticle/updateArticle missing)"}`,
  );

  const { db } = createDb(databaseUrl);
  const initialViews = new Map<string, number>();
  for (const article of await db.article.findMany({ select: { id: true, viewCount: true } })) initialViews.set(article.id, article.viewCount);
  const initialSite = (await db.site.findUnique({ where: { id: 1 }, select: { totalVisits: true } }))?.totalVisits ?? 0;
  await db.$disconnect();
  Object.assign(stats, { initialViews, initialSite });

  const deadline = Date.now() + SECONDS * 1000;
  let n = 0;
  const client = async (c: number) => {
    while (Date.now() < deadline) {
      const roll = Math.random();
      const seq = n++;
      if (roll < 0.2 && canVisit) {
        const article = published[seq % published.length]!;
        const r = await send(url, contractOperation("RecordArticleView"), { articleId: article.id, visitorId: `soak-${id}-${c}-${seq}` });
        if (!r.errors) stats.articleViews.set(article.id, (stats.articleViews.get(article.id) ?? 0) + 1);
        else unexpected(r);
      } else if (roll < 0.27 && canVisitSite) {
        const r = await send(url, contractOperation("RecordSiteVisit"), { visitorId: `soak-${id}-${c}-${seq}` });
        if (!r.errors) stats.siteVisits++;
        else unexpected(r);
      } else if (roll < 0.35 && canEdit && editable.length) {
        const article = editable[seq % editable.length]!;
        const r = await send(
          url,
          contractOperation("UpdateArticle"),
          { input: { id: article.id, expectedVersion: article.version, title: `Bài thử tải ${id}: sửa ${c}-${seq}`, body: `<p>Sửa lần ${seq}.</p>` } },
          token,
        );
        if (r.data?.updateArticle) {
          stats.edits++;
          article.version = r.data.updateArticle.version;
          stats.versions.get(article.id)!.push(article.version);
        } else if (r.errors?.[0]?.extensions?.code === "CONFLICT") {
          stats.conflicts++;
          const now = await send(url, `query($id: ID!) { node(id: $id) { ... on Article { version } } }`, { id: article.id }, token);
          if (now.data?.node?.version) article.version = now.data.node.version;
        } else unexpected(r);
      } else {
        stats.reads++;
        const pick = seq % 4;
        const r =
          pick === 0
            ? await send(url, contractOperation("HomePage"))
            : pick === 1
              ? await send(url, contractOperation("ArticlePage"), { slug: published[seq % published.length]!.slug })
              : pick === 2
                ? await send(url, contractOperation("CategoryPage"), { slug: categories[seq % categories.length], first: 10 })
                : await send(url, contractOperation("MobileFeed"), { first: 20 });
        unexpected(r);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const elapsed = (Date.now() - started) / 1000;
  console.log(
    `requests           ${stats.requests} in ${elapsed.toFixed(1)} s (${Math.round(stats.requests / elapsed)}/s): reads ${stats.reads}, article views ${sum(stats.articleViews)}, site visits ${stats.siteVisits}, edits ${stats.edits} (+${stats.conflicts} CONFLICT answers, expected under concurrent editing)`,
  );
}

/** The database id inside a global ID. */
const rowId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":").slice(1).join(":");

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function verify(databaseUrl: string) {
  // The server has stopped (SIGTERM): buffered counters are flushed by then.
  const { db } = createDb(databaseUrl);
  const { initialViews, initialSite } = stats as unknown as { initialViews: Map<string, number>; initialSite: number };
  let lostViews = 0;
  let extraViews = 0;
  for (const [articleId, sent] of stats.articleViews) {
    const row = await db.article.findUnique({ where: { id: rowId(articleId) }, select: { viewCount: true } });
    const counted = (row?.viewCount ?? 0) - (initialViews.get(rowId(articleId)) ?? 0);
    if (counted < sent) lostViews += sent - counted;
    if (counted > sent) extraViews += counted - sent;
  }
  const site = (await db.site.findUnique({ where: { id: 1 }, select: { totalVisits: true } }))?.totalVisits ?? 0;
  const lostSite = Math.max(0, stats.siteVisits - (site - initialSite));
  const extraSite = Math.max(0, site - initialSite - stats.siteVisits);
  let lostVersions = 0;
  let duplicated = 0;
  let found = 0;
  for (const [articleId, labels] of stats.versions) {
    const rows = await db.articleVersion.findMany({ where: { articleId: rowId(articleId) }, select: { label: true } });
    found += rows.length;
    const stored = rows.map((r) => r.label);
    duplicated += stored.length - new Set(stored).size;
    duplicated += labels.length - new Set(labels).size; // two answers naming one version
    lostVersions += labels.filter((l) => !stored.includes(l)).length;
    lostVersions += Math.max(0, labels.length - stored.length);
    duplicated += Math.max(0, stored.length - labels.length); // versions no client was told about
  }
  await db.$disconnect();
  const written = [...stats.versions.values()].reduce((a, l) => a + l.length, 0);
  console.log(`server errors      ${stats.serverErrors} (HTTP 5xx, INTERNAL_SERVER_ERROR or network)`);
  console.log(`unexpected errors  ${stats.otherErrors}`);
  console.log(`article views      sent ${sum(stats.articleViews)}, lost ${lostViews}, extra ${extraViews}${canVisit ? "" : " (not available)"}`);
  console.log(`site visits        sent ${stats.siteVisits}, lost ${lostSite}, extra ${extraSite}${canVisitSite ? "" : " (not available)"}`);
  console.log(
    `versions           acknowledged ${written}, stored ${found}, lost ${lostVersions}, duplicated ${duplicated}${canEdit ? "" : " (edits not available)"}`,
  );
  for (const sample of stats.samples) console.log(`  sample: ${sample}`);
  const bad = stats.serverErrors + stats.otherErrors + lostViews + extraViews + lostSite + extraSite + lostVersions + duplicated;
  console.log(bad === 0 ? "soak: OK" : "soak: FAILED");
  process.exitCode = bad === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(`soak: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
