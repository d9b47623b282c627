// Views from the mobile apps and other API clients count: an HTTP client library is
// not a crawler. Self-declared crawlers, previews and headless browsers do not.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { list } from "isbot";
import { createTestApp, type TestApp, execute, present } from "../support/app";
import { CLIENT_LIBRARY_PATTERNS, isCrawler } from "../../src/services/counters/crawlers";
import { ArticlePageDocument, RecordArticleViewDocument, RecordSiteVisitDocument } from "../../clients/generated/graphql";

// What native apps and API clients send.
const APPS = [
  "okhttp/4.12.0",
  "Apollo-iOS/1.15.1",
  "Apollo-Android/3.8.2",
  "ReactNative",
  "Dart/3.2 (dart:io)",
  "Expo/2.29.1 CFNetwork/1410.0.3 Darwin/22.6.0",
  "CongThongTin/2.1 (iPhone; iOS 17.2) Alamofire/5.8.0",
  "Dalvik/2.1.0 (Linux; U; Android 13; SM-A536E Build/TP1A.220624.014)",
  "axios/1.6.0",
  "node",
  "undici",
  "Java/17",
  "Go-http-client/1.1",
  "python-requests/2.31.0",
  "curl/8.4.0",
];
const CRAWLERS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Twitterbot/1.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
  "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
  "Wget/1.21.4",
];

describe("crawler detection", () => {
  it("does not take HTTP client libraries for crawlers", () => {
    for (const ua of APPS) expect([ua, isCrawler(ua)]).toEqual([ua, false]);
  });
  it("still drops self-declared crawlers, link previews, headless browsers and mirroring tools", () => {
    for (const ua of CRAWLERS) expect([ua, isCrawler(ua)]).toEqual([ua, true]);
    expect(isCrawler(null)).toBe(false);
  });
  it("removes only patterns isbot actually has (an isbot update that renames one shows here)", () => {
    for (const pattern of CLIENT_LIBRARY_PATTERNS) expect(list).toContain(pattern);
  });
});

describe("recordArticleView and recordSiteVisit from the apps", () => {
  let t: TestApp;
  let articleId: string;
  let start: number;
  beforeAll(async () => {
    t = await createTestApp();
    const row = await t.app.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } }, select: { slug: true } });
    const page = await execute(t, ArticlePageDocument, { slug: row.slug });
    const article = present(page.data!.article, "the fixture article");
    articleId = article.id;
    start = article.viewCount;
  });
  afterAll(() => t.close());

  const view = async (ua: string, visitorId: string) => {
    const r = await execute(t, RecordArticleViewDocument, { articleId, visitorId }, { headers: { "user-agent": ua } });
    expect(r.errors).toBeUndefined();
    return r.data!.recordArticleView.viewCount as number;
  };

  it("counts one view per app user agent, and none from crawlers", async () => {
    let expected = start;
    for (const [i, ua] of APPS.entries()) expect(await view(ua, `app-visitor-${i}`)).toBe(++expected);
    for (const [i, ua] of CRAWLERS.entries()) expect(await view(ua, `crawler-${i}`)).toBe(expected);
    await t.app.counters.flush();
    const stored = await t.app.db.article.findFirstOrThrow({ where: { sourceKey: { not: null } }, select: { viewCount: true } });
    expect(stored.viewCount).toBe(start + APPS.length);
  });

  it("counts site visits from the apps", async () => {
    const visit = async (ua: string, visitorId: string) => {
      const r = await execute(t, RecordSiteVisitDocument, { visitorId }, { headers: { "user-agent": ua } });
      expect(r.errors).toBeUndefined();
      return r.data!.recordSiteVisit.totalVisits as number;
    };
    const before = await visit(CRAWLERS[0]!, "crawler-site");
    expect(await visit("okhttp/4.12.0", "android-1")).toBe(before + 1);
    expect(await visit("Apollo-iOS/1.15.1", "ios-1")).toBe(before + 2);
    expect(await visit(CRAWLERS[1]!, "crawler-site-2")).toBe(before + 2);
  });
});
