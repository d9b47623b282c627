// Prometheus metrics (prom-client), one registry per app so tests and several
// apps in one process never mix their numbers. Names are listed in docs/operations.md.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CounterBuffer } from "../../services/counters/service";

export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface MetricsSources {
  /** The counter buffer, read at each scrape. */
  counters: () => CounterBuffer;
  /** The PostgreSQL pool; absent for SQLite, whose single embedded connection has nothing to report. */
  pool?: PoolStats;
  provider: "sqlite" | "postgres";
}

// Operation names come from clients: capped, so a hostile client cannot grow the
// registry without bound (every distinct label value is a time series).
const MAX_OPERATION_NAMES = 200;
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class PortalMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly httpRequests = new Counter({
    name: "portal_http_requests_total",
    help: "HTTP requests answered, by method, route and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "portal_http_request_duration_seconds",
    help: "Time from request to response headers, by route.",
    labelNames: ["route"] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly operations = new Counter({
    name: "portal_graphql_operations_total",
    help: "GraphQL operations, by operation name, type and outcome (ok or error).",
    labelNames: ["operation", "type", "outcome"] as const,
    registers: [this.registry],
  });
  readonly operationDuration = new Histogram({
    name: "portal_graphql_operation_duration_seconds",
    help: "GraphQL operation time, from request to response headers, by operation name and type.",
    labelNames: ["operation", "type"] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "portal_graphql_errors_total",
    help: "GraphQL errors sent to clients, by extensions.code and operation name.",
    labelNames: ["code", "operation"] as const,
    registers: [this.registry],
  });
  readonly subscriptions = new Gauge({
    name: "portal_subscriptions_active",
    help: "Open GraphQL subscriptions.",
    registers: [this.registry],
  });
  readonly counterFlushDuration = new Histogram({
    name: "portal_counter_flush_duration_seconds",
    help: "Time to write the counter buffer to the database, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly dbQueries = new Histogram({
    name: "portal_db_query_duration_seconds",
    help: "SQL statement time as reported by Prisma (its _count is the number of statements).",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry, prefix: "portal_" });
    new Gauge({
      name: "portal_db_info",
      help: "The database provider in use (value always 1).",
      labelNames: ["provider"] as const,
      registers: [this.registry],
    }).set({ provider: sources.provider }, 1);
    new Gauge({
      name: "portal_counter_buffer_size",
      help: "Counts (views, visits) buffered and not yet written to the database (0 when buffering is not installed).",
      registers: [this.registry],
      collect() {
        this.set(sources.counters().pendingSize());
      },
    });
    const pool = sources.pool;
    if (pool) {
      new Gauge({
        name: "portal_db_pool_connections",
        help: "PostgreSQL pool connections: total open, idle, and requests waiting for one.",
        labelNames: ["state"] as const,
        registers: [this.registry],
        collect() {
          this.set({ state: "total" }, pool.totalCount);
          this.set({ state: "idle" }, pool.idleCount);
          this.set({ state: "waiting" }, pool.waitingCount);
        },
      });
    }
  }

  /** A label value for an operation name: the name, "anonymous", or "other" past the cap. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return "invalid";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }

  /** Call once the counter buffer exists, so every flush is timed. */
  watchCounterFlushes(counters: CounterBuffer): void {
    counters.onFlush((report) => this.counterFlushDuration.observe({ outcome: report.ok ? "ok" : "error" }, report.durationMs / 1000));
  }
}

/** The route label: the paths this server serves, everything else "other" (bounded cardinality). */
export function routeLabel(pathname: string): string {
  if (pathname === "/graphql" || pathname === "/metrics" || pathname === "/health") return pathname;
  return "other";
}
