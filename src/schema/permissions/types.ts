// Item-level permissions ("Manage Permissions" in SharePoint; editor.graphql
// SetArticlePermissions). ADMIN only: an article can stop inheriting the site
// roles, be hidden from anonymous readers, and give roles to chosen users.
import { z } from "zod";
import type { Context } from "../../context";
import type { Role } from "../../db/client";
import { setArticlePermissions } from "../../services/workflow";
import { ArticleRef } from "../articles/types";
import { builder, idOf } from "../builder";
import { RoleEnum } from "../users/types";

const ArticleGrantRef = builder.prismaObject("ArticleGrant", {
  description: "A role on one article for one user.",
  fields: (t) => ({
    user: t.relation("user", { description: "The user the role is given to." }),
    role: t.expose("role", { type: RoleEnum, description: "The highest thing this user may do with this article." }),
  }),
});

const ArticlePermissions = builder.objectRef<{ articleId: string; isPublic: boolean }>("ArticlePermissions").implement({
  description: "An article's item-level permissions (SharePoint's \"Manage Permissions\").",
  fields: (t) => ({
    public: t.boolean({
      description: "Whether anonymous readers may read the article (always true while it inherits).",
      resolve: (p) => p.isPublic,
    }),
    grants: t.prismaField({
      type: [ArticleGrantRef],
      description: "The article's own grants (empty while it inherits the site roles).",
      resolve: (query, p, _args, ctx) =>
        ctx.db.articleGrant.findMany({ ...query, where: { articleId: p.articleId }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }] }),
    }),
  }),
});

builder.prismaObjectFields(ArticleRef, (t) => ({
  permissions: t.field({
    type: ArticlePermissions,
    nullable: true,
    description: "ADMIN only: who may read and work on this article.",
    authScopes: { role: "ADMIN" },
    select: { id: true, isPublic: true },
    resolve: (article) => ({ articleId: article.id, isPublic: article.isPublic }),
  }),
}));

const ArticleGrantInput = builder.inputType("ArticleGrantInput", {
  description: "A role on the article for one user.",
  fields: (t) => ({
    userId: t.globalID({ required: true, description: "The user's global ID; BAD_USER_INPUT if no such user." }),
    role: t.field({ type: RoleEnum, required: true, description: "What they may do with this article (READER: read it even when it is not public)." }),
  }),
});

const SetArticlePermissionsInput = builder.inputType("SetArticlePermissionsInput", {
  description: "An article's permissions: inherit the site roles, or its own public flag and grants.",
  fields: (t) => ({
    articleId: t.globalID({ required: true, description: "The article's global ID." }),
    inherit: t.boolean({ required: true, description: "true restores the site roles (and drops the article's grants)." }),
    public: t.boolean({ description: "false hides the article from anonymous readers (only when inherit is false)." }),
    grants: t.field({
      type: [ArticleGrantInput],
      validate: z.array(z.unknown()).max(500, "at most 500 grants").nullish(),
      description: "Replaces the article's grants (only when inherit is false); omitted keeps them.",
    }),
  }),
});

builder.mutationField("setArticlePermissions", (t) =>
  t.prismaField({
    type: ArticleRef,
    description:
      "ADMIN: breaks or restores permission inheritance, hides an article from the public, grants roles on it. " +
      "Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT.",
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: SetArticlePermissionsInput, required: true, description: "The new permissions." }) },
    resolve: async (query, _root, { input }, ctx: Context) => {
      const id = await setArticlePermissions(
        { db: ctx.db, events: ctx.app.events, now: ctx.now, viewer: ctx.viewer! },
        {
          articleId: idOf(input.articleId, "Article", "input.articleId"),
          inherit: input.inherit,
          public: input.public ?? null,
          grants: input.grants?.map((g, i) => ({ userId: idOf(g.userId, "User", `input.grants.${i}.userId`), role: g.role as Role })) ?? null,
        },
      );
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
