// Royalties (nhuận bút) computed from the portal's own content. A scale (bảng hệ
// số) gives points per genre (Loại bài viết), per photo (Số Ảnh) and per page
// beyond the first (Số Trang), and the value of one point in đồng; each scale is
// valid from a day (site time zone) until the next one starts. A scale can only
// be set from today on and is never changed once its day has come, so the report
// of a past month never changes. Points are kept in hundredths: sums are exact.
import type { Db } from "../db/client";
import { lockFor } from "../db/locks";
import { badInput, conflict, notFound } from "./errors";
import { audit, type Actor } from "./audit";
import { dayOf, nextMonth, startOfDay } from "./site-time";
import type { Tx } from "./versioning";
import { foldVietnamese } from "./vietnamese";

export interface RoyaltyDeps {
  db: Db;
  provider: "sqlite" | "postgres";
  actor: Actor;
  now: Date;
  timeZone: string;
}

/** The key a genre is matched on: "Phóng sự", "phong su" and "PHÓNG  SỰ" are one genre. */
export const genreKey = (genre: string) => foldVietnamese(genre);

const hundredths = (points: number, field: string): number => {
  const value = Math.round(points * 100);
  if (!Number.isFinite(points) || points < 0 || points > 100_000 || Math.abs(value - points * 100) > 1e-6) {
    throw badInput(`${field}: points must be between 0 and 100000 with at most two decimals.`, [field]);
  }
  return value;
};

export interface ScaleInput {
  validFrom: string;
  pointValue: number;
  photoPoints: number;
  extraPagePoints: number;
  genres: Array<{ genre: string; points: number }>;
  note?: string | null;
}

const scaleSelect = {
  id: true,
  validFrom: true,
  pointValue: true,
  photoPoints: true,
  extraPagePoints: true,
  note: true,
  genres: { select: { genre: true, genreKey: true, points: true, position: true }, orderBy: { position: "asc" as const } },
} as const;

const transaction = <T>(db: Db, run: (tx: Tx) => Promise<T>) => db.$transaction((tx) => run(tx as Tx), { timeout: 15_000, maxWait: 15_000 });

/**
 * Sets the scale valid from `validFrom` (today or later). A scale not yet in
 * force (from a later day) may be replaced; one whose day has come never changes.
 */
export async function setRoyaltyScale(deps: RoyaltyDeps, input: ScaleInput): Promise<string> {
  const today = dayOf(deps.now, deps.timeZone);
  if (input.validFrom < today) {
    throw badInput(`validFrom: a scale applies from today (${today}) or a later day; past months never change.`, ["validFrom"]);
  }
  if (!Number.isSafeInteger(input.pointValue) || input.pointValue < 0) throw badInput("pointValue: whole đồng, 0 or more.", ["pointValue"]);
  const genres = input.genres.map((g, i) => {
    const genre = g.genre.trim().replace(/\s+/g, " ");
    const key = genreKey(genre);
    if (!key) throw badInput(`genres.${i}.genre: a genre needs letters or digits.`, [`genres.${i}.genre`]);
    return { genre, genreKey: key, points: hundredths(g.points, `genres.${i}.points`), position: i };
  });
  if (!genres.length) throw badInput("genres: list at least one genre.", ["genres"]);
  const duplicate = genres.find((g, i) => genres.findIndex((o) => o.genreKey === g.genreKey) !== i);
  if (duplicate) throw badInput(`genres: "${duplicate.genre}" is listed twice.`, ["genres"]);
  const data = {
    pointValue: input.pointValue,
    photoPoints: hundredths(input.photoPoints, "photoPoints"),
    extraPagePoints: hundredths(input.extraPagePoints, "extraPagePoints"),
    note: input.note?.trim() || null,
  };
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "royaltyScales");
    const existing = await tx.royaltyScale.findUnique({ where: { validFrom: input.validFrom }, select: scaleSelect });
    if (existing && existing.validFrom <= today) {
      throw conflict(`The scale valid from ${existing.validFrom} is in force and never changes; set a new one from a later day.`, {
        fields: ["validFrom"],
      });
    }
    let id: string;
    if (existing) {
      await tx.royaltyGenreRate.deleteMany({ where: { scaleId: existing.id } });
      await tx.royaltyScale.update({ where: { id: existing.id }, data: { ...data, genres: { create: genres } } });
      id = existing.id;
    } else {
      id = (
        await tx.royaltyScale.create({
          data: { ...data, validFrom: input.validFrom, createdAt: deps.now, createdById: deps.actor.id, genres: { create: genres } },
          select: { id: true },
        })
      ).id;
    }
    await audit(tx, deps.actor, deps.now, {
      action: "ROYALTY_SCALE_SET",
      targetType: "RoyaltyScale",
      targetId: id,
      before: existing ? describeScale(existing) : null,
      after: describeScale({ validFrom: input.validFrom, ...data, genres }),
    });
    return id;
  });
}

/** Deletes a scale that is not yet in force. */
export async function deleteRoyaltyScale(deps: RoyaltyDeps, id: string): Promise<string> {
  const today = dayOf(deps.now, deps.timeZone);
  return transaction(deps.db, async (tx) => {
    await lockFor(tx, deps.provider, "royaltyScales");
    const scale = await tx.royaltyScale.findUnique({ where: { id }, select: scaleSelect });
    if (!scale) throw notFound("The royalty scale");
    if (scale.validFrom <= today) throw conflict(`The scale valid from ${scale.validFrom} is in force and never changes.`);
    await tx.royaltyScale.delete({ where: { id } });
    await audit(tx, deps.actor, deps.now, { action: "ROYALTY_SCALE_DELETE", targetType: "RoyaltyScale", targetId: id, before: describeScale(scale) });
    return id;
  });
}

function describeScale(s: {
  validFrom: string;
  pointValue: number;
  photoPoints: number;
  extraPagePoints: number;
  note: string | null;
  genres: Array<{ genre: string; points: number }>;
}) {
  return {
    validFrom: s.validFrom,
    pointValue: s.pointValue,
    photoPoints: s.photoPoints / 100,
    extraPagePoints: s.extraPagePoints / 100,
    note: s.note,
    genres: s.genres.map((g) => ({ genre: g.genre, points: g.points / 100 })),
  };
}

// ---------------------------------------------------------------------------
// The report

export type UnpricedReason = "NO_SCALE" | "NO_GENRE" | "GENRE_NOT_IN_SCALE";

export interface RoyaltyRow {
  articleId: string;
  slug: string;
  title: string;
  firstPublishedAt: Date;
  byline: string | null;
  genre: string | null;
  pages: number | null;
  photos: number;
  categoryId: string | null;
  categoryName: string | null;
  /** The day the scale used was valid from; null without a scale. */
  scaleValidFrom: string | null;
  /** Hundredths of a point; null when not priced. */
  genrePoints: number | null;
  photoPoints: number | null;
  pagePoints: number | null;
  points: number | null;
  /** Whole đồng; null when not priced. */
  amount: number | null;
  unpricedReason: UnpricedReason | null;
}

export interface BylineTotal {
  byline: string | null;
  articleCount: number;
  unpricedCount: number;
  points: number;
  amount: number;
}

export interface RoyaltyReport {
  month: string;
  from: Date;
  to: Date;
  rows: RoyaltyRow[];
  unpriced: RoyaltyRow[];
  bylines: BylineTotal[];
  articleCount: number;
  unpricedCount: number;
  points: number;
  amount: number;
}

export interface ReportFilter {
  month: string;
  byline?: string | null;
  categoryId?: string | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function checkMonth(month: string, field = "month"): void {
  if (!MONTH.test(month)) throw badInput(`${field}: a month as YYYY-MM, e.g. 2026-11.`, [field]);
}

/**
 * One row per article first published in the month (site time zone) and not in
 * the recycle bin, priced with the scale valid on its day of first publication.
 * The content counted is the version readers see, or, for an article since
 * unpublished, its last approved version.
 */
export async function royaltyReport(db: Db, timeZone: string, filter: ReportFilter): Promise<RoyaltyReport> {
  checkMonth(filter.month);
  const from = startOfDay(`${filter.month}-01`, timeZone);
  const to = startOfDay(`${nextMonth(filter.month)}-01`, timeZone);
  const versionSelect = {
    title: true,
    byline: true,
    articleType: true,
    pageCount: true,
    photoCount: true,
    categoryId: true,
    category: { select: { name: true } },
  } as const;
  const articles = await db.article.findMany({
    where: { deletedAt: null, firstPublishedAt: { gte: from, lt: to } },
    select: {
      id: true,
      slug: true,
      firstPublishedAt: true,
      publishedVersion: { select: versionSelect },
      versions: { where: { minor: 0, major: { gt: 0 } }, orderBy: { major: "desc" }, take: 1, select: versionSelect },
    },
    orderBy: [{ firstPublishedAt: "asc" }, { id: "asc" }],
  });
  const scales = await db.royaltyScale.findMany({
    where: { validFrom: { lt: `${nextMonth(filter.month)}-01` } },
    select: scaleSelect,
    orderBy: { validFrom: "desc" },
  });
  const bylineKey = filter.byline ? foldVietnamese(filter.byline) : null;
  const rows: RoyaltyRow[] = [];
  for (const article of articles) {
    const version = article.publishedVersion ?? article.versions[0];
    if (!version || !article.firstPublishedAt) continue;
    if (bylineKey !== null && foldVietnamese(version.byline ?? "") !== bylineKey) continue;
    if (filter.categoryId && version.categoryId !== filter.categoryId) continue;
    const day = dayOf(article.firstPublishedAt, timeZone);
    const scale = scales.find((s) => s.validFrom <= day) ?? null;
    const genre = version.articleType?.trim() || null;
    const rate = genre && scale ? scale.genres.find((g) => g.genreKey === genreKey(genre)) : undefined;
    const row: RoyaltyRow = {
      articleId: article.id,
      slug: article.slug,
      title: version.title,
      firstPublishedAt: article.firstPublishedAt,
      byline: version.byline?.trim() || null,
      genre,
      pages: version.pageCount,
      photos: version.photoCount,
      categoryId: version.categoryId,
      categoryName: version.category?.name ?? null,
      scaleValidFrom: scale?.validFrom ?? null,
      genrePoints: null,
      photoPoints: null,
      pagePoints: null,
      points: null,
      amount: null,
      unpricedReason: !scale ? "NO_SCALE" : !genre ? "NO_GENRE" : !rate ? "GENRE_NOT_IN_SCALE" : null,
    };
    if (scale && rate) {
      row.genrePoints = rate.points;
      row.photoPoints = scale.photoPoints * version.photoCount;
      row.pagePoints = scale.extraPagePoints * Math.max(0, (version.pageCount ?? 1) - 1);
      row.points = row.genrePoints + row.photoPoints + row.pagePoints;
      // Hundredths of a point times đồng per point, rounded to the đồng once per article.
      row.amount = Math.round((row.points * scale.pointValue) / 100);
    }
    rows.push(row);
  }
  const priced = rows.filter((r) => r.unpricedReason === null);
  const unpriced = rows.filter((r) => r.unpricedReason !== null);
  const totals = new Map<string, BylineTotal>();
  for (const row of rows) {
    const key = row.byline ? foldVietnamese(row.byline) : "";
    const total = totals.get(key) ?? { byline: row.byline, articleCount: 0, unpricedCount: 0, points: 0, amount: 0 };
    if (row.unpricedReason) total.unpricedCount++;
    else {
      total.articleCount++;
      total.points += row.points!;
      total.amount += row.amount!;
    }
    totals.set(key, total);
  }
  const bylines = [...totals.values()].sort((a, b) => (a.byline === null ? 1 : b.byline === null ? -1 : a.byline.localeCompare(b.byline, "vi")));
  return {
    month: filter.month,
    from,
    to,
    rows: priced,
    unpriced,
    bylines,
    articleCount: priced.length,
    unpricedCount: unpriced.length,
    points: priced.reduce((sum, r) => sum + r.points!, 0),
    amount: priced.reduce((sum, r) => sum + r.amount!, 0),
  };
}
