// The only reader of process.env. Every setting is validated here, once, at
// start-up; a bad value stops the server with one line naming the variable.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";
import { passwordProblem } from "./services/password-policy";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v)));

/** A switch whose default depends on NODE_ENV: undefined when not set. */
const optionalBool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .optional()
  .transform((v) => (v === undefined ? undefined : ["true", "1", "yes", "on"].includes(v)));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => /^(file:.+|postgres(ql)?:\/\/.+)$/i.test(u), "expected file:<path> or postgresql://user@host:port/db"),
  DATA_DIR: z.string().min(1).default("./data"),
  // Shared state of several instances: subscription fan-out, counter buffers, rate limits.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "expected redis://[user:password@]host:port[/db]" })
    .refine((u) => URL.canParse(u) && new URL(u).hostname !== "", "expected redis://[user:password@]host:port[/db]")
    .optional(),
  // Prefix of every Redis channel and key of this deployment (several may share one Redis).
  REDIS_PREFIX: z
    .string()
    .max(100)
    .regex(/^[\w:.-]*$/, "letters, digits and _ : . - only")
    .default("portal:"),
  // On SIGTERM: how long requests in flight may take before their connections are cut.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(9000).default(8000),
  // Shared by every instance: the key of the daily visitor hashes (docs/statistics.md).
  STATS_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // How often buffered visit counts are written to the database (at least every 2 s).
  STATS_FLUSH_INTERVAL_MS: z.coerce.number().int().min(50).max(2000).default(2000),
  // False: visits are answered but not counted (a staging copy, a maintenance window).
  VISIT_COUNTING: bool(true),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(12 * 3600),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  ADMIN_NAME: z.string().min(1).default("Quản trị viên"),
  SEED_DEMO: bool(true),
  SITE_TIMEZONE: z.string().refine(isTimeZone, "not an IANA time zone").default("Asia/Ho_Chi_Minh"),
  PUBLIC_URL: z.url().optional(),
  // The public portal (the readers' web site) whose pages feeds and sitemaps link to:
  // its base address, and the URL templates of its article, category and topic pages
  // ({slug} and {id} are replaced; a relative template is resolved against PORTAL_URL,
  // or against the address the feed was requested at). docs/feeds.md.
  PORTAL_URL: z.url().optional(),
  ARTICLE_URL_TEMPLATE: z
    .string()
    .min(1)
    .max(500)
    .refine((v) => v.includes("{slug}") || v.includes("{id}"), "must contain {slug} or {id}")
    .default("/tin-tuc/{slug}"),
  CATEGORY_URL_TEMPLATE: z
    .string()
    .min(1)
    .max(500)
    .refine((v) => v.includes("{slug}"), "must contain {slug}")
    .default("/chuyen-muc/{slug}"),
  TOPIC_URL_TEMPLATE: z
    .string()
    .min(1)
    .max(500)
    .refine((v) => v.includes("{slug}"), "must contain {slug}")
    .default("/dong-su-kien/{slug}"),
  // How many of the latest articles an RSS feed lists.
  FEED_SIZE: z.coerce.number().int().min(1).max(500).default(50),
  // URLs per sitemap file (the protocol's limit is 50,000): past it, /sitemap.xml is an index of /sitemap-<n>.xml.
  SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(2).max(50_000).default(50_000),
  // Unset: on, except under NODE_ENV=production (docs/security.md).
  GRAPHIQL: optionalBool,
  INTROSPECTION: optionalBool,
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  // Media (docs/media.md): where uploads are kept, per-kind size limits, external video hosts.
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_IMAGE_MB: z.coerce.number().positive().max(10_240).default(10),
  MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(10_240).default(200),
  MEDIA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(10_240).default(25),
  // Uploads being received at once (each streamed to a temporary file): per user, and in all.
  UPLOADS_IN_FLIGHT_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  UPLOADS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  VIDEO_HOSTS: z
    .string()
    .default("youtube.com,youtu.be,vimeo.com")
    .transform((list) =>
      list
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (hosts) => hosts.every((h) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(h)),
      "expected host names separated by commas",
    ),
  // Unset: "info", or "silent" under NODE_ENV=test so test output stays readable.
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  // Unset: "pretty" in development, "json" otherwise (one JSON object a line, for log collectors).
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  METRICS: bool(true),
  // When set, /metrics answers `Authorization: Bearer <METRICS_TOKEN>`; under
  // NODE_ENV=production it answers only that, or a direct request from loopback.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Scheduled publishing: how often due articles are published and expired ones withdrawn (0 = never).
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
  // Full-text search ranks and pages through at most this many best matches
  // (totalCount still counts every match); docs/search.md. At most 400: their ids
  // go into one SQL statement, and SQLite binds at most 999 values in one.
  SEARCH_MAX_RESULTS: z.coerce.number().int().min(10).max(400).default(300),
  // Hardening (docs/security.md): query limits, body size, rate limits, trusted documents, HTTP.
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(20000),
  // The most rows one operation may make the server load, counted with its variables' values.
  MAX_QUERY_ROWS: z.coerce.number().int().min(100).default(5000),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_TOKENS: z.coerce.number().int().min(10).default(3000),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_QUERY_LENGTH: z.coerce.number().int().min(100).default(30000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, "expected true, false or the number of proxies in front")
    .default("false")
    .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(0).default(10),
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(50),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  VISIT_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(120),
  VISIT_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  // Live connections (graphql-ws sockets and SSE subscriptions): per client address,
  // operations per socket, and how long a socket may wait before connection_init.
  LIVE_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(50),
  WS_MAX_OPERATIONS: z.coerce.number().int().min(1).max(10_000).default(25),
  WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // Counted views one client address can add to one article per view window (0 = no bound).
  // Generous: many readers share one mobile carrier's or office's address.
  VIEW_LIMIT_PER_ADDRESS_ARTICLE: z.coerce.number().int().min(0).default(20),
  VIEW_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30 * 60),
  TRUSTED_DOCUMENTS_ONLY: bool(false),
  CORS_ORIGINS: z.string().default("*"),
  CSRF_HEADERS: z.string().default("x-graphql-yoga-csrf,graphql-preflight,apollo-require-preflight"),
  SECURITY_HEADERS: bool(true),
  // The response cache of anonymous reads (docs/performance.md).
  RESPONSE_CACHE: bool(true),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  RESPONSE_CACHE_EXTERNAL_CHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // Cache-Control of anonymous GET answers (with their ETag). The default lets
  // browsers and apps keep the answer and ask again with If-None-Match, and keeps
  // shared caches (proxies, CDNs) out: every answer is then exact. docs/performance.md.
  RESPONSE_CACHE_CONTROL: z
    .string()
    .max(200)
    .regex(/^[\x20-\x7e]+$/, "printable ASCII (a Cache-Control header value)")
    .default("private, no-cache"),
});

const withDefaults = schema
  .superRefine((c, issues) => {
    // The bootstrap administrator's password meets the policy of every other password
    // in production; development keeps its short demo passwords.
    if (c.NODE_ENV !== "production" || !c.ADMIN_PASSWORD) return;
    const problem = passwordProblem(c.ADMIN_PASSWORD, { email: c.ADMIN_EMAIL, name: c.ADMIN_NAME });
    if (problem) issues.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: `the password ${problem}` });
  })
  .transform((c) => ({
    ...c,
    GRAPHIQL: c.GRAPHIQL ?? c.NODE_ENV !== "production",
    INTROSPECTION: c.INTROSPECTION ?? c.NODE_ENV !== "production",
    LOG_LEVEL: c.LOG_LEVEL ?? (c.NODE_ENV === "test" ? "silent" : "info"),
    LOG_FORMAT: c.LOG_FORMAT ?? (c.NODE_ENV === "development" ? "pretty" : "json"),
  }));

export type Config = z.infer<typeof withDefaults>;

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError with one line per bad variable. */
export function readConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = withDefaults.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "config");
    const shown = cleaned[name] === undefined ? undefined : redactUrlPassword(cleaned[name]!);
    const value = shown === undefined ? "" : ` (${JSON.stringify(shown).slice(0, 60)})`;
    return `${name}: ${issue.message}${/SECRET|PASSWORD|TOKEN/.test(name) ? "" : value}`;
  });
  throw new ConfigError([...new Set(lines)].join("\n"));
}

/** `scheme://user:secret@host` → `scheme://user:***@host`: a URL's password never reaches a log. */
export function redactUrlPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/** A configuration for tests and scripts: the defaults, overridden. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ NODE_ENV: "test" }), ...overrides };
}
