// The process logger (pino), made once from the configuration: JSON lines in
// production for log collectors, colourful single lines in development.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";
import type { Config } from "../env";

export type { Logger } from "pino";

/**
 * Paths pino blanks out wherever they appear in a log object. The request log
 * never records headers or variables at all; this list is the safety net for
 * anything logged elsewhere (errors carrying a request, a failed input...).
 */
export const REDACTED_PATHS = [
  "authorization",
  "password",
  "passwordHash",
  "token",
  "secret",
  "cookie",
  "*.authorization",
  "*.password",
  "*.passwordHash",
  "*.token",
  "*.secret",
  "*.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "*.variables.password",
  "*.variables.token",
  "*.variables.input.password",
];

const require = createRequire(import.meta.url);

/**
 * The request being handled (set by the observability plugin): every line logged
 * while handling it, by any module, carries its `reqId`.
 */
export const requestScope = new AsyncLocalStorage<{ reqId: string }>();

export interface LoggerOptions {
  /** Where lines go (default stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(config: Pick<Config, "LOG_LEVEL" | "LOG_FORMAT">, options: LoggerOptions = {}): Logger {
  const base = {
    level: config.LOG_LEVEL,
    base: { service: "portal-api" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => requestScope.getStore() ?? {},
  };
  if (options.destination) return pino(base, options.destination);
  if (config.LOG_FORMAT === "pretty") {
    const pretty = loadPretty();
    // pino-pretty is a development dependency: a production install without it
    // still logs, as JSON, rather than refusing to start.
    if (pretty)
      return pino(base, pretty({ colorize: process.stdout.isTTY, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service", singleLine: true }));
  }
  return pino(base);
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

function loadPretty(): PrettyFactory | null {
  try {
    const module = require("pino-pretty") as PrettyFactory | { default: PrettyFactory };
    return typeof module === "function" ? module : module.default;
  } catch {
    return null;
  }
}

/** The first line of an error's message: what an operator reads, never a stack trace. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? "unknown error"
  );
}
