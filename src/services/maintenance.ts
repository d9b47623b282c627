// The seam between the operator's tools (admin command line, /metrics, signals)
// and the services that own the work. A service registers what an operator may
// need to run by hand; the tools find it here and never import the service.
import type { App } from "../app";

/**
 * A buffer of counts (article views, site visits) written to the database in
 * batches. The statistics service implements it and sets `app.counters`.
 */
export interface CounterBuffer {
  /** Writes every buffered count now. Resolves with a short summary for the operator, if any. */
  flush(): Promise<unknown>;
  /** How many counts wait in the buffer (shown as portal_counter_buffer_size). */
  pendingSize(): number;
  /**
   * Optional: tells the listener about every flush, whoever started it (timer,
   * shutdown, operator). Feeds portal_counter_flush_duration_seconds.
   */
  onFlush?(listener: (report: CounterFlushReport) => void): void;
}

export interface CounterFlushReport {
  durationMs: number;
  ok: boolean;
}

export interface MaintenanceTask {
  /** One line for `npm run admin -- tasks`. */
  description: string;
  /** Does the work; the returned text (if any) is printed for the operator. */
  run(app: App): Promise<string | void>;
}

const tasks = new Map<string, MaintenanceTask>();

/**
 * Registers a task by name (e.g. "search:rebuild"). Call it at module load in the
 * service that owns the work: the admin command line imports the schema, which
 * imports every service.
 */
export function registerMaintenanceTask(name: string, task: MaintenanceTask): void {
  if (!/^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)*$/.test(name)) throw new Error(`maintenance task name "${name}": use lower-case words and colons`);
  tasks.set(name, task);
}

export function maintenanceTask(name: string): MaintenanceTask | undefined {
  return tasks.get(name);
}

export function maintenanceTasks(): Array<[string, MaintenanceTask]> {
  return [...tasks.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The well-known task names the admin command line offers as commands of their own. */
export const SEARCH_REBUILD_TASK = "search:rebuild";
