import { atLeast } from "../../services/access";
import { embedUrlFor } from "../../services/media/library";
import { builder, nodeCondition } from "../builder";

export const MediaKindEnum = builder.enumType("MediaKind", {
  description: "What a media item is, detected from its bytes (or its link, for an external video).",
  values: {
    IMAGE: { description: "Hình ảnh: JPEG, PNG, GIF or WebP; width and height are known." },
    VIDEO: { description: "Video: an MP4/WebM file, or a link to YouTube or Vimeo (external)." },
    DOCUMENT: { description: "Văn bản: PDF, Word, Excel, PowerPoint or OpenDocument, offered for download (decrees, plans)." },
  } as const,
});

export const MediaRef = builder.prismaNode("Media", {
  description: "A file in the media library (an image, video or document), or a link to a video hosted elsewhere.",
  id: { field: "id", description: "The global ID (opaque; the same for every viewer)." },
  // A deleted item is gone for node(id:); versions that still name it keep showing its record.
  findUnique: nodeCondition("Media", (id: string) => ({ id, deletedAt: null })),
  fields: (t) => ({
    kind: t.expose("kind", { type: MediaKindEnum, description: "Image, video or document." }),
    url: t.string({
      description:
        "Where the file is served (or the external video's address). A file no published article shows is not public: staff get a signed URL good for about 10 minutes; for anyone else its address answers 404.",
      // Scalars of the row, which every Media row carries (no `select`: one here would make a
      // row from a loader, such as a gallery's, be read again).
      resolve: (media, _args, ctx) => {
        if (media.externalUrl) return media.externalUrl;
        const url = mediaUrl(ctx.app.config.PUBLIC_URL, media.id, media.storageKey);
        const key = media.storageKey;
        if (!key || !ctx.viewer || !atLeast(ctx.viewer.role, "CONTRIBUTOR")) return url;
        return ctx.loaders.publicMedia.load(media.id).then((open) => (open ? url : `${url}?${ctx.app.mediaUrls.sign(key, ctx.now)}`));
      },
    }),
    external: t.boolean({
      description: "True for a video that is a link to another site (YouTube...), not a stored file.",
      resolve: (media) => media.externalUrl !== null,
    }),
    embedUrl: t.string({
      nullable: true,
      description: "For a YouTube or Vimeo video: the player address for an <iframe>.",
      resolve: (media) => (media.externalUrl ? embedUrlFor(media.externalUrl) : null),
    }),
    fileName: t.exposeString("fileName", { description: "The uploader's file name (the name a download gets)." }),
    contentType: t.exposeString("contentType", { description: "Detected from the file's bytes at upload." }),
    size: t.exposeInt("size", { description: "Bytes; 0 for an external video." }),
    width: t.exposeInt("width", { nullable: true, description: "Pixels, images only." }),
    height: t.exposeInt("height", { nullable: true, description: "Pixels, images only." }),
    description: t.exposeString("description", { nullable: true, description: "Caption and alt text (Hình ảnh mô tả)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded or linked." }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who uploaded it; null once that account is gone." }),
  }),
});

export const MediaConnection = builder.connectionObject(
  { type: MediaRef, name: "MediaConnection", description: "One page of media items, newest first." },
  { description: "One media item of a page, with its cursor." },
);

/** Stable address of a stored file; relative unless PUBLIC_URL is configured. */
export function mediaUrl(publicUrl: string | undefined, id: string, storageKey: string | null): string {
  const path = `/media/${storageKey ?? id}`;
  return publicUrl ? new URL(path, publicUrl).toString() : path;
}
