import { builder } from "../builder";

export const MediaKindEnum = builder.enumType("MediaKind", { values: ["IMAGE", "VIDEO", "DOCUMENT"] as const });

export const MediaRef = builder.prismaNode("Media", {
  id: { field: "id" },
  fields: (t) => ({
    kind: t.expose("kind", { type: MediaKindEnum }),
    url: t.string({
      description: "Where the file is served (or the external video's address).",
      select: { storageKey: true, externalUrl: true, id: true },
      resolve: (media, _args, ctx) => media.externalUrl ?? mediaUrl(ctx.app.config.PUBLIC_URL, media.id, media.storageKey),
    }),
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    size: t.exposeInt("size"),
    width: t.exposeInt("width", { nullable: true }),
    height: t.exposeInt("height", { nullable: true }),
    description: t.exposeString("description", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** Stable address of a stored file; relative unless PUBLIC_URL is configured. */
export function mediaUrl(publicUrl: string | undefined, id: string, storageKey: string | null): string {
  const path = `/media/${storageKey ?? id}`;
  return publicUrl ? new URL(path, publicUrl).toString() : path;
}
