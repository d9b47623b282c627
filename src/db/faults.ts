// What happens when a dependency misbehaves: SQLite busy/locked transactions are
// retried; a database or Redis that is away gives a clean, masked error.
// The error classes of both generated clients are the same runtime classes.
import { Prisma } from "../generated/sqlite/client";

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024", "P2037"]);
const UNAVAILABLE_PATTERN =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|connection is closed|Connection is closed|Can't reach database|server closed the connection|MaxRetriesPerRequest|timeout exceeded when trying to connect|DatabaseNotReachable|ConnectionClosed|SocketTimeout|Stream isn't writeable/i;

/** True for errors that mean "a dependency is away", not "the request is wrong". */
export function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(e.code)) return true;
    const { message, code, name } = e as { message?: unknown; code?: unknown; name?: unknown };
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P01|57P02|57P03|08\d{3})$/.test(code)) return true;
    if (name === "MaxRetriesPerRequestError") return true;
    if (typeof message === "string" && UNAVAILABLE_PATTERN.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** SQLite answered "busy" or "locked": another connection holds the write lock, or our snapshot is stale. */
export function isSqliteBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    if (typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
    if (typeof message === "string" && /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked|SocketTimeout/i.test(message)) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface BusyRetryOptions {
  attempts?: number;
  baseDelayMs?: number;
}

/**
 * Interactive transactions on SQLite start deferred: when another connection
 * commits between our read and our write, SQLite refuses the write at once with
 * SQLITE_BUSY (the busy timeout cannot help, the snapshot is stale). The whole
 * transaction rolled back, so running it again from the start is safe.
 */
export function retryTransactionsOnBusy<T extends object>(db: T, options: BusyRetryOptions = {}): T {
  const attempts = options.attempts ?? 5;
  const baseDelay = options.baseDelayMs ?? 20;
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "$transaction" || typeof value !== "function") return value;
      return async (first: unknown, ...rest: unknown[]) => {
        // Batches ($transaction([...])) are promises already started: not retryable here.
        if (typeof first !== "function") return value.call(target, first, ...rest);
        for (let attempt = 1; ; attempt++) {
          try {
            return await value.call(target, first, ...rest);
          } catch (error) {
            if (attempt >= attempts || !isSqliteBusy(error)) throw error;
            await new Promise((resolve) => setTimeout(resolve, baseDelay * 2 ** (attempt - 1) * (0.5 + Math.random())));
          }
        }
      };
    },
  });
}
