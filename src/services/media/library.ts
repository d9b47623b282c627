// The media library: turning an upload into a stored file and a Media row,
// external video links, and the rules for deleting. No GraphQL here beyond the
// contract's error codes.
import type { App } from "../../app";
import { audit, type Actor } from "../audit";
import type { Prisma } from "../../db/client";
import { badInput, conflict } from "../errors";
import { ALLOWED_FORMATS, ALLOWED_LABELS, formatMegabytes, imageDimensions, largestUpload, sizeLimits, sniffFormat, type MediaFormat } from "./formats";
import { newStorageKey } from "./storage";
import type { Tx } from "../versioning";

/** What the multipart parser hands over for a File variable (a Blob with a name). */
export interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Checked by shape, not class: Blob implementations differ between runtimes and fetch ponyfills. */
export function isUploadedFile(value: unknown): value is UploadedFile {
  const v = value as Partial<UploadedFile> | null;
  return typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.size === "number" && typeof v.arrayBuffer === "function";
}

// C0/C1 controls and the bidirectional overrides that can disguise an extension ("gpj.exe").
const FORBIDDEN_IN_NAME = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The client's file name, kept only as a label (Content-Disposition, the library).
 * It never becomes a path, but a name with separators or control characters is a
 * hostile or broken client, and is refused rather than silently repaired.
 */
export function checkFileName(raw: string): string {
  const name = raw.normalize("NFC").trim();
  if (!name) throw badInput("The file needs a name.", ["file"]);
  if (/[/\\]/.test(name)) throw badInput("The file name must not contain path separators (/ or \\).", ["file"]);
  if (FORBIDDEN_IN_NAME.test(name)) throw badInput("The file name must not contain control characters.", ["file"]);
  if (/^\.+$/.test(name)) throw badInput("The file name is not a name.", ["file"]);
  if ([...name].length > 255) throw badInput("The file name may be at most 255 characters.", ["file"]);
  return name;
}

const EXTENSION_ALIASES: Record<string, string[]> = { jpg: ["jpg", "jpeg", "jpe", "jfif"] };

// Suffixes that name a file type: replaced when wrong. Any other suffix after a dot
// is part of the name ("Kế hoạch 12.2026") and is kept.
const KNOWN_EXTENSIONS = new Set([
  ...[...ALLOWED_FORMATS.values()].map((f) => f.extension),
  ...EXTENSION_ALIASES.jpg!,
  ..."doc dot xls ppt rtf txt csv htm html xml json svg bmp tif tiff heic avif mov avi mkv wmv flv mp3 wav zip rar 7z exe".split(" "),
]);

/**
 * The name readers download: the client's name, with the extension of what the
 * bytes really are when the name says otherwise ("báo cáo.png" holding a PDF
 * becomes "báo cáo.pdf"; "Kế hoạch 12.2026" becomes "Kế hoạch 12.2026.pdf"), so a
 * download never lies about its type.
 */
export function downloadName(name: string, format: MediaFormat): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  if ((EXTENSION_ALIASES[format.extension] ?? [format.extension]).includes(extension)) return name;
  const stem = KNOWN_EXTENSIONS.has(extension) ? name.slice(0, dot) : name;
  return `${stem}.${format.extension}`;
}

export interface MediaMeta {
  description: string | null;
  userId: string | null;
  now: Date;
  /** Who uploads, for the audit trail. */
  actor?: Actor | null;
}

/** What the media library needs: the limits, the file storage and the database. */
export type MediaDeps = Pick<App, "config" | "media" | "db">;

/** Creates the media row and, for a request, its audit event, in one transaction. */
async function createMedia<A extends Prisma.MediaCreateArgs>(app: MediaDeps, meta: MediaMeta, args: A) {
  return app.db.$transaction(async (tx) => {
    const media = await tx.media.create(args as Prisma.MediaCreateArgs);
    if (meta.actor) {
      const data = args.data as Prisma.MediaUncheckedCreateInput;
      await audit(tx, meta.actor, meta.now, {
        action: "MEDIA_UPLOAD",
        targetType: "Media",
        targetId: (media as { id?: string }).id ?? null,
        after: { kind: data.kind, fileName: data.fileName, size: data.size, externalUrl: data.externalUrl ?? null },
      });
    }
    return media as Prisma.MediaGetPayload<A>;
  });
}

type MediaQuery = Omit<Prisma.MediaCreateArgs, "data">;

/**
 * Checks an upload completely (name, emptiness, real format, size for its kind,
 * readable image header) before anything is written; then stores the bytes and
 * records the row. A failed database write removes the stored file again.
 */
export async function ingestUpload(app: MediaDeps, file: UploadedFile, meta: MediaMeta, query: MediaQuery = {}) {
  const name = checkFileName(file.name);
  if (file.size === 0) throw badInput("The file is empty.", ["file"]);
  const limits = sizeLimits(app.config);
  if (file.size > largestUpload(app.config)) {
    throw badInput(`The file is too large: at most ${formatMegabytes(largestUpload(app.config))}.`, ["file"]);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0) throw badInput("The file is empty.", ["file"]);
  const format = await sniffFormat(bytes);
  if (!format) throw badInput(`The file's content is not an accepted format (accepted: ${ALLOWED_LABELS}).`, ["file"]);
  if (bytes.byteLength > limits[format.kind]) {
    throw badInput(`${format.label} files may be at most ${formatMegabytes(limits[format.kind])}.`, ["file"]);
  }
  const dimensions = format.kind === "IMAGE" ? imageDimensions(bytes) : null;
  if (format.kind === "IMAGE" && !dimensions) throw badInput("The image is damaged: its size cannot be read.", ["file"]);

  const storageKey = newStorageKey(format.extension, meta.now);
  await app.media.put(storageKey, bytes, format.contentType);
  try {
    return await createMedia(app, meta, {
      ...query,
      data: {
        kind: format.kind,
        storageKey,
        fileName: downloadName(name, format),
        contentType: format.contentType,
        size: bytes.byteLength,
        width: dimensions?.width ?? null,
        height: dimensions?.height ?? null,
        description: meta.description,
        createdAt: meta.now,
        createdById: meta.userId,
      },
    });
  } catch (error) {
    await app.media.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/**
 * An external video address on an allowed host (VIDEO_HOSTS, subdomains included),
 * normalised; null when it is not one. HTTPS only, no credentials, no odd ports.
 */
export function allowedVideoUrl(raw: string, hosts: readonly string[]): URL | null {
  if (raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`)) ? url : null;
}

export async function addExternalVideo(app: MediaDeps, raw: string, meta: MediaMeta, query: MediaQuery = {}) {
  const url = allowedVideoUrl(raw, app.config.VIDEO_HOSTS);
  if (!url) {
    throw badInput(`The video must be an https:// link on one of: ${app.config.VIDEO_HOSTS.join(", ")}.`, ["url"]);
  }
  const label = `${url.hostname}${url.pathname}${url.search}`;
  return createMedia(app, meta, {
    ...query,
    data: {
      kind: "VIDEO",
      externalUrl: url.toString(),
      fileName: [...label].slice(0, 255).join(""),
      // The link leads to the host's player page.
      contentType: "text/html",
      size: 0,
      description: meta.description,
      createdAt: meta.now,
      createdById: meta.userId,
    },
  });
}

/** Versions that make an article show a media item: current, published or scheduled, of a live article. */
const liveUseOf = (mediaId: string): Prisma.ArticleWhereInput => {
  const uses: Prisma.ArticleVersionWhereInput = { OR: [{ coverImageId: mediaId }, { media: { some: { mediaId } } }] };
  return {
    deletedAt: null,
    OR: [{ currentVersion: { is: uses } }, { publishedVersion: { is: uses } }, { scheduledVersion: { is: uses } }],
  };
};

/**
 * Deletes a media item. Refused with CONFLICT while an article that is not deleted
 * shows it (its published, scheduled or current version). Otherwise the bytes go;
 * the row goes too, unless old versions still name it, in which case it stays as a
 * marked-deleted record so the history remains readable.
 */
export async function deleteMedia(app: MediaDeps, mediaId: string, now: Date, actor?: Actor): Promise<void> {
  const storageKey = await app.db.$transaction(async (tx) => {
    const media = await tx.media.findFirst({
      where: { id: mediaId, deletedAt: null },
      select: { id: true, fileName: true, storageKey: true, kind: true, size: true, externalUrl: true },
    });
    if (!media) return null;
    const users = await tx.article.findMany({ where: liveUseOf(mediaId), select: { slug: true }, orderBy: { slug: "asc" }, take: 20 });
    if (users.length > 0) {
      throw conflict(`"${media.fileName}" is still used by: ${users.map((a) => a.slug).join(", ")}. Remove it from those articles first.`, {
        articles: users.map((a) => a.slug),
      });
    }
    const inHistory = await tx.articleVersion.count({
      where: { OR: [{ coverImageId: mediaId }, { media: { some: { mediaId } } }] },
    });
    if (inHistory > 0) await tx.media.update({ where: { id: mediaId }, data: { deletedAt: now } });
    else await tx.media.delete({ where: { id: mediaId } });
    if (actor) {
      await audit(tx, actor, now, {
        action: "MEDIA_DELETE",
        targetType: "Media",
        targetId: mediaId,
        before: { kind: media.kind, fileName: media.fileName, size: media.size, externalUrl: media.externalUrl },
      });
    }
    return media.storageKey;
  });
  // The bytes go after the row: a crash in between leaves an unreferenced file, never a dangling row.
  if (storageKey) await app.media.delete(storageKey);
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;
const VIMEO_ID = /^\d{1,12}$/;

/**
 * The player address to put in an <iframe> for a YouTube or Vimeo link (YouTube's
 * privacy-enhanced domain: no cookies until the reader plays); null for other hosts,
 * which the portal shows as a plain link.
 */
export function embedUrlFor(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m)\./, "");
  const segments = url.pathname.split("/").filter(Boolean);
  let youtube: string | null | undefined = null;
  if (host === "youtu.be") youtube = segments[0];
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    youtube = segments[0] === "watch" ? url.searchParams.get("v") : ["embed", "shorts", "live", "v"].includes(segments[0] ?? "") ? segments[1] : null;
  }
  if (youtube && YOUTUBE_ID.test(youtube)) return `https://www.youtube-nocookie.com/embed/${youtube}`;
  const vimeo = host === "vimeo.com" ? segments[0] : host === "player.vimeo.com" && segments[0] === "video" ? segments[1] : null;
  if (vimeo && VIMEO_ID.test(vimeo)) return `https://player.vimeo.com/video/${vimeo}`;
  return null;
}

/** Media an article version names, as raw ids (decoded from the input's global IDs). */
export interface ArticleMediaRefs {
  coverImageId?: string | null;
  galleryIds?: readonly string[] | null;
  attachmentIds?: readonly string[] | null;
}

const MAX_LINKED = 200;

/**
 * Checks the media an article input names, for the editorial workflow: each item
 * exists and is not deleted; the cover is an image; the gallery holds images and
 * videos; attachments are stored files (not links); no list repeats an item.
 * Throws an INVALID domain error naming the field (`coverImageId`, ...). Returns
 * the number of images in the gallery (one term of photoCount).
 */
export async function checkArticleMedia(db: Pick<Tx, "media">, refs: ArticleMediaRefs): Promise<{ galleryImages: number }> {
  const gallery = refs.galleryIds ?? [];
  const attachments = refs.attachmentIds ?? [];
  for (const [field, ids] of [
    ["galleryIds", gallery],
    ["attachmentIds", attachments],
  ] as const) {
    if (ids.length > MAX_LINKED) throw badInput(`${field} may name at most ${MAX_LINKED} items.`, [field]);
    if (new Set(ids).size !== ids.length) throw badInput(`${field} names the same media twice.`, [field]);
  }
  const ids = [...new Set([...(refs.coverImageId ? [refs.coverImageId] : []), ...gallery, ...attachments])];
  const rows = ids.length ? await db.media.findMany({ where: { id: { in: ids }, deletedAt: null }, select: { id: true, kind: true, externalUrl: true } }) : [];
  const byId = new Map(rows.map((m) => [m.id, m]));
  const check = (field: string, id: string, ok: (m: (typeof rows)[number]) => boolean, what: string) => {
    const media = byId.get(id);
    if (!media) throw badInput(`${field} names media that does not exist.`, [field]);
    if (!ok(media)) throw badInput(`${field} must name ${what}.`, [field]);
  };
  if (refs.coverImageId) check("coverImageId", refs.coverImageId, (m) => m.kind === "IMAGE", "an image");
  for (const id of gallery) check("galleryIds", id, (m) => m.kind === "IMAGE" || m.kind === "VIDEO", "images or videos");
  for (const id of attachments) check("attachmentIds", id, (m) => m.externalUrl === null, "uploaded files (not links)");
  return { galleryImages: gallery.filter((id) => byId.get(id)?.kind === "IMAGE").length };
}
