// A real app for a test file: its own copy of the migrated database, its own data
// folder, the real Yoga pipeline (yoga.fetch), and a count of SQL statements.
// With TEST_DATABASE_URL=postgresql://.../<any db> (npm run test:postgres) every
// test app gets a fresh PostgreSQL database on that server, migrated with the
// committed migrations and dropped on close.
import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createApp, closeApp, type App } from "../../src/app";
import { migrate } from "../../src/db/client";
import { ManualClock } from "../../src/lib/clock";
import { testConfig, type Config } from "../../src/env";
import { seedDemo } from "../../src/services/seed";
import { createPortalYoga, type PortalYoga } from "../../src/yoga";
import type { Role } from "../../src/db/client";
import { hashPassword } from "../../src/services/passwords";
import { userSearchText } from "../../src/services/users";
import type { Logger } from "../../src/lib/logger";
import { BOOKKEEPING } from "../../src/plugins/response-cache";

export interface TestApp {
  app: App;
  yoga: PortalYoga;
  clock: ManualClock;
  /** SQL statements since the last reset. */
  statements: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  config?: Partial<Config>;
  now?: string;
  /** A logger to read the app's log lines (default: silent, from the test configuration). */
  logger?: Logger;
  /** Flush visit counts every STATS_FLUSH_INTERVAL_MS as a server does (default: only when the test calls `app.counters.flush()`). */
  flushCountersOnTimer?: boolean;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const id = randomUUID();
  const dir = join(process.cwd(), "data", "test", id);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "portal.db");
  const template = process.env.TEST_TEMPLATE_DB ?? join(process.cwd(), "data", "test", "template.db");
  const server = process.env.TEST_DATABASE_URL;
  let databaseUrl = `file:${file}`;
  let dropDatabase = async () => {};
  if (server && /^postgres(ql)?:\/\//i.test(server)) {
    ({ url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase(server));
    // A copy of the run's migrated template (tests/global-setup.ts), or a database migrated here.
    if (!process.env.TEST_PG_TEMPLATE) await migrate(databaseUrl);
  } else {
    copyFileSync(template, file);
  }
  const statements: string[] = [];
  const clock = new ManualClock(new Date(options.now ?? "2026-11-29T03:00:00.000Z"));
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    JWT_SECRET: "test-secret-test-secret-test-secret-0123456789",
    SEED_DEMO: options.seed ?? true,
    ...options.config,
  });
  // The response cache's own bookkeeping is not part of what a request costs its resolvers.
  const app = await createApp(config, {
    clock,
    onQuery: (sql) => sql.startsWith(BOOKKEEPING) || statements.push(sql),
    logger: options.logger,
    flushCountersOnTimer: options.flushCountersOnTimer ?? false,
  });
  await seedDemo(app);
  const yoga = createPortalYoga(app);
  const close = async () => {
    await closeApp(app);
    await dropDatabase();
  };
  return { app, yoga, clock, statements, close };
}

/** A new, empty database on the server of `serverUrl`; `drop` removes it. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const template = process.env.TEST_PG_TEMPLATE;
  await admin(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

/**
 * Sends one GraphQL request through the real HTTP pipeline (yoga.fetch): a query
 * text, or a typed document of the contract (tests/support/contract.ts) for a typed result.
 */
export async function gql<T = Record<string, any>, V = Record<string, unknown>>(
  t: TestApp,
  query: string | TypedDocumentNode<T, V>,
  variables: V | Record<string, unknown> = {},
  options: { token?: string; operationName?: string; headers?: Record<string, string>; address?: string } = {},
): Promise<GraphQLResponse<T>> {
  const init: RequestInit = {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: JSON.stringify({ query: typeof query === "string" ? query : print(query), variables, operationName: options.operationName }),
  };
  // The client's address, as the server takes it from the socket (rate limits count by it).
  const response = await (options.address
    ? t.yoga.fetch("http://portal.test/graphql", init, { clientAddress: options.address })
    : t.yoga.fetch("http://portal.test/graphql", init));
  return (await response.json()) as GraphQLResponse<T>;
}

export interface ExecuteOptions {
  token?: string;
  headers?: Record<string, string>;
  /** The client's address (default: none, as for an in-process request). */
  address?: string;
}

/** The variables argument of `execute`: optional when the operation has no required variable. */
export type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V, options?: ExecuteOptions] : [variables: V, options?: ExecuteOptions];

/**
 * Runs one contract operation (a typed document of clients/generated) through the same
 * pipeline as `gql`: the variables are checked against the operation's variable types
 * and `data` has its result type.
 */
export function execute<R, V extends Record<string, unknown>>(
  t: TestApp,
  document: TypedDocumentNode<R, V>,
  ...[variables, options]: VariablesArgument<NoInfer<V>>
): Promise<GraphQLResponse<R>> {
  return gql<R, V>(t, document, variables ?? {}, options);
}

/** The value of a nullable result field, failing the test with `what` when it is null or missing. */
export function present<T>(value: T | null | undefined, what = "a value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${value}`);
  return value;
}

/**
 * The object a `node(id:)` query selected with its `... on Type` fragment: failing the test
 * with `what` when the node is null, or of another type (an empty selection).
 */
export function selected<T extends object>(value: T | Record<PropertyKey, never> | null | undefined, what = "a node"): T {
  const node = present(value, what);
  if (Object.keys(node).length === 0) throw new Error(`expected ${what}, got a node of another type`);
  return node as T;
}

let userCounter = 0;
// Every fixture user has the same password: its hash (the real scrypt, at the real
// cost) is computed once per test file rather than once per user, 75 ms each.
let fixtureHash: Promise<string> | undefined;

/** A user with a role, and a valid token for them. Their password is "mật khẩu bí mật". */
export async function signIn(t: TestApp, role: Role, name = `${role.toLowerCase()} ${++userCounter}`) {
  const email = `${role.toLowerCase()}-${randomUUID()}@example.vn`;
  const passwordHash = await (fixtureHash ??= hashPassword("mật khẩu bí mật"));
  const user = await t.app.db.user.create({
    data: { name, email, role, passwordHash, searchText: userSearchText(name, email) },
  });
  const { token } = await t.app.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion }, t.clock.now());
  return { user, token };
}

/** The error codes of a response, in order. */
export const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
