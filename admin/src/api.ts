// The console's only way to the server: the public GraphQL API at /graphql, with
// the typed documents that GraphQL Code Generator writes into ./gql from the
// graphql() calls in this folder. Errors keep the API's extensions.code.
import type { TypedDocumentString } from "./gql/graphql";
import { notEmptyMessage, vietnameseMessage } from "./messages";

export const GRAPHQL_PATH = "/graphql";
const TOKEN_KEY = "portal-console:session";

export interface Session {
  token: string;
  expiresAt: string;
}

export function loadSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(TOKEN_KEY) ?? "null") as Session | null;
    if (!session || typeof session.token !== "string" || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  else localStorage.removeItem(TOKEN_KEY);
}

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; fields?: Record<string, string> | string[]; [key: string]: unknown };
}

export class ApiError extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;
  constructor(
    message: string,
    code: string,
    fields: Record<string, string> = {},
    readonly errors: GraphQLErrorShape[] = [],
  ) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

/** Messages in the staff's language for the API's error codes; the API's own text is kept as detail. */
export const ERROR_TEXT: Record<string, string> = {
  UNAUTHENTICATED: "Phiên làm việc đã hết hạn hoặc thông tin đăng nhập không đúng.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  NOT_FOUND: "Không tìm thấy nội dung.",
  BAD_USER_INPUT: "Dữ liệu chưa hợp lệ.",
  CONFLICT: "Nội dung đã bị thay đổi bởi người khác.",
  RATE_LIMITED: "Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.",
  QUERY_TOO_COMPLEX: "Yêu cầu quá phức tạp.",
  INTERNAL_SERVER_ERROR: "Máy chủ gặp lỗi, vui lòng thử lại.",
  NETWORK: "Không kết nối được tới máy chủ.",
};

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const said =
      notEmptyMessage(error.errors[0]?.extensions as { articleCount?: unknown; childCount?: unknown } | undefined) ?? vietnameseMessage(error.message);
    if (said) return said;
    const known = ERROR_TEXT[error.code];
    return known ? `${known} (${error.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when the API answers UNAUTHENTICATED to a signed-in request (expired or revoked token). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Tells the listeners that the API refused the signed-in session (also from a live subscription). */
export function reportUnauthenticated(error: ApiError): void {
  if (loadSession()) unauthenticatedListeners.forEach((listener) => listener(error));
}

function toError(errors: GraphQLErrorShape[]): ApiError {
  const first = errors[0]!;
  const code = first.extensions?.code ?? "INTERNAL_SERVER_ERROR";
  const rawFields = first.extensions?.fields;
  const fields: Record<string, string> = Array.isArray(rawFields) ? Object.fromEntries(rawFields.map((f) => [f, first.message])) : (rawFields ?? {});
  return new ApiError(first.message, code, fields, errors);
}

async function send<R>(body: BodyInit, headers: Record<string, string>, signal?: AbortSignal): Promise<R> {
  const session = loadSession();
  const all: Record<string, string> = { accept: "application/graphql-response+json, application/json", ...headers };
  if (session) all.authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, { method: "POST", body, headers: all, signal, credentials: "omit" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("Network error", "NETWORK");
  }
  let payload: { data?: R | null; errors?: GraphQLErrorShape[] };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new ApiError(`HTTP ${response.status}`, response.status === 429 ? "RATE_LIMITED" : "INTERNAL_SERVER_ERROR");
  }
  if (payload.errors?.length) {
    const error = toError(payload.errors);
    if (error.code === "UNAUTHENTICATED" && session) reportUnauthenticated(error);
    throw error;
  }
  if (!payload.data) throw new ApiError(`HTTP ${response.status}`, "INTERNAL_SERVER_ERROR");
  return payload.data;
}

/** One operation over HTTP POST (JSON). */
export function request<R, V>(
  document: TypedDocumentString<R, V>,
  ...[variables, signal]: V extends Record<string, never> ? [V?, AbortSignal?] : [V, AbortSignal?]
): Promise<R> {
  return send<R>(JSON.stringify({ query: document.toString(), variables: variables ?? {} }), { "content-type": "application/json" }, signal);
}

/** An operation with one file variable, as a GraphQL multipart request (the spec's operations/map/file parts). */
export function upload<R, V extends { file: File }>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: document.toString(), variables: { ...variables, file: null } }));
  form.append("map", JSON.stringify({ "0": ["variables.file"] }));
  form.append("0", variables.file, variables.file.name);
  // A multipart POST must carry a header a plain HTML form cannot (CSRF prevention).
  return send<R>(form, { "x-graphql-yoga-csrf": "console" });
}
