// The audit trail (nhật ký thao tác): who did what, when, from where, with the
// values before and after. Every staff action writes its event with the same
// transaction client as the action itself, so an action that rolls back leaves
// no event and an event never describes something that did not happen. Rows are
// only ever inserted: the database refuses UPDATE and DELETE on the table.
import type { Role } from "../db/client";
import type { Tx } from "./versioning";

/** Every kind of recorded action; the GraphQL enum AuditAction exposes the same names. */
export const AUDIT_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT_EVERYWHERE",
  "PASSWORD_CHANGE",
  "USER_CREATE",
  "USER_UPDATE",
  "USER_ROLE_CHANGE",
  "USER_DEACTIVATE",
  "USER_REACTIVATE",
  "USER_PASSWORD_RESET",
  "USER_TOKENS_REVOKE",
  "ARTICLE_CREATE",
  "ARTICLE_UPDATE",
  "ARTICLE_SUBMIT",
  "ARTICLE_APPROVE",
  "ARTICLE_REJECT",
  "ARTICLE_UNPUBLISH",
  "ARTICLE_RESTORE_VERSION",
  "ARTICLE_DELETE",
  "ARTICLE_RESTORE",
  "ARTICLE_PERMISSIONS",
  "ARTICLE_TOPICS",
  "CATEGORY_CREATE",
  "CATEGORY_UPDATE",
  "CATEGORY_MOVE",
  "CATEGORY_REORDER",
  "CATEGORY_DELETE",
  "TOPIC_CREATE",
  "TOPIC_UPDATE",
  "TOPIC_DELETE",
  "SITE_UPDATE",
  "MEDIA_UPLOAD",
  "MEDIA_UPDATE",
  "MEDIA_DELETE",
  "ROYALTY_SCALE_SET",
  "ROYALTY_SCALE_DELETE",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts, and from where: taken from the request. */
export interface Actor {
  id: string | null;
  name: string | null;
  role: Role | null;
  address: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Writes through the transaction client `tx` of the action it records. */
export type AuditWriter = Pick<Tx, "auditEvent">;

const MAX_USER_AGENT = 500;
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function audit(tx: AuditWriter, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      at,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      address: actor.address,
      userAgent: actor.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      articleId: entry.articleId ?? (entry.targetType === "Article" ? (entry.targetId ?? null) : null),
      before: json(entry.before),
      after: json(entry.after),
      detail: json(entry.detail),
    },
  });
}

/**
 * The fields of `after` that differ from `before`, as two objects holding only
 * those fields: what an event keeps of an update.
 */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const is: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const a = before[key];
    const b = after[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);
    if (!same) {
      was[key] = a;
      is[key] = b as T[keyof T];
    }
  }
  return { before: was, after: is };
}
