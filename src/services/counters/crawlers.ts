// Which user agents are crawlers, for visit counting (docs/statistics.md, "Crawlers").
//
// isbot's maintained list, less the patterns that match HTTP client libraries
// rather than crawlers. isbot treats any user agent that is a bare product token
// ("okhttp/4.12.0", "Apollo-iOS/1.15.1", "ReactNative", "Dart/3.2", "axios/1.6.0")
// or that names a runtime ("node", "Java/17", "python-requests/2.31") as a bot;
// that is exactly what the portal's mobile apps and other API clients send. A
// client that calls `recordArticleView` is asking to be counted; what one address
// can add is bounded by the visit limits (docs/security.md), not by guessing its
// software. Self-declared crawlers, spiders, link previews, headless browsers,
// monitors and mirroring tools stay excluded.
import { createIsbotFromList, list } from "isbot";

/** isbot patterns that match HTTP client libraries and runtimes, not crawlers. */
export const CLIENT_LIBRARY_PATTERNS: readonly string[] = [
  // A bare product token with an optional version: "okhttp/4.12.0", "ReactNative", "undici".
  String.raw`^[\w \.\-\(?:\):%]+(?:/v?\d+(?:\.\d+)?(?:\.\d{1,10})*?)?(?:,|$)`,
  String.raw`^[\w\-]+/[\w]+$`,
  String.raw`^\w+/[\w\(\)]*$`,
  // okhttp, Go-http-client, Apache-HttpClient.
  String.raw`(?<!lib)http`,
  // curl, python-urllib.
  "url",
  String.raw`node\b`,
  "java(?!;)",
  "^python",
  String.raw`\bperl\b`,
  "^php",
  "library",
  "^client/",
  "^rest",
];

const excluded = new Set(CLIENT_LIBRARY_PATTERNS);

/** The patterns in force: isbot's list without the client-library ones. */
export const CRAWLER_PATTERNS: readonly string[] = list.filter((pattern) => !excluded.has(pattern));

const matches = createIsbotFromList([...CRAWLER_PATTERNS]);

/** True for a user agent that declares a crawler; null (no User-Agent) is not one. */
export function isCrawler(userAgent: string | null): boolean {
  return userAgent !== null && matches(userAgent);
}
