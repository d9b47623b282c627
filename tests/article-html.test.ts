// Article bodies are sanitised on write: the news allowlist keeps
// structure and drops anything that runs code. Checked on the policy itself and
// through updateArticle, the way a hostile editor's console would send it.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { countBodyImages, isHttpUrl, sanitizeArticleBody } from "../src/services/article-html";
import { codes, createTestApp, execute, signIn, type TestApp } from "./support/app";
import { draft, ok } from "./support/workflow";
import { UpdateArticleDocument } from "../clients/generated/graphql";

describe("sanitizeArticleBody", () => {
  it.each([
    [
      "paragraphs and headings",
      "<h2>Tiêu đề</h2><p>Đoạn <strong>đậm</strong> <em>nghiêng</em></p>",
      "<h2>Tiêu đề</h2><p>Đoạn <strong>đậm</strong> <em>nghiêng</em></p>",
    ],
    ["lists", '<ul><li>Một</li></ul><ol start="3"><li>Ba</li></ol>', '<ul><li>Một</li></ul><ol start="3"><li>Ba</li></ol>'],
    ["links", '<a href="https://kientuong.longan.gov.vn/x" title="Nguồn">nguồn</a>', '<a href="https://kientuong.longan.gov.vn/x" title="Nguồn">nguồn</a>'],
    [
      "a new-tab link gets rel",
      '<a href="https://a.vn" target="_blank" rel="opener">a</a>',
      '<a href="https://a.vn" target="_blank" rel="noopener noreferrer">a</a>',
    ],
    [
      "figures with images",
      '<figure><img src="/media/abc" alt="Hội nghị"><figcaption>Hội nghị</figcaption></figure>',
      '<figure><img src="/media/abc" alt="Hội nghị" /><figcaption>Hội nghị</figcaption></figure>',
    ],
    [
      "tables",
      '<table><caption>Chỉ tiêu</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
      '<table><caption>Chỉ tiêu</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>',
    ],
    [
      "a YouTube embed",
      '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen></iframe>',
      '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen></iframe>',
    ],
    [
      "a youtube-nocookie embed",
      '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
      '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
    ],
  ])("keeps %s", (_name, input, output) => {
    expect(sanitizeArticleBody(input)).toBe(output);
  });

  it.each([
    ["script", "<p>a</p><script>alert(1)</script>", "<p>a</p>"],
    ["event handlers", '<p onclick="alert(1)" onmouseover="x">a</p><img src="/m/1" onerror="alert(1)">', '<p>a</p><img src="/m/1" />'],
    ["javascript: links", '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt&colon;alert(1)">b</a>', "<a>a</a><a>b</a>"],
    ["data: images", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img />"],
    ["iframes from other hosts", '<iframe src="https://evil.example/embed"></iframe><iframe src="https://www.youtube.com.evil.example/x"></iframe>', ""],
    ["plain-http or relative iframes", '<iframe src="http://www.youtube.com/embed/a"></iframe><iframe src="/embed/a"></iframe>', ""],
    ["styles and classes", '<p style="position:fixed" class="x">a</p><style>p{}</style>', "<p>a</p>"],
    ["objects, embeds and forms", '<object data="x"></object><embed src="x"><form action="/x"><input name="a"></form>', ""],
    ["svg", '<svg onload="alert(1)"><script>alert(1)</script></svg>', ""],
    ["protocol-relative links", '<a href="//evil.example/x">a</a>', "<a>a</a>"],
    ["comments", "<!-- <script>alert(1)</script> --><p>a</p>", "<p>a</p>"],
  ])("drops %s", (_name, input, output) => {
    expect(sanitizeArticleBody(input)).toBe(output);
  });

  it("counts body images and checks alternate URLs", () => {
    expect(countBodyImages('<p><img src="/a"><IMG src="/b"></p><p>img</p>')).toBe(2);
    expect(isHttpUrl("https://kientuong.longan.gov.vn/tin/1")).toBe(true);
    expect(isHttpUrl("http://a.vn")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://a.vn", "/relative", "https://", "mailto:a@b.vn"]) {
      expect([bad, isHttpUrl(bad)]).toEqual([bad, false]);
    }
  });
});

describe("through the API", () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    token = (await signIn(t, "EDITOR")).token;
  });
  afterAll(() => t.close());

  it("stores the sanitised body in the version and shows it to editors and readers", async () => {
    const article = await draft(t, token, { body: '<p onclick="steal()">An toàn</p><script>steal()</script><iframe src="https://evil.example"></iframe>' });
    expect(article.body).toBe("<p>An toàn</p>");
    const updated = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "0.1", body: '<img src="x" onerror="steal()"><a href="javascript:steal()">x</a>' } },
      { token },
    );
    expect(updated.updateArticle.body).toBe('<img src="x" /><a>x</a>');
    expect(updated.updateArticle.photoCount).toBe(1);
    const stored = await t.app.db.articleVersion.findMany({ select: { body: true } });
    expect(stored.every((v) => !/script|onerror|onclick|javascript:|evil/.test(v.body))).toBe(true);
  });

  it("refuses an alternate URL that is not http(s)", async () => {
    const article = await draft(t, token);
    for (const alternateUrl of ["javascript:alert(1)", "data:text/html,<script>", "//evil.example"]) {
      const r = await execute(t, UpdateArticleDocument, { input: { id: article.id, expectedVersion: "0.1", alternateUrl } }, { token });
      expect([alternateUrl, codes(r), r.errors?.[0]?.extensions?.fields]).toEqual([alternateUrl, ["BAD_USER_INPUT"], ["input.alternateUrl"]]);
    }
    const fine = await ok(
      t,
      UpdateArticleDocument,
      { input: { id: article.id, expectedVersion: "0.1", alternateUrl: "https://baolongan.vn/bai-viet" } },
      { token },
    );
    expect(fine.updateArticle.alternateUrl).toBe("https://baolongan.vn/bai-viet");
  });
});
