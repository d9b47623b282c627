// The only reader of process.env. Every setting is validated here, once, at
// start-up; a bad value stops the server with one line naming the variable.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-url";

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v)));

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
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "expected redis://host:port")
    .optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(12 * 3600),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  ADMIN_NAME: z.string().min(1).default("Quản trị viên"),
  SEED_DEMO: bool(true),
  SITE_TIMEZONE: z.string().refine(isTimeZone, "not an IANA time zone").default("Asia/Ho_Chi_Minh"),
  PUBLIC_URL: z.url().optional(),
  GRAPHIQL: bool(true),
  INTROSPECTION: bool(true),
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  // Media (docs/media.md): where uploads are kept, per-kind size limits, external video hosts.
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_IMAGE_MB: z.coerce.number().positive().max(10_240).default(10),
  MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(10_240).default(200),
  MEDIA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(10_240).default(25),
  VIDEO_HOSTS: z
    .string()
    .default("youtube.com,youtu.be,vimeo.com")
    .transform((list) => list.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
    .refine((hosts) => hosts.every((h) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(h)), "expected host names separated by commas"),
  // The response cache of anonymous reads (docs/performance.md).
  RESPONSE_CACHE: bool(true),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  RESPONSE_CACHE_EXTERNAL_CHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError with one line per bad variable. */
export function readConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "config");
    const value = issue.code === "invalid_type" && issue.input === undefined ? "" : ` (${JSON.stringify(cleaned[name]).slice(0, 40)})`;
    return `${name}: ${issue.message}${/SECRET|PASSWORD/.test(name) ? "" : value}`;
  });
  throw new ConfigError(lines.join("\n"));
}

/** A configuration for tests and scripts: the defaults, overridden. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ NODE_ENV: "test" }), ...overrides };
}
