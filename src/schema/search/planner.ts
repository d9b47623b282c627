// `articles(filter: { search })`: turns the reader's text into a restriction of
// the article list to the best matches of the full-text index, ranked (issue #6,
// docs/search.md). Visibility stays with the list: the restriction here is only
// ANDed to readableArticleWhere, so search can never show more than the list.
import type { Context } from "../../context";
import type { Prisma } from "../../db/client";
import { editableWhere } from "../../services/access";
import { countMatches, findMatches, type SearchMatch } from "../../services/search/engine";
import { parseSearchQuery } from "../../services/search/query";
import { setSearchPlanner, type SearchPlan } from "../articles/queries";

// Prisma binds one parameter per id of an `in` list, and SQLite takes at most 999
// in one statement: counting every match of a very common word goes in chunks of
// at most this many version ids (SEARCH_MAX_RESULTS has the same bound).
const COUNT_CHUNK = 400;
// Up to this many published articles hidden from anonymous readers (scheduled,
// expired, private, or outside the list's other filters), a search's totalCount is
// the index's count minus theirs: two SQL counts instead of one per 400 matches.
const EXCLUDED_LIMIT = 5000;

/**
 * Which matching version each viewer sees: anonymous readers the published one;
 * a signed-in viewer the latest one of articles they may edit (exactly the rule of
 * `seesLatest` in ../articles/types.ts) and the published one of the others.
 */
function matchWhere(ctx: Context, matches: SearchMatch[]): Prisma.ArticleWhereInput {
  const published = matches.filter((m) => m.isPublished).map((m) => m.versionId);
  if (!ctx.viewer) return { publishedVersionId: { in: published } };
  const current = matches.filter((m) => m.isCurrent).map((m) => m.versionId);
  if (ctx.viewer.role === "ADMIN") return { currentVersionId: { in: current } };
  const editable = editableWhere(ctx.viewer);
  return {
    OR: [
      { AND: [editable, { currentVersionId: { in: current } }] },
      { AND: [{ NOT: editable }, { publishedVersionId: { in: published } }] },
    ],
  };
}

async function planSearch(ctx: Context, search: string, options: { deleted: boolean }): Promise<SearchPlan | null> {
  const query = parseSearchQuery(search);
  // Nothing searchable (only punctuation or symbols): nothing matches.
  if (!query) return null;
  const provider = ctx.app.target.provider;
  const versions = ctx.viewer ? "current-or-published" : "published";
  const cap = ctx.app.config.SEARCH_MAX_RESULTS;
  // Two rows (latest and published version) can stand for one article, so the
  // cap is on rows (= ids in the restriction): at worst the list reaches half of
  // `cap` articles.
  const best = await findMatches(ctx.db, provider, query, { versions, deleted: options.deleted, limit: cap + 1 });
  const truncated = best.length > cap;
  const kept = truncated ? best.slice(0, cap) : best;
  const ranked: string[] = [];
  const seen = new Set<string>();
  for (const match of kept) {
    if (!seen.has(match.articleId)) ranked.push(match.articleId);
    seen.add(match.articleId);
  }
  return {
    where: matchWhere(ctx, kept),
    ranked,
    countAll: truncated
      ? async (base) => {
          if (!ctx.viewer) {
            // Anonymous readers search published versions only. Every match the
            // index counts is visible unless the list's where (visibility and
            // filters, decided by Prisma) rules its article out, so subtract the
            // matches among the articles it rules out, when those are few.
            const excluded = await ctx.db.article.findMany({
              where: { AND: [{ deletedAt: null, publishedVersionId: { not: null } }, { NOT: base }] },
              select: { id: true },
              take: EXCLUDED_LIMIT + 1,
            });
            if (excluded.length <= EXCLUDED_LIMIT) {
              const all = await countMatches(ctx.db, provider, query, { versions });
              const ids = excluded.map((a) => a.id);
              return all - (ids.length ? await countMatches(ctx.db, provider, query, { versions, articleIds: ids }) : 0);
            }
          }
          // Every match, unranked, counted among what the viewer may see.
          const all = await findMatches(ctx.db, provider, query, { versions, deleted: options.deleted, limit: null });
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
            if (chunk.length > 0) total += await ctx.db.article.count({ where: { AND: [base, matchWhere(ctx, chunk)] } });
          }
          return total;
        }
      : null,
  };
}

setSearchPlanner(planSearch);
