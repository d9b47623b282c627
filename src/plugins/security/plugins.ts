// The protections of the GraphQL endpoint, in the order a request meets them
// (docs/security.md). createPortalYoga puts them before any other plugin.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "graphql-yoga";
import type { App } from "../../app";
import { useCsrf, useIntrospectionSwitch, useSecurityHeaders } from "./http";
import { useBodyLimit, usePageSizeRule, useQueryLength, useQueryLimits } from "./query-limits";
import { createRateLimiters, useRateLimits } from "./rate-limits";
import { useRowBudget } from "./row-budget";
import { liveConnections, useLiveConnectionLimit } from "./live-limits";
import { useTextInput } from "./text-input";
import { loadTrustedDocuments, useTrustedDocuments, type TrustedDocuments } from "./trusted-documents";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const operationsDir = join(root, "schema", "operations");
const manifestFile = join(root, "clients", "generated", "persisted-documents.json");
let trusted: TrustedDocuments | undefined;

export function trustedDocuments(): TrustedDocuments {
  return (trusted ??= loadTrustedDocuments(operationsDir, manifestFile));
}

export function securityPlugins(app: App): Plugin[] {
  const { config } = app;
  return [
    useSecurityHeaders(config),
    useRateLimits(config, createRateLimiters(config, app.redis ?? undefined)) as Plugin,
    useLiveConnectionLimit(config, liveConnections(app, config)),
    useBodyLimit(config),
    useCsrf(config),
    useQueryLength(config),
    useTextInput(),
    useTrustedDocuments(config, trustedDocuments()),
    usePageSizeRule(config),
    useQueryLimits(config),
    useRowBudget(config),
    useIntrospectionSwitch(config),
  ];
}
