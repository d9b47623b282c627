import { z } from "zod";
import { builder } from "../builder";

export interface SiteShape {
  name: string;
  responsiblePerson: string | null;
  address: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

/** The site statistics block; its fields are resolved by the statistics module. */
export const SiteStatisticsRef = builder.objectRef<{ site: true }>("SiteStatistics").implement({
  description: "Visit statistics (Thống kê truy cập), in the site's time zone.",
  fields: () => ({}),
});

export const SiteRef = builder.objectRef<SiteShape>("Site").implement({
  description: "The agency behind the portal: the footer of every page, and the visit statistics.",
  fields: (t) => ({
    name: t.exposeString("name"),
    responsiblePerson: t.exposeString("responsiblePerson", { nullable: true }),
    address: t.exposeString("address", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    fax: t.exposeString("fax", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    statistics: t.field({ type: SiteStatisticsRef, resolve: () => ({ site: true as const }) }),
  }),
});

const siteSelect = { name: true, responsiblePerson: true, address: true, phone: true, fax: true, email: true } as const;

builder.queryField("site", (t) =>
  t.field({
    type: SiteRef,
    resolve: async (_root, _args, ctx) =>
      (await ctx.db.site.findUnique({ where: { id: 1 }, select: siteSelect })) ?? {
        name: "Cổng thông tin điện tử",
        responsiblePerson: null,
        address: null,
        phone: null,
        fax: null,
        email: null,
      },
  }),
);

const optionalText = (max: number) => z.string().trim().max(max).nullish();

const UpdateSiteInput = builder.inputType("UpdateSiteInput", {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1).max(300).nullish() }),
    responsiblePerson: t.string({ validate: optionalText(300) }),
    address: t.string({ validate: optionalText(500) }),
    phone: t.string({ validate: z.string().trim().max(50).regex(/^[0-9+().\s-]*$/, "only digits, spaces and + ( ) . -").nullish() }),
    fax: t.string({ validate: z.string().trim().max(50).regex(/^[0-9+().\s-]*$/, "only digits, spaces and + ( ) . -").nullish() }),
    email: t.string({ validate: z.union([z.email().max(254), z.literal("")]).nullish() }),
  }),
});

builder.mutationField("updateSite", (t) =>
  t.field({
    type: SiteRef,
    authScopes: { role: "ADMIN" },
    description: "ADMIN only: the organisation details shown in the footer. Omitted fields stay as they are; an empty string clears one.",
    args: { input: t.arg({ type: UpdateSiteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const data: Partial<SiteShape> = {};
      for (const key of ["responsiblePerson", "address", "phone", "fax", "email"] as const) {
        const value = input[key];
        if (value !== undefined) data[key] = value === null || value.trim() === "" ? null : value.trim();
      }
      if (input.name) data.name = input.name.trim();
      const site = await ctx.db.site.upsert({
        where: { id: 1 },
        update: data,
        create: { id: 1, name: data.name ?? "Cổng thông tin điện tử", ...data },
        select: siteSelect,
      });
      return site;
    },
  }),
);
