// What may be uploaded. The kind and content type of a file come from its bytes
// (file-type's magic-number sniffing), never from the client's file name or
// declared type, and only the formats listed here are accepted.
// SVG is deliberately absent: it is a script-capable document, not a picture.
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import type { Config } from "../../env";
import type { MediaKind } from "../../db/client";

export interface MediaFormat {
  kind: MediaKind;
  contentType: string;
  /** The extension of the stored file (used in its server-chosen name). */
  extension: string;
  label: string;
}

const format = (kind: MediaKind, contentType: string, extension: string, label: string): MediaFormat => ({
  kind,
  contentType,
  extension,
  label,
});

/** The allowlist, keyed by the content type file-type reports. */
export const ALLOWED_FORMATS: ReadonlyMap<string, MediaFormat> = new Map(
  [
    format("IMAGE", "image/jpeg", "jpg", "JPEG"),
    format("IMAGE", "image/png", "png", "PNG"),
    format("IMAGE", "image/webp", "webp", "WebP"),
    format("IMAGE", "image/gif", "gif", "GIF"),
    format("VIDEO", "video/mp4", "mp4", "MP4"),
    format("VIDEO", "video/webm", "webm", "WebM"),
    format("DOCUMENT", "application/pdf", "pdf", "PDF"),
    format("DOCUMENT", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word (DOCX)"),
    format("DOCUMENT", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel (XLSX)"),
    format("DOCUMENT", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PowerPoint (PPTX)"),
    format("DOCUMENT", "application/vnd.oasis.opendocument.text", "odt", "OpenDocument text (ODT)"),
    format("DOCUMENT", "application/vnd.oasis.opendocument.spreadsheet", "ods", "OpenDocument spreadsheet (ODS)"),
    format("DOCUMENT", "application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument presentation (ODP)"),
  ].map((f) => [f.contentType, f]),
);

export const ALLOWED_LABELS = [...ALLOWED_FORMATS.values()].map((f) => f.label).join(", ");

/** The format of these bytes, if it is on the allowlist. */
export async function sniffFormat(bytes: Uint8Array): Promise<MediaFormat | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return (detected && ALLOWED_FORMATS.get(detected.mime)) ?? null;
}

/** Byte limits per kind, from MEDIA_MAX_*_MB. */
export function sizeLimits(config: Pick<Config, "MEDIA_MAX_IMAGE_MB" | "MEDIA_MAX_VIDEO_MB" | "MEDIA_MAX_DOCUMENT_MB">): Record<MediaKind, number> {
  const bytes = (mb: number) => Math.floor(mb * 1024 * 1024);
  return {
    IMAGE: bytes(config.MEDIA_MAX_IMAGE_MB),
    VIDEO: bytes(config.MEDIA_MAX_VIDEO_MB),
    DOCUMENT: bytes(config.MEDIA_MAX_DOCUMENT_MB),
  };
}

/** The largest upload any kind allows: the multipart parser's own cap. */
export const largestUpload = (config: Parameters<typeof sizeLimits>[0]) => Math.max(...Object.values(sizeLimits(config)));

/** Width and height of an image, or null when its header cannot be read (a damaged or disguised file). */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height, orientation } = imageSize(bytes);
    if (!(width > 0 && height > 0)) return null;
    // A phone photo stored sideways with an EXIF rotation (orientations 5-8) is shown turned a quarter.
    return orientation && orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return null;
  }
}

export const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;
