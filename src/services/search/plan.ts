// `articles(filter: { search })`: turns the reader's text into a restriction of
// the article list to the best matches of the full-text index, ranked
// (docs/search.md). Visibility stays with the list: the restriction here is only
// ANDed to readableArticleWhere, so search can never show more than the list.
import type { Db, Prisma } from "../../db/client";
import { seenVersionWhere, type Viewer } from "../access";
import { listedNowSql } from "../listing";
import { countMatches, findMatches, type Provider, type SearchMatch } from "./engine";
import { parseSearchQuery } from "./query";

/** What a search makes of `filter.search` for the article list. */
export interface SearchPlan {
  /** Restricts the list to the best matches (at most SEARCH_MAX_RESULTS). */
  where: Prisma.ArticleWhereInput;
  /** Ids of those matching articles, best match first. */
  ranked: string[];
  /**
   * Counts every match the viewer may see among `base`, which for an anonymous
   * reader may be the list of a maintained count (`listKey`, src/services/listing.ts);
   * null when `ranked` holds every match.
   */
  countAll: ((base: Prisma.ArticleWhereInput, listKey: string | null) => Promise<number>) | null;
}

export interface SearchScope {
  db: Db;
  provider: Provider;
  viewer: Viewer | null;
  /** SEARCH_MAX_RESULTS: the best matches ranked and paged through. */
  maxResults: number;
  /** The request's instant, for what is visible now. */
  now: Date;
}

// Prisma binds one parameter per id of an `in` list, and SQLite takes at most 999
// in one statement: counting every match of a very common word goes in chunks of
// at most this many version ids (SEARCH_MAX_RESULTS has the same bound).
const COUNT_CHUNK = 400;
// Up to this many published articles hidden from anonymous readers (scheduled,
// expired, private, or outside the list's other filters), a search's totalCount is
// the index's count leaving them out: one SQL count instead of one per 400 matches.
const EXCLUDED_LIMIT = 5000;

/**
 * Which matching version each viewer sees: anonymous readers the published one;
 * a signed-in viewer the latest one of articles they may edit (exactly the rule of
 * `seesLatest` of the Article type) and the published one of the others.
 */
function matchWhere(viewer: Viewer | null, matches: SearchMatch[]): Prisma.ArticleWhereInput {
  const published = matches.filter((m) => m.isPublished).map((m) => m.versionId);
  const current = matches.filter((m) => m.isCurrent).map((m) => m.versionId);
  return seenVersionWhere(viewer, { currentVersionId: { in: current } }, { publishedVersionId: { in: published } });
}

/** Null when the text has nothing searchable (then nothing matches). */
export async function planSearch(scope: SearchScope, search: string, options: { deleted: boolean }): Promise<SearchPlan | null> {
  const { db, provider, viewer } = scope;
  const query = parseSearchQuery(search);
  // Nothing searchable (only punctuation or symbols): nothing matches.
  if (!query) return null;
  const versions = viewer ? "current-or-published" : "published";
  const cap = scope.maxResults;
  // Two rows (latest and published version) can stand for one article, so the
  // cap is on rows (= ids in the restriction): at worst the list reaches half of
  // `cap` articles.
  const best = await findMatches(db, provider, query, { versions, deleted: options.deleted, limit: cap + 1 });
  const truncated = best.length > cap;
  const kept = truncated ? best.slice(0, cap) : best;
  const ranked: string[] = [];
  const seen = new Set<string>();
  for (const match of kept) {
    if (!seen.has(match.articleId)) ranked.push(match.articleId);
    seen.add(match.articleId);
  }
  return {
    where: matchWhere(viewer, kept),
    ranked,
    countAll: truncated
      ? async (base, listKey) => {
          if (!viewer && listKey) {
            // The articles of a list with a maintained count are those listed in it
            // and visible now: a condition the count's own statement takes.
            return countMatches(db, provider, query, { versions, articleWhere: listedNowSql(listKey, { provider, now: scope.now }) });
          }
          if (!viewer) {
            // Anonymous readers search published versions only. Every match the
            // index counts is visible unless the list's where (visibility and
            // filters, decided by Prisma) rules its article out, so count the
            // matches leaving out the articles it rules out, when those are few.
            const excluded = await db.article.findMany({
              where: { AND: [{ deletedAt: null, publishedVersionId: { not: null } }, { NOT: base }] },
              select: { id: true },
              take: EXCLUDED_LIMIT + 1,
            });
            if (excluded.length <= EXCLUDED_LIMIT) {
              return countMatches(db, provider, query, { versions, exceptArticleIds: excluded.map((a) => a.id) });
            }
          }
          // Every match, unranked, counted among what the viewer may see.
          const all = await findMatches(db, provider, query, { versions, deleted: options.deleted, limit: null });
          const byArticle = new Map<string, SearchMatch[]>();
          for (const match of all) byArticle.set(match.articleId, [...(byArticle.get(match.articleId) ?? []), match]);
          // Chunks hold whole articles, so no article is counted twice.
          const chunks: SearchMatch[][] = [[]];
          for (const group of byArticle.values()) {
            if (chunks.at(-1)!.length + group.length > COUNT_CHUNK) chunks.push([]);
            chunks.at(-1)!.push(...group);
          }
          let total = 0;
          for (const chunk of chunks) {
            if (chunk.length > 0) total += await db.article.count({ where: { AND: [base, matchWhere(viewer, chunk)] } });
          }
          return total;
        }
      : null,
  };
}
