// Root fields of the media library: upload, external video links, captions,
// deletion, the editors' library and the public "Ảnh" / "Video" galleries.
// Who: CONTRIBUTOR and up may upload and link videos (a contributor writing an
// article needs its lead image); EDITOR and up manage every item ("EDITOR ...
// manages categories and media", schema/operations/editor.graphql), a
// contributor only the items they uploaded.
import { z } from "zod";
import { actorOf, type Context } from "../../context";
import { audit } from "../../services/audit";
import type { MediaKind, Prisma } from "../../db/client";
import { forbidden, notFound } from "../errors";
import { atLeast, liveWhere, readableArticleWhere } from "../../services/access";
import { addExternalVideo, deleteMedia, ingestUpload, type MediaDeps, type UploadedFile } from "../../services/media/library";
import { builder, pageSizes } from "../builder";
import { MediaConnection, MediaKindEnum, MediaRef } from "./types";

const DESCRIPTION = z.string().trim().max(2000).nullish();

const newestFirst: Prisma.MediaOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** The media library's dependencies, from a resolver's context. */
const mediaDeps = (ctx: Context): MediaDeps => ({ config: ctx.app.config, media: ctx.app.media, db: ctx.db });

const meta = (ctx: Context, description: string | null | undefined) => ({
  description: description?.trim() || null,
  userId: ctx.viewer?.id ?? null,
  now: ctx.now,
  actor: actorOf(ctx),
});

/** Substring match; case-insensitive on PostgreSQL too (SQLite's LIKE already is, for ASCII letters). */
const textContains = (ctx: Context, text: string) =>
  (ctx.app.target.provider === "postgres" ? { contains: text, mode: "insensitive" } : { contains: text }) as Prisma.StringFilter;

/** A live media item the viewer may change: any for EDITOR and up, their own for a contributor. */
async function manageable(ctx: Context, id: string) {
  const media = await ctx.db.media.findFirst({ where: { id, deletedAt: null }, select: { id: true, createdById: true } });
  if (!media) throw notFound("The media item");
  if (!atLeast(ctx.viewer?.role, "EDITOR") && media.createdById !== ctx.viewer?.id) {
    throw forbidden("Contributors may change only the media they uploaded.");
  }
  return media;
}

builder.mutationField("uploadMedia", (t) =>
  t.prismaField({
    type: MediaRef,
    description:
      "Uploads one file (GraphQL multipart request spec; browsers send the CSRF header, docs/clients.md). Its kind " +
      "and content type are detected from its bytes; only the allowed formats, each within its size limit, are " +
      "accepted (docs/media.md). CONTRIBUTOR and above. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (fields: file).",
    authScopes: { role: "CONTRIBUTOR" },
    args: {
      file: t.arg({ type: "File", required: true, description: "The file: a multipart part mapped to variables.file." }),
      description: t.arg.string({ validate: DESCRIPTION, description: "Caption and alt text (at most 2,000 characters)." }),
    },
    resolve: (query, _root, { file, description }, ctx) => ingestUpload(mediaDeps(ctx), file as unknown as UploadedFile, meta(ctx, description), query),
  }),
);

builder.mutationField("addExternalVideo", (t) =>
  t.prismaField({
    type: MediaRef,
    description:
      "Records a video hosted elsewhere (an https link on an allowed host: VIDEO_HOSTS) as VIDEO media. " +
      "CONTRIBUTOR and above. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (fields: url).",
    authScopes: { role: "CONTRIBUTOR" },
    args: {
      url: t.arg.string({ required: true, validate: z.string().trim().min(1).max(2048), description: "The video's https address (YouTube, Vimeo...)." }),
      description: t.arg.string({ validate: DESCRIPTION, description: "Caption (at most 2,000 characters)." }),
    },
    resolve: (query, _root, { url, description }, ctx) => addExternalVideo(mediaDeps(ctx), url, meta(ctx, description), query),
  }),
);

builder.mutationField("updateMedia", (t) =>
  t.prismaField({
    type: MediaRef,
    description:
      "Changes the caption (alt text) of a media item; null clears it. Every article using the item shows the new " +
      "caption. EDITOR and above, or the contributor who uploaded it. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.",
    authScopes: { role: "CONTRIBUTOR" },
    args: {
      id: t.arg.globalID({ required: true, for: MediaRef, description: "The media item's global ID." }),
      description: t.arg.string({ validate: DESCRIPTION, description: "The new caption; null clears it." }),
    },
    resolve: async (query, _root, { id, description }, ctx) => {
      await manageable(ctx, id.id);
      const next = description?.trim() || null;
      const media = await ctx.db.$transaction(async (tx) => {
        const before = await tx.media.findUniqueOrThrow({ where: { id: id.id }, select: { description: true } });
        const media = await tx.media.update({ ...query, where: { id: id.id }, data: { description: next } });
        await audit(tx, actorOf(ctx), ctx.now, { action: "MEDIA_UPDATE", targetType: "Media", targetId: id.id, before, after: { description: next } });
        return media;
      });
      return media;
    },
  }),
);

builder.mutationField("deleteMedia", (t) =>
  t.field({
    type: "ID",
    description:
      "Deletes a media item and its file; returns its ID. CONFLICT while an article that is not deleted shows it " +
      "(in its published, scheduled or current version). EDITOR and above, or the contributor who uploaded it. " +
      "Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.",
    authScopes: { role: "CONTRIBUTOR" },
    args: { id: t.arg.globalID({ required: true, for: MediaRef, description: "The media item's global ID." }) },
    resolve: async (_root, { id }, ctx) => {
      await manageable(ctx, id.id);
      await deleteMedia(mediaDeps(ctx), id.id, ctx.now, actorOf(ctx));
      return Buffer.from(`Media:${id.id}`).toString("base64");
    },
  }),
);

builder.queryField("mediaLibrary", (t) =>
  t.prismaConnection(
    {
      type: MediaRef,
      cursor: "id",
      ...pageSizes(20),
      description: "The media library, newest first: every item for EDITOR and up, a contributor's own uploads for a contributor.",
      authScopes: { role: "CONTRIBUTOR" },
      args: {
        kind: t.arg({ type: MediaKindEnum, description: "Only items of this kind." }),
        search: t.arg.string({ description: "Part of the file name or caption.", validate: z.string().trim().max(200).nullish() }),
      },
      resolve: (query, _root, { kind, search }, ctx) =>
        ctx.db.media.findMany({
          ...query,
          where: {
            deletedAt: null,
            ...(kind && { kind }),
            ...(!atLeast(ctx.viewer?.role, "EDITOR") && { createdById: ctx.viewer?.id ?? "" }),
            ...(search && { OR: [{ fileName: textContains(ctx, search) }, { description: textContains(ctx, search) }] }),
          },
          orderBy: newestFirst,
        }),
    },
    MediaConnection,
  ),
);

/** Media of one kind in the gallery of an article this viewer may read as published. */
function galleryWhere(ctx: Context, kind: MediaKind): Prisma.MediaWhereInput {
  return {
    kind,
    deletedAt: null,
    usedIn: {
      some: {
        role: "GALLERY",
        version: { publishedOf: { is: { AND: [readableArticleWhere(ctx.viewer, ctx.now), liveWhere(ctx.now)] } } },
      },
    },
  };
}

for (const [name, kind, block] of [
  ["galleryPhotos", "IMAGE", "Ảnh"],
  ["galleryVideos", "VIDEO", "Video"],
] as const) {
  builder.queryField(name, (t) =>
    t.prismaConnection(
      {
        type: MediaRef,
        cursor: "id",
        ...pageSizes(20),
        description: `The "${block}" block: ${kind === "IMAGE" ? "photos" : "videos"} in the galleries of published articles, newest first.`,
        resolve: (query, _root, _args, ctx) => ctx.db.media.findMany({ ...query, where: galleryWhere(ctx, kind), orderBy: newestFirst }),
      },
      MediaConnection,
    ),
  );
}
