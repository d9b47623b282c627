// Version snapshots (SharePoint major/minor versioning): every save writes a
// full copy of the content fields, the fields it changed, who, when and why.
// Shared by the editorial workflow, the importer and the demo seed.
import type { ApprovalStatus, Db, MediaRole, Prisma } from "../db/client";
import { countBodyImages } from "./article-html";
import { searchColumns } from "./search/text";

export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The versioned content of an article. */
export interface ArticleContent {
  title: string;
  summary: string | null;
  body: string;
  alternateUrl: string | null;
  publishAt: Date | null;
  expireAt: Date | null;
  featured: boolean;
  byline: string | null;
  articleType: string | null;
  pageCount: number | null;
  photoCount: number;
  categoryId: string | null;
  coverImageId: string | null;
  galleryIds: string[];
  attachmentIds: string[];
}

export const CONTENT_FIELDS = [
  "title",
  "summary",
  "body",
  "alternateUrl",
  "publishAt",
  "expireAt",
  "featured",
  "byline",
  "articleType",
  "pageCount",
  "photoCount",
  "categoryId",
  "coverImageId",
  "galleryIds",
  "attachmentIds",
] as const satisfies readonly (keyof ArticleContent)[];

export type ContentField = (typeof CONTENT_FIELDS)[number];

export const formatLabel = (major: number, minor: number) => `${major}.${minor}`;

export function parseLabel(label: string): { major: number; minor: number } | null {
  const match = /^(\d{1,6})\.(\d{1,6})$/.exec(label.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

/** The next minor version after (major, minor): 0.1 → 0.2, 1.0 → 1.1. */
export const nextMinor = (v: { major: number; minor: number }) => ({ major: v.major, minor: v.minor + 1 });
/** The next major version: 0.3 → 1.0, 1.2 → 2.0. */
export const nextMajor = (v: { major: number; minor: number }) => ({ major: v.major + 1, minor: 0 });

const comparable = (field: ContentField, value: unknown): string =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? JSON.stringify(value) : JSON.stringify(value ?? null);

/** The content fields whose values differ between two snapshots. */
export function changedFields(before: ArticleContent | null, after: ArticleContent): ContentField[] {
  if (!before)
    return CONTENT_FIELDS.filter(
      (f) =>
        after[f] !== null &&
        after[f] !== false &&
        !(Array.isArray(after[f]) && (after[f] as unknown[]).length === 0) &&
        !(f === "photoCount" && after[f] === 0),
    );
  return CONTENT_FIELDS.filter((f) => comparable(f, before[f]) !== comparable(f, after[f]));
}

const versionContentSelect = {
  title: true,
  summary: true,
  body: true,
  alternateUrl: true,
  publishAt: true,
  expireAt: true,
  featured: true,
  byline: true,
  articleType: true,
  pageCount: true,
  photoCount: true,
  categoryId: true,
  coverImageId: true,
  media: { select: { role: true, position: true, mediaId: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.ArticleVersionSelect;

/** The content of a stored version. */
export async function loadContent(tx: Tx, versionId: string): Promise<ArticleContent> {
  const v = await tx.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: versionContentSelect });
  const ids = (role: MediaRole) => v.media.filter((m) => m.role === role).map((m) => m.mediaId);
  const { media: _media, ...scalars } = v;
  return { ...scalars, galleryIds: ids("GALLERY"), attachmentIds: ids("ATTACHMENT") };
}

export interface NewVersion {
  articleId: string;
  major: number;
  minor: number;
  status: ApprovalStatus;
  content: ArticleContent;
  previous: ArticleContent | null;
  comment: string | null;
  userId: string | null;
  at: Date;
}

/** Writes one version row with its media links; returns its id. Call inside a transaction. */
export async function writeVersion(tx: Tx, v: NewVersion): Promise<{ id: string; label: string }> {
  const { galleryIds, attachmentIds, ...scalars } = v.content;
  const label = formatLabel(v.major, v.minor);
  const version = await tx.articleVersion.create({
    data: {
      articleId: v.articleId,
      major: v.major,
      minor: v.minor,
      label,
      status: v.status,
      comment: v.comment,
      changedFields: JSON.stringify(changedFields(v.previous, v.content)),
      createdAt: v.at,
      createdById: v.userId,
      ...scalars,
      // The folded text the full-text index is built from (docs/search.md), written
      // with the version so every write path keeps the index in sync in its transaction.
      ...searchColumns(v.content),
      media: {
        create: [
          ...galleryIds.map((mediaId, position) => ({ role: "GALLERY" as const, position, mediaId })),
          ...attachmentIds.map((mediaId, position) => ({ role: "ATTACHMENT" as const, position, mediaId })),
        ],
      },
    },
    select: { id: true },
  });
  return { id: version.id, label };
}

/** The content of an article before its first save. */
export function emptyContent(): ArticleContent {
  return {
    title: "",
    summary: null,
    body: "",
    alternateUrl: null,
    publishAt: null,
    expireAt: null,
    featured: false,
    byline: null,
    articleType: null,
    pageCount: null,
    photoCount: 0,
    categoryId: null,
    coverImageId: null,
    galleryIds: [],
    attachmentIds: [],
  };
}

/**
 * Số Ảnh (photo count, used for royalty reports), derived on every save and never
 * typed in: the gallery's images plus the images in the (sanitised) body.
 */
export function photoCountOf(body: string, galleryKinds: readonly string[]): number {
  return galleryKinds.filter((kind) => kind === "IMAGE").length + countBodyImages(body);
}

/** A content value as text for a field-by-field comparison (null stays null). */
export function contentValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** The fields that differ between two stored versions, with both values as text. */
export function diffContent(
  before: ArticleContent,
  after: ArticleContent,
  show: (field: ContentField, value: unknown) => string | null = (_f, v) => contentValueText(v),
): Array<{ field: ContentField; before: string | null; after: string | null }> {
  return changedFields(before, after).map((field) => ({ field, before: show(field, before[field]), after: show(field, after[field]) }));
}

/** Orders version rows newest first. */
export const newestFirst = [{ major: "desc" }, { minor: "desc" }] as const satisfies Prisma.ArticleVersionOrderByWithRelationInput[];
