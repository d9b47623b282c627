// The live visit figures (Đang truy cập, Hôm nay, Tổng số lượt truy cập): the
// siteVisitCounts subscription. Anyone may read these figures through
// site.statistics, so anyone may subscribe; the live subscription limits apply
// (src/plugins/security/live-limits.ts).
import { loadSummary, type StatisticsScope } from "../../services/counters/statistics";
import { liveVisitCounts, type SiteVisitCounts } from "../../services/counters/live";
import { untilAborted } from "../../services/events";
import type { Context } from "../../context";
import { builder } from "../builder";
import { articleVisibility } from "../articles/types";

const SiteVisitCountsRef = builder.objectRef<SiteVisitCounts>("SiteVisitCounts").implement({
  description:
    "The site's live visit figures, counted across every instance of the portal; the same figures as site.statistics' online, today and totalVisits at that moment.",
  fields: (t) => ({
    online: t.exposeInt("online", { description: "Distinct visitors in the last 5 minutes (Đang truy cập)." }),
    today: t.exposeInt("today", { description: "Visits today, in the site's time zone (repeats within 30 minutes count once)." }),
    totalVisits: t.exposeInt("totalVisits", { description: "Visits since the site began (Số lượt truy cập)." }),
  }),
});

/** The three figures now, site-wide: the database plus the shared counter buffer. */
async function readVisitCounts(ctx: Context): Promise<SiteVisitCounts> {
  // One context serves the whole subscription: the time is read afresh each time.
  const now = ctx.app.clock.now();
  const scope: StatisticsScope = {
    db: ctx.db,
    counters: ctx.app.counters,
    timeZone: ctx.app.config.SITE_TIMEZONE,
    now,
    visible: articleVisibility(ctx),
  };
  const [summary, online] = await Promise.all([loadSummary(scope), ctx.app.counters.online(now)]);
  return { online, today: summary.today, totalVisits: summary.totalVisits };
}

builder.subscriptionField("siteVisitCounts", (t) =>
  t.field({
    type: SiteVisitCountsRef,
    description:
      "The site's visit figures: the current ones at once, then the new ones each time one changes (a visit or an article view anywhere, a visitor leaving the online window), at most one event a second. Anyone may subscribe, as anyone may read site.statistics.",
    subscribe: (_root, _args, ctx) =>
      liveVisitCounts({
        changes: untilAborted(ctx.app.events.subscribe("siteVisitCounts"), ctx.app.shutdown.signal),
        read: () => readVisitCounts(ctx),
        counters: ctx.app.counters,
        now: () => ctx.app.clock.now().getTime(),
      }),
    resolve: (figures) => figures,
  }),
);
