// Expected failures of the domain, without GraphQL: what went wrong (kind), a
// message for the user, and the input fields at fault by their names in the
// service's input ("slug", "genres.0.points"). src/schema/errors.ts turns them
// into GraphQL errors with extensions.code and argument paths, in one place.

export type DomainErrorKind = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input fields at fault, by name (dotted for nested ones). */
    readonly fields: readonly string[] = [],
    /** What else the caller may act on (e.g. `currentVersion` of a conflict). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Invalid input; `fields` names the offending fields. */
export const badInput = (message: string, fields: string[] = []) => new DomainError("INVALID", message, fields);
export const notFound = (what = "The item") => new DomainError("NOT_FOUND", `${what} does not exist.`);
export const forbidden = (message = "You are not allowed to do this.") => new DomainError("FORBIDDEN", message);
/** A concurrent change or a taken value; `fields` names the input at fault, `details` what the caller may act on. */
export const conflict = (message: string, { fields = [], ...details }: { fields?: string[]; [detail: string]: unknown } = {}) =>
  new DomainError("CONFLICT", message, fields, details);
