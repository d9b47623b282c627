// The real commands, as an operator runs them: the server and the scripts in
// their own processes (node + tsx), with their own environment; the one place
// tests start processes from.
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { copyFileSync, mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { print, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Changes } from "./wait";

const root = process.cwd();

/** A fresh folder under data/test, with a migrated database copied from the template when asked. */
export function tempDataDir(options: { migrated?: boolean } = {}): { dir: string; databaseUrl: string; dbFile: string } {
  const dir = join(root, "data", "test", `ops-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, "portal.db");
  if (options.migrated) copyFileSync(process.env.TEST_TEMPLATE_DB ?? join(root, "data", "test", "template.db"), dbFile);
  return { dir, databaseUrl: `file:${dbFile}`, dbFile };
}

/** The environment of a command: the variables given, on top of PATH and HOME only. */
function commandEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_FORMAT: "json", ...env };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx <script> <args>` to completion. */
export function runScript(script: string, args: string[], env: Record<string, string>, stdin?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env: commandEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

export interface ScriptProcess {
  /** The next line it writes on stdout; fails when it exits first (with its stderr). */
  nextLine(): Promise<string>;
  /** Writes one line on its stdin. */
  send(line: string): void;
  /** Ends its stdin and waits for its exit code. */
  end(): Promise<number | null>;
  child: ChildProcess;
}

/** Starts `tsx <script> <args>` to talk with it line by line: stdin in, stdout out. */
export function startScript(script: string, args: string[], env: Record<string, string> = {}): ScriptProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env: commandEnv(env) });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const closed = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    nextLine: async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`${script} exited with ${await closed} before writing a line: ${stderr}`);
      return line.value;
    },
    send: (line) => void child.stdin.write(`${line}\n`),
    end: () => {
      child.stdin.end();
      return closed;
    },
  };
}

export interface RunningServer {
  /** The server's base address (http://127.0.0.1:<port>). */
  url: string;
  /** Its GraphQL endpoint. */
  graphql: string;
  port: number;
  /** Parsed JSON log lines so far. */
  logs: Array<Record<string, any>>;
  /** Resolves once `check()` holds, checked again as each log line arrives (lines travel through a pipe after the response). */
  logged(check: () => boolean, what: string): Promise<void>;
  stderr: () => string;
  /** Sends a signal (SIGTERM unless told) and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  child: ChildProcess;
}

export interface ServerOptions {
  timeoutMs?: number;
  /** Also pass on this process's environment (the server then sees what the test run sees). */
  inheritEnv?: boolean;
}

/** Starts `tsx src/server.ts` on a free port and waits until it listens. */
export function startServer(env: Record<string, string>, options: ServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: root,
      // Always a production server that logs its start (the port) as JSON, whatever the test run's own settings.
      env: { ...(options.inheritEnv ? process.env : {}), ...commandEnv({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env }) },
    });
    const logs: Array<Record<string, any>> = [];
    const lines = new Changes();
    let stderr = "";
    let buffer = "";
    let started = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in time: ${stderr}`));
    }, timeoutMs);
    const closed = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (data) => {
      buffer += data;
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          logs.push(JSON.parse(line));
        } catch {
          logs.push({ unparsed: line });
        }
        lines.notify();
        const last = logs.at(-1)!;
        if (!started && typeof last.port === "number") {
          started = true;
          clearTimeout(timer);
          resolve({
            url: `http://127.0.0.1:${last.port}`,
            graphql: `http://127.0.0.1:${last.port}/graphql`,
            port: last.port,
            logs,
            logged: (check, what) => lines.until(check, what),
            stderr: () => stderr,
            child,
            stop: (signal = "SIGTERM") => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return closed;
            },
          });
        }
      }
    });
    closed.then((code) => {
      if (!started) {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}: ${stderr}`));
      }
    });
  });
}

/** One GraphQL request over HTTP. */
export async function httpGql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
}

// Many requests at once over a bounded set of keep-alive sockets.
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

/** The answer of `post`. */
export interface PostResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The variables and headers of `post`: the variables may be left out when the operation has no required one. */
type PostArguments<V> = Record<string, never> extends V ? [variables?: V, headers?: Record<string, string>] : [variables: V, headers?: Record<string, string>];

/**
 * One GraphQL request over HTTP to an endpoint, through the shared keep-alive agent: a
 * contract operation (a typed document of clients/generated, typed variables and data),
 * or a query text.
 */
export function post<R, V extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<R, V>,
  ...args: PostArguments<NoInfer<V>>
): Promise<PostResponse<R>>;
export function post<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<PostResponse<T>>;
export function post(
  url: string,
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<PostResponse<unknown>> {
  const body = JSON.stringify({ query: typeof query === "string" ? query : print(query), variables });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Closes the keep-alive sockets of `post` (end of a test file). */
export function closeClients(): void {
  agent.destroy();
}
