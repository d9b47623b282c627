// Article slugs: made from the title, unique among all articles (deleted ones too).
import type { Tx } from "./versioning";
import { slugify } from "./vietnamese";

/** The slug of an article whose title has no letters or digits. */
export const FALLBACK_SLUG = "bai-viet";

/**
 * A slug no other article has: the title's ("kien-tuong"), else with "-2", "-3"...
 * `fallback` stands in for a title that makes no slug.
 */
export async function freeSlug(tx: Pick<Tx, "article">, title: string, fallback = FALLBACK_SLUG): Promise<string> {
  const base = slugify(title) || fallback;
  const taken = new Set(
    (await tx.article.findMany({ where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
