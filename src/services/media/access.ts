// Who may fetch a stored file (docs/media.md, "Who can fetch a file").
//
// A file is public while the published version of an article anonymous readers
// can read shows it (cover, gallery or attachment): anyone may fetch it, and
// caches may keep it. Any other file (a fresh upload, a draft's picture, media of
// an unpublished or private article) is served only through a short-lived signed
// URL, which the API hands to signed-in staff in `Media.url`, with private,
// no-store caching; without a valid signature it is 404, exactly like a file that
// does not exist.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Prisma } from "../../db/client";
import { readableArticleWhere } from "../access";
import type { Tx } from "../versioning";

/** Media shown by a published version anonymous readers can read. */
export function publicMediaWhere(now: Date): Prisma.MediaWhereInput {
  const readable = { publishedOf: { is: readableArticleWhere(null, now) } };
  return { deletedAt: null, OR: [{ coverOf: { some: readable } }, { usedIn: { some: { version: readable } } }] };
}

/**
 * Whether the stored file `storageKey` (of media `id`) is public: shown as cover,
 * gallery item or attachment, or embedded in the body of a published version
 * anonymous readers can read.
 */
export async function isPublicFile(db: Pick<Tx, "media" | "articleVersion">, id: string, storageKey: string, now: Date): Promise<boolean> {
  if ((await publicMediaIds(db, [id], now)).has(id)) return true;
  const embedding = await db.articleVersion.findFirst({
    where: { body: { contains: `/media/${storageKey}` }, publishedOf: { is: readableArticleWhere(null, now) } },
    select: { id: true },
  });
  return embedding !== null;
}

/** The ids among `ids` of media shown as cover, gallery item or attachment by a public article (one statement). */
export async function publicMediaIds(db: Pick<Tx, "media">, ids: readonly string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.media.findMany({ where: { AND: [{ id: { in: [...ids] } }, publicMediaWhere(now)] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** How long a signed URL is good for: 10 to 15 minutes (expiries are rounded so a page's URLs stay the same for a while). */
const STEP_SECONDS = 5 * 60;
const MIN_TTL_SECONDS = 10 * 60;

export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    // Derived for this purpose only: a media signature can never pass for anything else.
    this.key = createHmac("sha256", secret).update("portal media URL").digest();
  }

  private signature(storageKey: string, expires: number): string {
    return createHmac("sha256", this.key).update(`${storageKey}\n${expires}`).digest("base64url");
  }

  /** The query string (without "?") that lets `storageKey` be fetched until a little after now + 10 minutes. */
  sign(storageKey: string, now: Date): string {
    const seconds = Math.floor(now.getTime() / 1000) + MIN_TTL_SECONDS;
    const expires = Math.ceil(seconds / STEP_SECONDS) * STEP_SECONDS;
    return `expires=${expires}&sig=${this.signature(storageKey, expires)}`;
  }

  /** True when `params` carry a valid, unexpired signature for `storageKey`. */
  verify(storageKey: string, params: URLSearchParams, now: Date): boolean {
    const expires = Number(params.get("expires"));
    const sig = params.get("sig");
    if (!sig || !Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.signature(storageKey, expires));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
