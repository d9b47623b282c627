// Expected failures, with the codes of the client contract
// (schema/operations/). Anything else is masked by Yoga. The services' domain
// errors (src/services/errors.ts) become GraphQL errors here and nowhere else.
import { getNamedType, GraphQLError, isInputObjectType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { DomainError, type DomainErrorKind } from "../services/errors";

export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_USER_INPUT" | "CONFLICT" | "RATE_LIMITED" | "QUERY_TOO_COMPLEX";

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = "Sign in first: this needs a valid token.") => appError("UNAUTHENTICATED", message);
export const forbidden = (message = "You are not allowed to do this.") => appError("FORBIDDEN", message);
export const notFound = (what = "The item") => appError("NOT_FOUND", `${what} does not exist.`);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => appError("CONFLICT", message, extensions);

/** Invalid arguments; `fields` names the offending input fields (dotted paths). */
export function badInput(message: string, fields: string[] = []): GraphQLError {
  return appError("BAD_USER_INPUT", message, fields.length ? { fields } : {});
}

const CODE_OF: Record<DomainErrorKind, ErrorCode> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_USER_INPUT",
};

/**
 * A domain error as the client sees it: its kind as extensions.code, its fields
 * as argument paths (`path` maps a service's field name to one), its details
 * as further extensions.
 */
export function fromDomainError(error: DomainError, path: (field: string) => string = (field) => field): GraphQLError {
  const fields = error.fields.map(path);
  return appError(CODE_OF[error.kind], error.message, { ...error.details, ...(fields.length ? { fields } : {}) });
}

/**
 * Where a service's field name lies among a GraphQL field's arguments: an
 * argument of that name ("id", "comment"), else the input object argument with
 * a field of that name ("slug" → "input.slug", "deleted" → "filter.deleted").
 */
function argumentPaths(field: GraphQLField<unknown, unknown>): (name: string) => string {
  return (name) => {
    const head = name.split(".")[0]!;
    if (field.args.some((arg) => arg.name === head)) return name;
    for (const arg of field.args) {
      const type = getNamedType(arg.type);
      if (isInputObjectType(type) && head in type.getFields()) return `${arg.name}.${name}`;
    }
    return name;
  };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === "function";

/**
 * Lets every resolver (and subscription source) of the schema throw domain
 * errors: they reach the client as GraphQL errors with their code and argument paths.
 */
export function withDomainErrors(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const path = argumentPaths(field);
      const translate = (error: unknown): never => {
        throw error instanceof DomainError ? fromDomainError(error, path) : error;
      };
      const wrap = (resolve: GraphQLFieldResolver<unknown, unknown> | undefined) =>
        resolve &&
        ((source: unknown, args: Record<string, unknown>, context: unknown, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => {
          try {
            const result = resolve(source, args, context, info);
            return isThenable(result) ? result.then(undefined, translate) : result;
          } catch (error) {
            return translate(error);
          }
        });
      field.resolve = wrap(field.resolve);
      field.subscribe = wrap(field.subscribe);
    }
  }
  return schema;
}
