// The batch half of the importer: files and folders in, one outcome per file and
// a summary out. Used by scripts/import.ts (`npm run import`) and the demo seed.
// Each file is imported on its own (its own transaction): a bad file is reported
// and skipped, the others go on.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Db } from "../../db/client";
import { importPageText, type ImportOptions, type ImportOutcome, type ImportStatus } from "./import-page";

/** Larger than any saved page (the parser refuses 10 million characters). */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

export interface PageFile {
  /** Absolute path. */
  path: string;
  /** What messages and the version comment call it: the file name. */
  name: string;
}

/**
 * The files to import: each file argument as given (any extension), each folder
 * walked recursively for *.txt files, sorted by path so runs are repeatable.
 * A path that does not exist is returned in `missing`.
 */
export function collectPageFiles(paths: readonly string[]): { files: PageFile[]; missing: string[] } {
  const found = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) found.add(full);
    }
  };
  for (const given of paths) {
    const full = resolve(given);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else found.add(full);
  }
  const files = [...found].sort().map((path) => ({ path, name: basename(path) }));
  return { files, missing };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The text of a page file, or why it cannot be one. */
export function readPageFile(path: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { ok: false, error: `the file is too large to be one page (${size} bytes)` };
    return { ok: true, text: utf8.decode(readFileSync(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_ENCODING_INVALID_ENCODED_DATA") return { ok: false, error: "the file is not UTF-8 text" };
    return { ok: false, error: `the file could not be read (${code ?? (error as Error).message})` };
  }
}

export interface ImportSummary {
  outcomes: ImportOutcome[];
  counts: Record<ImportStatus, number>;
}

/** Imports every page file of `paths`, one after the other; `onOutcome` hears each as it ends. */
export async function importPaths(
  db: Db,
  paths: readonly string[],
  options: ImportOptions & { onOutcome?: (outcome: ImportOutcome) => void } = {},
): Promise<ImportSummary> {
  const { files, missing } = collectPageFiles(paths);
  const outcomes: ImportOutcome[] = [];
  const report = (outcome: ImportOutcome) => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  const failure = (source: string, error: string): ImportOutcome => ({
    source,
    status: "failed",
    sourceKey: null,
    slug: null,
    articleId: null,
    version: null,
    changes: [],
    errors: [error],
    warnings: [],
  });
  for (const path of missing) report(failure(path, "no such file or folder"));
  // Two saves of one article in one run are imported in path order, the last one
  // winning; that is rarely what was meant, so it is pointed out.
  const seen = new Map<string, string>();
  for (const file of files) {
    const read = readPageFile(file.path);
    const outcome = read.ok ? await importPageText(db, read.text, file.name, options) : failure(file.name, read.error);
    const earlier = outcome.sourceKey === null ? undefined : seen.get(outcome.sourceKey);
    if (earlier !== undefined) {
      outcome.warnings = [...outcome.warnings, `the same article as ${earlier}, imported earlier in this run`];
    }
    if (outcome.sourceKey !== null && outcome.status !== "failed") seen.set(outcome.sourceKey, file.name);
    report(outcome);
  }
  const counts: Record<ImportStatus, number> = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  return { outcomes, counts };
}

const DRY_RUN_VERB: Record<ImportStatus, string> = {
  imported: "would import",
  updated: "would update",
  unchanged: "unchanged",
  failed: "failed",
};

/** One report line per file (plus its warnings), as the command prints it. */
export function formatOutcome(o: ImportOutcome, dryRun = false): string {
  const verb = dryRun ? DRY_RUN_VERB[o.status] : o.status;
  const head = `${verb.padEnd(dryRun ? 12 : 9)} ${o.source}`;
  const detail = o.status === "failed" ? `: ${o.errors.join("; ")}` : o.changes.length > 0 ? `: ${o.changes.join("; ")}` : o.slug ? ` (/${o.slug})` : "";
  return [head + detail, ...o.warnings.map((w) => `  warning: ${w}`)].join("\n");
}

export function formatSummary(summary: ImportSummary, dryRun = false): string {
  const { counts } = summary;
  const lines = [
    `${dryRun ? "Dry run, nothing written. Would be: " : "Summary: "}${counts.imported} imported, ${counts.updated} updated, ` +
      `${counts.unchanged} unchanged, ${counts.failed} failed`,
  ];
  for (const o of summary.outcomes.filter((x) => x.status === "failed")) {
    lines.push(`  failed ${o.source}: ${o.errors.join("; ")}`);
  }
  return lines.join("\n");
}
