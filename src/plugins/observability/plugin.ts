// One Yoga plugin watches every HTTP request once and feeds both the request
// log (one line per request) and the Prometheus metrics; it also serves /metrics.
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { getOperationAST, parse, type DocumentNode, type ExecutionResult, type OperationTypeNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { App } from "../../app";
import { requestScope } from "../../lib/logger";
import { routeLabel } from "./metrics";

interface RequestRecord {
  id: string;
  start: bigint;
  operation?: string;
  operationType?: string;
  codes: string[];
}

const records = new WeakMap<Request, RequestRecord>();

// A client-supplied X-Request-Id is kept (it ties our line to the caller's logs)
// only when it is short and plain; anything else is replaced.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

function recordOf(request: Request): RequestRecord {
  let record = records.get(request);
  if (!record) {
    const given = request.headers.get("x-request-id");
    record = { id: given && CLIENT_REQUEST_ID.test(given) ? given : randomUUID(), start: process.hrtime.bigint(), codes: [] };
    records.set(request, record);
  }
  return record;
}

/** The id of a request: the one logged, returned in X-Request-Id and kept as ctx.requestId. */
export function requestIdOf(request: Request): string {
  return recordOf(request).id;
}

function noteOperation(record: RequestRecord, document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName ?? undefined);
  record.operation = operation?.name?.value ?? (operationName || undefined);
  record.operationType = operation?.operation;
}

/**
 * The operation of a request's query text, parsed once per distinct text (bounded):
 * answers served without execution (the response cache) are still named.
 */
const operationsOfText = new Map<string, { name?: string; type?: OperationTypeNode }>();
function noteOperationOfParams(record: RequestRecord, query: unknown, operationName: string | null | undefined) {
  if (typeof query !== "string" || query.length > 100_000) return;
  const key = `${operationName ?? ""}\n${query}`;
  let found = operationsOfText.get(key);
  if (!found) {
    try {
      const operation = getOperationAST(parse(query), operationName ?? undefined);
      found = { name: operation?.name?.value ?? (operationName || undefined), type: operation?.operation };
    } catch {
      return; // Yoga answers the syntax error; onValidate never runs, and the line names no operation
    }
    if (operationsOfText.size >= 1000) operationsOfText.clear();
    operationsOfText.set(key, found);
  }
  record.operation = found.name;
  record.operationType = found.type;
}

function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === "string" && /^[A-Z][A-Z0-9_]{0,49}$/.test(code) ? code : "UNCODED";
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A request from this machine itself, not relayed: the socket is loopback and no
 * proxy header says it came from elsewhere (a reverse proxy on the same machine
 * connects from loopback too, but adds X-Forwarded-For).
 */
function isDirectLoopback(request: Request, socketAddress: string | null | undefined): boolean {
  if (!socketAddress) return false;
  const address = socketAddress.startsWith("::ffff:") ? socketAddress.slice(7) : socketAddress;
  const loopback = address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
  return loopback && !request.headers.has("x-forwarded-for") && !request.headers.has("forwarded") && !request.headers.has("x-real-ip");
}

export function observabilityPlugin(app: App): Plugin {
  const { metrics, logger, config } = app;
  const log = logger.child({ component: "http" });
  return {
    instrumentation: {
      // Everything that runs for this request (resolvers, services, Yoga's own error
      // messages) logs with its reqId.
      request: ({ request }, wrapped) => requestScope.run({ reqId: recordOf(request).id }, wrapped),
    },
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      recordOf(request);
      if (url.pathname !== "/metrics") return;
      if (!config.METRICS) {
        endResponse(new fetchAPI.Response("Not found\n", { status: 404 }));
        return;
      }
      // Production: the token, or a scraper on this machine. Elsewhere: the token when one is set.
      if (config.METRICS_TOKEN || config.NODE_ENV === "production") {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
        const tokenOk = Boolean(match && config.METRICS_TOKEN && sameSecret(match[1]!, config.METRICS_TOKEN));
        const local =
          config.NODE_ENV === "production" && isDirectLoopback(request, (serverContext as { clientAddress?: string | null } | undefined)?.clientAddress);
        if (!tokenOk && !local) {
          endResponse(new fetchAPI.Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } }));
          return;
        }
      }
      const body = await metrics.registry.metrics();
      endResponse(new fetchAPI.Response(body, { status: 200, headers: { "content-type": metrics.registry.contentType } }));
    },
    onParams({ request, params }) {
      noteOperationOfParams(recordOf(request), params.query, params.operationName);
    },
    // Before validation, so an operation that fails validation is still named in its log line.
    onValidate({ context, params }) {
      const { request, params: graphqlParams } = context as { request?: Request; params?: { operationName?: string } };
      if (request) noteOperation(recordOf(request), params.documentAST, graphqlParams?.operationName);
    },
    onExecute({ args }) {
      noteOperation(recordOf(args.contextValue.request), args.document, args.operationName);
    },
    onSubscribe({ args }) {
      noteOperation(recordOf(args.contextValue.request), args.document, args.operationName);
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return;
          metrics.subscriptions.inc();
          let open = true;
          return {
            onEnd() {
              if (open) metrics.subscriptions.dec();
              open = false;
            },
          };
        },
      };
    },
    onResultProcess({ request, result }) {
      // Streams (subscriptions) are answered at once; their events are not errors of the request.
      if (isAsyncIterable(result)) return;
      const record = recordOf(request);
      for (const one of Array.isArray(result) ? result : [result]) record.codes.push(...errorCodes(one));
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set("x-request-id", record.id);
      const seconds = Number(process.hrtime.bigint() - record.start) / 1e9;
      const url = new URL(request.url);
      const route = routeLabel(url.pathname);
      const status = response.status;
      metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
      metrics.httpDuration.observe({ route }, seconds);
      const operation = record.operationType ? metrics.operationLabel(record.operation) : undefined;
      const ok = record.codes.length === 0 && status < 400;
      if (operation && record.operationType) {
        metrics.operations.inc({ operation, type: record.operationType, outcome: ok ? "ok" : "error" });
        metrics.operationDuration.observe({ operation, type: record.operationType }, seconds);
      }
      for (const code of record.codes) metrics.errors.inc({ code, operation: operation ?? "none" });
      // Never headers, variables or bodies: they carry tokens and passwords.
      const line = {
        reqId: record.id,
        method: request.method,
        path: url.pathname,
        status,
        operation: record.operation ?? null,
        operationType: record.operationType ?? null,
        durationMs: Math.round(seconds * 1e4) / 10,
        outcome: ok ? "ok" : record.codes.length > 0 ? [...new Set(record.codes)].join(",") : `http ${status}`,
      };
      const message = `${request.method} ${url.pathname}${record.operation ? ` ${record.operation}` : ""} ${status} ${line.durationMs}ms`;
      if (route === "/metrics" || route === "/health") log.debug(line, message);
      else if (record.codes.includes("INTERNAL_SERVER_ERROR") || status >= 500) log.error(line, message);
      else log.info(line, message);
    },
  };
}
