import { z } from "zod";
import { builder } from "../builder";
import { actorOf } from "../../context";
import { audit, changes } from "../../services/audit";

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
    name: t.exposeString("name", { description: "The agency's name, as in the page header and footer (Cơ quan chủ quản)." }),
    responsiblePerson: t.exposeString("responsiblePerson", {
      nullable: true,
      description: "Người chịu trách nhiệm: the person responsible for the portal (Decree 42/2022/NĐ-CP).",
    }),
    address: t.exposeString("address", { nullable: true, description: "Địa chỉ: the agency's postal address." }),
    phone: t.exposeString("phone", { nullable: true, description: "Điện thoại: as printed." }),
    fax: t.exposeString("fax", { nullable: true, description: "Fax: as printed." }),
    email: t.exposeString("email", { nullable: true, description: "The agency's public e-mail address." }),
    statistics: t.field({ type: SiteStatisticsRef, description: "Visit statistics (Thống kê truy cập).", resolve: () => ({ site: true as const }) }),
  }),
});

const siteSelect = { name: true, responsiblePerson: true, address: true, phone: true, fax: true, email: true } as const;

builder.queryField("site", (t) =>
  t.field({
    type: SiteRef,
    description: "The agency's details for the footer and the visit statistics; anyone may read them.",
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

/** A telephone or fax number: digits, spaces and + ( ) . - (at most 50 characters). */
const phoneNumber = z
  .string()
  .trim()
  .max(50)
  .regex(/^[0-9+().\s-]*$/, "only digits, spaces and + ( ) . -")
  .nullish();
const PHONE_NUMBER_RULE = "Digits, spaces and + ( ) . - only (at most 50 characters).";

const UpdateSiteInput = builder.inputType("UpdateSiteInput", {
  description: "New footer details: omitted fields stay, an empty string clears one (the name cannot be cleared).",
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1).max(300).nullish(), description: "The agency's name (1 to 300 characters)." }),
    responsiblePerson: t.string({ validate: optionalText(300), description: "The person responsible (at most 300 characters)." }),
    address: t.string({ validate: optionalText(500), description: "The postal address (at most 500 characters)." }),
    phone: t.string({ validate: phoneNumber, description: PHONE_NUMBER_RULE }),
    fax: t.string({ validate: phoneNumber, description: PHONE_NUMBER_RULE }),
    email: t.string({ validate: z.union([z.email().max(254), z.literal("")]).nullish(), description: "A valid e-mail address, or empty." }),
  }),
});

builder.mutationField("updateSite", (t) =>
  t.field({
    type: SiteRef,
    authScopes: { role: "ADMIN" },
    description:
      "ADMIN only: the organisation details shown in the footer. Omitted fields stay as they are; an empty string " +
      "clears one. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.",
    args: { input: t.arg({ type: UpdateSiteInput, required: true, description: "The fields to change." }) },
    resolve: async (_root, { input }, ctx) => {
      const data: Partial<SiteShape> = {};
      for (const key of ["responsiblePerson", "address", "phone", "fax", "email"] as const) {
        const value = input[key];
        if (value !== undefined) data[key] = value === null || value.trim() === "" ? null : value.trim();
      }
      if (input.name) data.name = input.name.trim();
      const site = await ctx.db.$transaction(async (tx) => {
        const before = await tx.site.findUnique({ where: { id: 1 }, select: siteSelect });
        const site = await tx.site.upsert({
          where: { id: 1 },
          update: data,
          create: { id: 1, name: data.name ?? "Cổng thông tin điện tử", ...data },
          select: siteSelect,
        });
        await audit(tx, actorOf(ctx), ctx.now, { action: "SITE_UPDATE", targetType: "Site", targetId: "1", ...changes(before ?? {}, site) });
        return site;
      });
      return site;
    },
  }),
);
