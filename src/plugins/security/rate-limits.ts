// Rate limits (docs/security.md) with rate-limiter-flexible: kept in Redis when
// REDIS_URL is set, so every instance shares them, with an in-memory limiter as
// insurance while Redis is away; in memory otherwise.
//   - every request, per client address;
//   - `login`, per address, and per account from one address (each login field of
//     a request counts, so aliases cannot batch guesses); a successful login clears
//     that address's count for the account. Nothing is counted per account alone:
//     guesses from elsewhere must never lock the account's owner out;
//   - visit recording (`recordArticleView`, `recordSiteVisit`), per address.
// A refusal is RATE_LIMITED with `extensions.retryAfter` in seconds.
import { getArgumentValues, getOperationAST, GraphQLError, Kind, type DocumentNode, type FieldNode, type GraphQLSchema, type SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "../../env";
import type { ServerContext } from "../../yoga";
import { clientAddressOf } from "./client-address";

export const VISIT_FIELDS = new Set(["recordArticleView", "recordSiteVisit"]);

export interface RateLimiters {
  general: RateLimiterAbstract | null;
  /** Keyed by address and account (see loginKey). */
  loginAccount: RateLimiterAbstract | null;
  loginAddress: RateLimiterAbstract | null;
  visitAddress: RateLimiterAbstract | null;
}

export function createRateLimiters(config: Config, redis?: Redis): RateLimiters {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract | null => {
    if (points <= 0) return null;
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}rl:${name}`,
      points,
      duration,
      // Do not queue behind a lost connection: fall back to this instance's memory.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  return {
    general: make("general", config.RATE_LIMIT_REQUESTS, config.RATE_LIMIT_WINDOW_SECONDS),
    loginAccount: make("login-account", config.LOGIN_LIMIT_PER_ACCOUNT, config.LOGIN_LIMIT_WINDOW_SECONDS),
    loginAddress: make("login-address", config.LOGIN_LIMIT_PER_ADDRESS, config.LOGIN_LIMIT_WINDOW_SECONDS),
    visitAddress: make("visit-address", config.VISIT_LIMIT_PER_ADDRESS, config.VISIT_LIMIT_WINDOW_SECONDS),
  };
}

export function rateLimited(retryAfter: number, what = "Too many requests"): GraphQLError {
  return new GraphQLError(`${what}: try again in ${retryAfter} s.`, {
    extensions: { code: "RATE_LIMITED", retryAfter, http: { status: 429, headers: { "retry-after": String(retryAfter) } } },
  });
}

/** Seconds to wait, or null when the point was granted. */
async function consume(limiter: RateLimiterAbstract | null, key: string, points = 1): Promise<number | null> {
  if (!limiter) return null;
  try {
    await limiter.consume(key, points);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    // The store failed and no insurance could answer: let the request through
    // rather than lock every reader out.
    return null;
  }
}

const UNLIMITED_PATHS = new Set(["/ready", "/health", "/healthz", "/metrics"]);

export function useRateLimits(config: Config, limiters: RateLimiters): Plugin<Record<string, unknown>, ServerContext> {
  const addressOf = (request: Request, serverContext: ServerContext | undefined) =>
    clientAddressOf(request.headers, serverContext?.clientAddress, config.TRUST_PROXY);
  return {
    async onRequest({ request, serverContext, url, endResponse, fetchAPI }) {
      if (request.method === "OPTIONS" || UNLIMITED_PATHS.has(url.pathname)) return;
      // In-process calls (tests, scripts) have no address: nothing to key on.
      const address = addressOf(request, serverContext);
      if (!address) return;
      const wait = await consume(limiters.general, address);
      if (wait === null) return;
      const error = rateLimited(wait);
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions: { code: "RATE_LIMITED", retryAfter: wait } }] }), {
          status: 429,
          headers: { "content-type": "application/json; charset=utf-8", "retry-after": String(wait) },
        }),
      );
    },
    // An operation over graphql-ws never passes onRequest: each one counts as a request.
    async onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { clientAddress?: string | null; transport?: string };
      if (context.transport !== "ws" || !context.clientAddress) return;
      const wait = await consume(limiters.general, context.clientAddress);
      if (wait !== null) setResultAndStopExecution({ errors: [rateLimited(wait)] });
    },
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { clientAddress?: string | null; transport?: string };
      const address = context.clientAddress ?? null;
      if (context.transport === "ws" && address) {
        const wait = await consume(limiters.general, address);
        if (wait !== null) return setResultAndStopExecution({ errors: [rateLimited(wait)] });
      }
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const fields = rootFields(args.document, operation.selectionSet);
      const logins = fields.filter((f) => f.name.value === "login");
      const visits = fields.filter((f) => VISIT_FIELDS.has(f.name.value)).length;
      const refuse = (wait: number, what: string) => setResultAndStopExecution({ errors: [rateLimited(wait, what)] });

      if (visits > 0 && address) {
        const wait = await consume(limiters.visitAddress, address, visits);
        if (wait !== null) return refuse(wait, "Too many visits recorded from this address");
      }
      if (logins.length === 0) return;
      if (address) {
        const wait = await consume(limiters.loginAddress, address, logins.length);
        if (wait !== null) return refuse(wait, "Too many sign-in attempts from this address");
      }
      // Keyed by address and account: ten wrong guesses from one place slow that
      // place down, while the owner signing in from anywhere else is not affected.
      const accounts = logins.map((field) => {
        const account = loginAccount(args.schema, field, args.variableValues ?? {});
        return account === null ? null : loginKey(address, account);
      });
      for (const account of new Set(accounts)) {
        if (!account) continue;
        const wait = await consume(limiters.loginAccount, account, accounts.filter((a) => a === account).length);
        if (wait !== null) return refuse(wait, "Too many sign-in attempts for this account from this address");
      }
      return {
        onExecuteDone({ result }) {
          // A successful sign-in forgives the account's earlier mistakes.
          if (!("data" in result) || logins.length !== 1 || !accounts[0]) return;
          const key = logins[0]!.alias?.value ?? "login";
          if ((result.data as Record<string, unknown> | null | undefined)?.[key]) {
            void limiters.loginAccount?.delete(accounts[0]).catch(() => undefined);
          }
        },
      };
    },
  };
}

/** The root fields of an operation, through fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(document, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) fields.push(...rootFields(document, fragment.selectionSet, seen));
    }
  }
  return fields;
}

/** The key of the per-account limit: the account as seen from one client address. */
export const loginKey = (address: string | null, account: string) => `${address ?? "local"}|${account}`;

function loginAccount(schema: GraphQLSchema, field: FieldNode, variables: Record<string, unknown>): string | null {
  const definition = schema.getMutationType()?.getFields()["login"];
  if (!definition) return null;
  try {
    const { email } = getArgumentValues(definition, field, variables) as { email?: unknown };
    return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : null;
  } catch {
    return null; // execution reports the bad argument itself
  }
}
