// Expected failures, with the codes of the client contract
// (schema/operations/). Anything else is masked by Yoga.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "QUERY_TOO_COMPLEX";

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
