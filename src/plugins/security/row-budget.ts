// The row budget (docs/security.md): how many rows one operation can make the
// server load, computed before any resolver runs from the operation AND its
// coerced variable values. The static cost limit (GraphQL Armor) sees only the
// text: `first: $n` counts there as an unknown, so a nested list paged by a
// variable would escape it. Here every page size, `nodes(ids:)` list and search
// is known, and the worst case is bounded:
//   - a paged field (first/last) loads up to its page size, its default otherwise;
//   - `nodes(ids:)` loads one row per id;
//   - a full-text search ranks up to SEARCH_MAX_RESULTS matches before paging;
//   - any other list loads up to UNPAGED_LIST_ROWS (menus, galleries, topics);
//   - an object field loads one row for each parent;
// and nested lists multiply. Over MAX_QUERY_ROWS the operation is refused with
// QUERY_TOO_COMPLEX, over HTTP (GET, POST, persisted documents), SSE and graphql-ws alike.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../../env";
import { tooComplex } from "./query-limits";
import { refuseOperationsWhen } from "./refuse-operation";

/** Rows assumed for a page when neither first nor last is given. */
export const DEFAULT_PAGE_ROWS = 20;
/** Rows assumed for a list that has no page arguments (sub-categories, an article's topics or gallery). */
export const UNPAGED_LIST_ROWS = 10;
/** Connection types whose default page is larger than DEFAULT_PAGE_ROWS. */
const DEFAULT_PAGE_BY_TYPE: Record<string, number> = { AuditEventConnection: 50 };

const isWrapper = (name: string) => name.endsWith("Connection") || name.endsWith("Edge");

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Rows of one instance of a fragment on a type (the count is linear in the multiplier). */
  memo: Map<string, number>;
  config: Config;
}

function pageRows(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, walk: Walk): number {
  const max = walk.config.MAX_PAGE_SIZE;
  // Beyond MAX_PAGE_SIZE the resolver refuses the page itself (BAD_USER_INPUT).
  const clamp = (n: number) => Math.max(0, Math.min(max, Math.floor(n)));
  const named = getNamedType(field.type).name;
  const hasPaging = field.args.some((a) => a.name === "first" || a.name === "last");
  if (hasPaging) {
    const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : null;
    return size === null ? (DEFAULT_PAGE_BY_TYPE[named] ?? DEFAULT_PAGE_ROWS) : clamp(size);
  }
  if (Array.isArray(args.ids)) return clamp(args.ids.length);
  if (isListType(getNullableType(field.type))) return UNPAGED_LIST_ROWS;
  return 1;
}

function searchRows(args: Record<string, unknown>, walk: Walk): number {
  const filter = args.filter as { search?: unknown } | null | undefined;
  const search = filter?.search ?? args.search;
  return typeof search === "string" && search.trim() !== "" ? walk.config.SEARCH_MAX_RESULTS : 0;
}

/** Rows loaded by one instance of a selection set on `type`. */
function rowsOf(type: GraphQLCompositeType, selectionSet: SelectionSetNode, walk: Walk, limit: number): number {
  let rows = 0;
  for (const selection of selectionSet.selections) {
    if (rows > limit) return rows;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (condition && isCompositeType(condition)) rows += rowsOf(condition, selection.selectionSet, walk, limit - rows);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = walk.schema.getType(fragment.typeCondition.name.value);
      if (!condition || !isCompositeType(condition)) continue;
      const key = `${fragment.name.value}@${condition.name}`;
      let unit = walk.memo.get(key);
      if (unit === undefined) {
        walk.memo.set(key, Infinity); // a cycle (refused at validation) counts as too much
        unit = rowsOf(condition, fragment.selectionSet, walk, limit - rows);
        walk.memo.set(key, unit);
      }
      rows += unit;
      continue;
    }
    if (!selection.selectionSet) continue;
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    const field = type.getFields()[selection.name.value];
    if (!field) continue;
    const child = getNamedType(field.type);
    if (!isCompositeType(child) || child.name === "PageInfo") continue;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, selection, walk.variables);
    } catch {
      // Execution reports the bad argument itself.
    }
    // A connection's edges and nodes are the page counted on the connection field.
    const multiplier = isWrapper(type.name) ? 1 : pageRows(field, args, walk);
    const own = isWrapper(type.name) ? 0 : multiplier + searchRows(args, walk);
    const inner = multiplier === 0 ? 0 : rowsOf(child, selection.selectionSet, walk, (limit - rows - own) / multiplier);
    rows += own + multiplier * inner;
  }
  return rows;
}

/** The most rows the operation can load with these variables, or null when they do not coerce (execution says why). */
export function maximalRows(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  config: Config,
): number | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const walk: Walk = { schema, variables: coerced.coerced, fragments, memo: new Map(), config };
  return rowsOf(root, operation.selectionSet, walk, config.MAX_QUERY_ROWS);
}

export function useRowBudget(config: Config): Plugin {
  const check = (args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null }) => {
    const rows = maximalRows(args.schema, args.document, args.operationName, args.variableValues, config);
    if (rows === null || rows <= config.MAX_QUERY_ROWS) return null;
    return tooComplex(
      `This request could load ${Number.isFinite(rows) ? `more than ${config.MAX_QUERY_ROWS}` : "too many"} rows (MAX_QUERY_ROWS is ${config.MAX_QUERY_ROWS}): ask for smaller pages or fewer nested lists.`,
    );
  };
  return refuseOperationsWhen(check);
}
