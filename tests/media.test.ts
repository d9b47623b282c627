// Media: uploads over the GraphQL multipart request spec, through a
// real socket and through yoga.fetch, with small real files made here; serving at
// /media/*; covers, galleries and attachments through the contract's ArticlePage;
// the library, the public galleries, external videos and deletion rules.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { codes, createTestApp, execute, gql, present, signIn, type GraphQLResponse, type TestApp } from "./support/app";
import { contractOperation } from "./support/contract";
import { docx, jpegHeader, mp4, pdf, png } from "./support/media-files";
import type { DomainError } from "../src/services/errors";
import { checkArticleMedia } from "../src/services/media/library";
import { emptyContent, writeVersion, type ArticleContent } from "../src/services/versioning";
import { syncListing } from "../src/services/listing";
import { ArticlePageDocument, UploadMediaDocument } from "../clients/generated/graphql";

const KB = 1024;
let t: TestApp;
let server: Server;
let base: string;
let editor: { token: string; user: { id: string } };
let contributor: { token: string; user: { id: string } };
let mediaDir: string;

beforeAll(async () => {
  // Small limits so the size rules can be tried with small files.
  t = await createTestApp({ config: { MEDIA_MAX_IMAGE_MB: 20 / 1024, MEDIA_MAX_DOCUMENT_MB: 60 / 1024, MEDIA_MAX_VIDEO_MB: 100 / 1024 } });
  mediaDir = join(t.app.dataDir, "media");
  server = createServer((req, res) => t.yoga.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  editor = await signIn(t, "EDITOR");
  contributor = await signIn(t, "CONTRIBUTOR");
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** The multipart request of the spec: operations, map, and the file as part "0". */
function uploadForm(bytes: Uint8Array, name: string, options: { description?: string; declaredType?: string; query?: string } = {}) {
  const form = new FormData();
  form.set(
    "operations",
    JSON.stringify({ query: options.query ?? contractOperation("UploadMedia"), variables: { file: null, description: options.description ?? null } }),
  );
  form.set("map", JSON.stringify({ "0": ["variables.file"] }));
  form.set("0", new Blob([new Uint8Array(bytes)], { type: options.declaredType ?? "application/octet-stream" }), name);
  return form;
}

/** Uploads over a real socket (node:http), as curl or a browser would. */
async function upload(bytes: Uint8Array, name: string, options: { token?: string; description?: string; declaredType?: string } = {}) {
  const token = options.token === undefined ? editor.token : options.token;
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    // The editors' console sends the CSRF-prevention header with every multipart request.
    headers: { ...(token && { authorization: `Bearer ${token}` }), accept: "application/graphql-response+json", "x-graphql-yoga-csrf": "1" },
    body: uploadForm(bytes, name, options),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResponse) };
}

/** Every stored file under the media folder (temporary files included). */
function storedFiles(): string[] {
  if (!existsSync(mediaDir)) return [];
  return readdirSync(mediaDir, { recursive: true, encoding: "utf8" }).filter((p) => statSync(join(mediaDir, p)).isFile());
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

/** Decodes RFC 5987 `filename*=UTF-8''...` of a Content-Disposition header. */
const extendedName = (header: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(header ?? "")![1]!);

function content(overrides: Partial<ArticleContent>): ArticleContent {
  return { ...emptyContent(), title: "Bài viết có ảnh", body: "<p>Nội dung</p>", publishAt: new Date("2026-11-01T00:00:00Z"), ...overrides };
}

/** An article written straight to the database (the editorial workflow is another module): published 1.0 or a 0.1 draft. */
async function article(slug: string, published: boolean, media: Partial<ArticleContent>) {
  const created = await t.app.db.$transaction(async (tx) => {
    const at = new Date("2026-11-01T00:00:00Z");
    const row = await tx.article.create({
      data: {
        slug,
        status: published ? "APPROVED" : "DRAFT",
        publishedAt: published ? at : null,
        firstPublishedAt: published ? at : null,
        createdById: editor.user.id,
      },
    });
    const version = await writeVersion(tx, {
      articleId: row.id,
      major: published ? 1 : 0,
      minor: published ? 0 : 1,
      status: published ? "APPROVED" : "DRAFT",
      content: content({ title: `Bài ${slug}`, ...media }),
      previous: null,
      comment: null,
      userId: editor.user.id,
      at,
    });
    await tx.article.update({ where: { id: row.id }, data: { currentVersionId: version.id, publishedVersionId: published ? version.id : null } });
    await syncListing(tx, [row.id]);
    return { ...row, versionId: version.id };
  });
  // What the workflow does after such a write (docs/performance.md: response cache).
  await t.app.cache.changed();
  return created;
}

describe("uploadMedia over HTTP (multipart)", () => {
  it("stores a PNG with its real type and dimensions under a server-chosen name, and serves it", async () => {
    const bytes = png(64, 48);
    const r = await upload(bytes, "Ảnh hội nghị tổng kết.png", { description: "Quang cảnh hội nghị" });
    expect(r.errors).toBeUndefined();
    const media = r.data!.uploadMedia;
    expect(media).toMatchObject({
      kind: "IMAGE",
      fileName: "Ảnh hội nghị tổng kết.png",
      contentType: "image/png",
      size: bytes.length,
      width: 64,
      height: 48,
      description: "Quang cảnh hội nghị",
    });
    // No published article shows it yet: the uploader gets a short-lived signed URL.
    expect(media.url).toMatch(/^\/media\/2026\/11\/[0-9a-f]{32}\.png\?expires=\d+&sig=[\w-]+$/);
    const path = media.url.split("?")[0];
    const onDisk = join(mediaDir, path.slice("/media/".length));
    expect(readdirSync(join(mediaDir, "2026", "11"))).toContain(path.split("/").pop());
    expect(statSync(onDisk).size).toBe(bytes.length);

    const served = await fetch(`${base}${media.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    // Private until a published article shows it (tests/security/07-small-leaks.test.ts).
    expect(served.headers.get("cache-control")).toBe("private, no-store");
    expect(served.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(extendedName(served.headers.get("content-disposition"))).toBe("Ảnh hội nghị tổng kết.png");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
  });

  it("keeps a document's Vietnamese file name for the download (RFC 6266 / 5987)", async () => {
    const name = "Quyết định số 12-QĐ-UBND (kế hoạch 2026).pdf";
    const r = await upload(pdf(), name);
    expect(r.errors).toBeUndefined();
    expect(r.data!.uploadMedia).toMatchObject({ kind: "DOCUMENT", contentType: "application/pdf", fileName: name, width: null, height: null });
    const served = await fetch(`${base}${r.data!.uploadMedia.url}`);
    const disposition = served.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="Quyet dinh so 12-QD-UBND \(ke hoach 2026\)\.pdf"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    expect(extendedName(disposition)).toBe(name);
    expect(served.headers.get("content-type")).toBe("application/pdf");
  });

  it("decides the type from the bytes, not the name or the declared type", async () => {
    const r = await upload(docx(), "ke-hoach.pdf", { declaredType: "image/png" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.uploadMedia).toMatchObject({
      kind: "DOCUMENT",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      // The download must not lie about its type.
      fileName: "ke-hoach.docx",
    });
    const dotted = await upload(pdf(), "Kế hoạch 12.2026");
    expect(dotted.data!.uploadMedia.fileName).toBe("Kế hoạch 12.2026.pdf");
  });

  it("gives a sideways phone photo (EXIF orientation 6) its displayed size", async () => {
    const r = await upload(jpegHeader(400, 300, 6), "Ảnh chụp.JPEG");
    expect(r.errors).toBeUndefined();
    expect(r.data!.uploadMedia).toMatchObject({ kind: "IMAGE", contentType: "image/jpeg", fileName: "Ảnh chụp.JPEG", width: 300, height: 400 });
    expect(r.data!.uploadMedia.url).toMatch(/\.jpg\?/);
  });

  it("refuses a text file renamed .png, and leaves nothing behind", async () => {
    const filesBefore = storedFiles();
    const rowsBefore = await t.app.db.media.count();
    const r = await upload(Buffer.from("Đây không phải là ảnh\n"), "anh.png", { declaredType: "image/png" });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.extensions!.fields).toEqual(["file"]);
    expect(r.data?.uploadMedia ?? null).toBeNull();
    expect(storedFiles()).toEqual(filesBefore);
    expect(await t.app.db.media.count()).toBe(rowsBefore);
  });

  it("refuses empty files, files over their kind's limit and files over every limit", async () => {
    const filesBefore = storedFiles();
    const rowsBefore = await t.app.db.media.count();
    const empty = await upload(Buffer.alloc(0), "trong.pdf");
    expect(codes(empty)).toEqual(["BAD_USER_INPUT"]);
    expect(empty.errors![0]!.message).toMatch(/empty/);

    // 30 KB of noise: over the 20 KB image limit, while a 30 KB PDF is within the document limit.
    const bigImage = png(100, 100, true);
    expect(bigImage.length).toBeGreaterThan(20 * KB);
    const image = await upload(bigImage, "lon.png");
    expect(codes(image)).toEqual(["BAD_USER_INPUT"]);
    expect(image.errors![0]!.message).toMatch(/PNG files may be at most/);

    // Over the largest limit of all (100 KB): the multipart parser stops reading.
    const huge = await upload(mp4(150 * KB), "phim.mp4");
    expect(huge.status).toBe(413);
    expect(codes(huge)).toEqual(["BAD_USER_INPUT"]);

    const video = await upload(mp4(80 * KB), "phim.mp4");
    expect(codes(video)).toEqual([]);
    expect(video.data!.uploadMedia).toMatchObject({ kind: "VIDEO", contentType: "video/mp4" });
    expect(storedFiles()).toHaveLength(filesBefore.length + 1);
    expect(await t.app.db.media.count()).toBe(rowsBefore + 1);
  });

  it("refuses file names with path separators or control characters", async () => {
    const filesBefore = storedFiles();
    for (const name of ["../../etc/passwd.png", "thu-muc/anh.png", "C:\\Users\\anh.png", "anh\u0007.png", "anh\u202Egnp.exe.png", ".."]) {
      const r = await upload(png(2, 2), name);
      expect({ name, codes: codes(r) }).toEqual({ name, codes: ["BAD_USER_INPUT"] });
    }
    expect(storedFiles()).toEqual(filesBefore);
  });

  it("refuses a File variable sent as JSON", async () => {
    // gql, not execute: the File variable is deliberately a JSON string, not an upload.
    const r = await gql(t, UploadMediaDocument, { file: "data:image/png;base64,iVBORw0KGgo=" }, { token: editor.token });
    expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors![0]!.message).toMatch(/multipart/);
  });

  it("answers malformed multipart requests with BAD_USER_INPUT", async () => {
    const noOperations = new FormData();
    noOperations.set("0", new Blob([new Uint8Array(png(2, 2))]), "a.png");
    const missingFile = uploadForm(png(2, 2), "a.png");
    missingFile.set("map", JSON.stringify({ "7": ["variables.file"] }));
    const prototypePath = uploadForm(png(2, 2), "a.png");
    prototypePath.set("map", JSON.stringify({ "0": ["variables.__proto__.file"] }));
    for (const body of [noOperations, missingFile, prototypePath]) {
      const response = await fetch(`${base}/graphql`, { method: "POST", headers: { authorization: `Bearer ${editor.token}` }, body });
      expect(codes((await response.json()) as GraphQLResponse)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("refuses a request body over the server's cap before reading it", async () => {
    const { request } = await import("node:http");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(40 * 1024 * 1024), "x-graphql-yoga-csrf": "1" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write("--x\r\n");
    });
    expect(answer.status).toBe(413);
    expect(codes(JSON.parse(answer.body))).toEqual(["BAD_USER_INPUT"]);
  });

  it("works through yoga.fetch with FormData as well", async () => {
    const response = await t.yoga.fetch("http://portal.test/graphql", {
      method: "POST",
      headers: { authorization: `Bearer ${editor.token}` },
      body: uploadForm(png(5, 7), "nho.png"),
    });
    const r = (await response.json()) as GraphQLResponse;
    expect(r.errors).toBeUndefined();
    expect(r.data!.uploadMedia).toMatchObject({ kind: "IMAGE", width: 5, height: 7 });
    const served = await t.yoga.fetch(`http://portal.test${r.data!.uploadMedia.url}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png(5, 7));
  });

  it("needs a contributor at least", async () => {
    expect(codes(await upload(png(2, 2), "a.png", { token: "" }))).toEqual(["UNAUTHENTICATED"]);
    const reader = await signIn(t, "READER");
    expect(codes(await upload(png(2, 2), "a.png", { token: reader.token }))).toEqual(["FORBIDDEN"]);
    const r = await upload(png(2, 2), "a.png", { token: contributor.token });
    expect(r.errors).toBeUndefined();
  });
});

describe("serving /media/*", () => {
  let video: { url: string; size: number };
  beforeAll(async () => {
    const r = await upload(mp4(10 * KB), "Phóng sự.mp4");
    video = r.data!.uploadMedia;
  });

  it("answers byte ranges so video can seek", async () => {
    const whole = Buffer.from(await (await fetch(`${base}${video.url}`)).arrayBuffer());
    expect(whole.length).toBe(video.size);
    const first = await fetch(`${base}${video.url}`, { headers: { range: "bytes=0-99" } });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${video.size}`);
    expect(first.headers.get("content-length")).toBe("100");
    expect(first.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await first.arrayBuffer())).toEqual(whole.subarray(0, 100));
    const open = await fetch(`${base}${video.url}`, { headers: { range: `bytes=${video.size - 10}-` } });
    expect(Buffer.from(await open.arrayBuffer())).toEqual(whole.subarray(video.size - 10));
    const suffix = await fetch(`${base}${video.url}`, { headers: { range: "bytes=-16" } });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(whole.subarray(video.size - 16));
    const beyond = await fetch(`${base}${video.url}`, { headers: { range: `bytes=${video.size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${video.size}`);
    // Several ranges: the whole file, which RFC 9110 allows.
    const multi = await fetch(`${base}${video.url}`, { headers: { range: "bytes=0-1,5-6" } });
    expect(multi.status).toBe(200);
    expect(Buffer.from(await multi.arrayBuffer())).toEqual(whole);
  });

  it("answers HEAD and conditional requests", async () => {
    const head = await fetch(`${base}${video.url}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(video.size));
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    const etag = head.headers.get("etag")!;
    const again = await fetch(`${base}${video.url}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers 404 for anything that is not a stored file, and 405 for writes", async () => {
    for (const path of [
      "/media/../../etc/passwd",
      "/media/%2e%2e/%2e%2e/portal.db",
      "/media/2026/11/00000000000000000000000000000000.png",
      "/media/portal.db",
      "/media/",
    ]) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const post = await fetch(`${base}${video.url}`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
  });
});

describe("articles with media, read through the contract", () => {
  it("shows the cover, gallery and attachments on ArticlePage, and the cover's URL serves the image", async () => {
    const cover = (await upload(png(120, 80), "Ảnh bìa.png", { description: "Lãnh đạo thị xã dự hội nghị" })).data!.uploadMedia;
    const photo = (await upload(png(30, 20), "Ảnh 1.png", { description: "Đại biểu" })).data!.uploadMedia;
    const decree = (await upload(pdf(), "Nghị quyết.pdf")).data!.uploadMedia;
    await article("bai-co-anh-bia", true, {
      coverImageId: rawId(cover.id),
      galleryIds: [rawId(photo.id)],
      attachmentIds: [rawId(decree.id)],
      photoCount: 2,
    });
    const { data, errors } = await execute(t, ArticlePageDocument, { slug: "bai-co-anh-bia" });
    expect(errors).toBeUndefined();
    const published = present(data?.article, "the article");
    // Readers get the plain address of a published article's files (the uploader got a signed one).
    const plain = (url: string) => url.split("?")[0];
    expect(published.coverImage).toEqual({ url: plain(cover.url), width: 120, height: 80, description: "Lãnh đạo thị xã dự hội nghị" });
    expect(published.gallery).toEqual([{ id: photo.id, url: plain(photo.url), description: "Đại biểu", kind: "IMAGE" }]);
    expect(published.attachments).toEqual([
      { id: decree.id, fileName: "Nghị quyết.pdf", url: plain(decree.url), contentType: "application/pdf", size: decree.size },
    ]);
    const image = await fetch(`${base}${present(published.coverImage, "the cover image").url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(image.headers.get("content-type")).toBe("image/png");
  });

  it("gives absolute URLs when PUBLIC_URL is set", async () => {
    const other = await createTestApp({ config: { PUBLIC_URL: "https://kientuong.longan.gov.vn" } });
    try {
      const token = (await signIn(other, "EDITOR")).token;
      const response = await other.yoga.fetch("http://portal.test/graphql", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: uploadForm(png(2, 2), "a.png"),
      });
      const r = (await response.json()) as GraphQLResponse;
      expect(r.data!.uploadMedia.url).toMatch(/^https:\/\/kientuong\.longan\.gov\.vn\/media\/\d{4}\/\d{2}\/[0-9a-f]{32}\.png\?expires=\d+&sig=[\w-]+$/);
    } finally {
      await other.close();
    }
  });
});

// The media library, the public galleries, external videos, media edits and node(id:)
// are in the schema, not in the contract (schema/operations): these requests are text.
const LIBRARY = /* GraphQL */ `
  query Library($kind: MediaKind, $first: Int, $after: String, $search: String) {
    mediaLibrary(kind: $kind, first: $first, after: $after, search: $search) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          fileName
          createdBy {
            id
          }
        }
      }
    }
  }
`;
const GALLERIES = /* GraphQL */ `
  query Galleries {
    galleryPhotos(first: 50) {
      edges {
        node {
          id
          url
          description
        }
      }
    }
    galleryVideos(first: 50) {
      edges {
        node {
          id
          url
          kind
          external
        }
      }
    }
  }
`;
const EXTERNAL = /* GraphQL */ `
  mutation External($url: String!, $description: String) {
    addExternalVideo(url: $url, description: $description) {
      id
      kind
      url
      embedUrl
      fileName
      contentType
      size
      external
      description
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteMedia(id: $id)
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $description: String) {
    updateMedia(id: $id, description: $description) {
      id
      description
    }
  }
`;

describe("library and galleries", () => {
  it("lists the library newest first, by kind, a page at a time; a contributor sees their own uploads", async () => {
    t.clock.advance(60_000);
    const a = (await upload(png(3, 3), "thu-vien-a.png")).data!.uploadMedia;
    t.clock.advance(60_000);
    const b = (await upload(png(4, 4), "thu-vien-b.png")).data!.uploadMedia;
    t.clock.advance(60_000);
    const mine = (await upload(png(4, 4), "cua-toi.png", { token: contributor.token })).data!.uploadMedia;

    const page1 = await gql(t, LIBRARY, { kind: "IMAGE", first: 2 }, { token: editor.token });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.mediaLibrary.edges.map((e: any) => e.node.id)).toEqual([mine.id, b.id]);
    expect(page1.data!.mediaLibrary.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(t, LIBRARY, { kind: "IMAGE", first: 1, after: page1.data!.mediaLibrary.pageInfo.endCursor }, { token: editor.token });
    expect(page2.data!.mediaLibrary.edges.map((e: any) => e.node.id)).toEqual([a.id]);

    const documents = await gql(t, LIBRARY, { kind: "DOCUMENT", first: 50 }, { token: editor.token });
    expect(documents.data!.mediaLibrary.edges.every((e: any) => e.node.kind === "DOCUMENT")).toBe(true);
    expect(documents.data!.mediaLibrary.edges.length).toBeGreaterThan(0);

    const own = await gql(t, LIBRARY, { first: 50 }, { token: contributor.token });
    expect(own.data!.mediaLibrary.edges.length).toBeGreaterThan(0);
    expect(own.data!.mediaLibrary.edges.every((e: any) => e.node.createdBy.id === Buffer.from(`User:${contributor.user.id}`).toString("base64"))).toBe(true);

    const found = await gql(t, LIBRARY, { search: "thu-vien-b" }, { token: editor.token });
    expect(found.data!.mediaLibrary.edges.map((e: any) => e.node.id)).toEqual([b.id]);

    expect(codes(await gql(t, LIBRARY, {}))).toEqual(["UNAUTHENTICATED"]);

    // A page of the library, with uploaders, and a gallery page are a fixed number of statements (no N+1).
    t.statements.length = 0;
    const big = await gql(t, LIBRARY, { first: 50 }, { token: editor.token });
    expect(big.data!.mediaLibrary.edges.length).toBeGreaterThan(10);
    const libraryStatements = t.statements.length;
    t.statements.length = 0;
    await gql(t, GALLERIES, {});
    expect({ libraryStatements, galleryStatements: t.statements.length }).toEqual({ libraryStatements: expect.any(Number), galleryStatements: 2 });
    expect(libraryStatements).toBeLessThanOrEqual(3);
  });

  it("records external videos from allowed hosts only", async () => {
    const ok = await gql(t, EXTERNAL, { url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", description: "Phóng sự" }, { token: editor.token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.addExternalVideo).toMatchObject({
      kind: "VIDEO",
      url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      embedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
      external: true,
      size: 0,
      description: "Phóng sự",
    });
    const vimeo = await gql(t, EXTERNAL, { url: "https://vimeo.com/76979871" }, { token: contributor.token });
    expect(vimeo.data!.addExternalVideo).toMatchObject({ kind: "VIDEO", embedUrl: "https://player.vimeo.com/video/76979871" });
    for (const url of [
      "http://www.youtube.com/watch?v=x",
      "https://youtube.com.evil.example/watch?v=x",
      "https://evil.example/?u=https://youtube.com",
      "https://user:pass@youtube.com/watch?v=x",
      "javascript:alert(1)//youtube.com",
      "khong phai url",
    ]) {
      const r = await gql(t, EXTERNAL, { url }, { token: editor.token });
      expect({ url, codes: codes(r) }).toEqual({ url, codes: ["BAD_USER_INPUT"] });
    }
  });

  it("shows in the public galleries only media of published articles' galleries", async () => {
    const published = (await upload(png(10, 10), "cong-khai.png")).data!.uploadMedia;
    const draftOnly = (await upload(png(10, 10), "nhap.png")).data!.uploadMedia;
    const coverOnly = (await upload(png(10, 10), "bia.png")).data!.uploadMedia;
    const clip = (await gql(t, EXTERNAL, { url: "https://youtu.be/abc123" }, { token: editor.token })).data!.addExternalVideo;
    await article("bai-co-thu-vien-anh", true, { galleryIds: [rawId(published.id), rawId(clip.id)], coverImageId: rawId(coverOnly.id) });
    await article("bai-nhap-co-anh", false, { galleryIds: [rawId(draftOnly.id)] });
    for (const token of [undefined, editor.token]) {
      const r = await gql(t, GALLERIES, {}, { token });
      expect(r.errors).toBeUndefined();
      const photos = r.data!.galleryPhotos.edges.map((e: any) => e.node.id);
      expect(photos).toContain(published.id);
      expect(photos).not.toContain(draftOnly.id);
      expect(photos).not.toContain(coverOnly.id);
      expect(r.data!.galleryVideos.edges.map((e: any) => e.node)).toEqual([{ id: clip.id, url: "https://youtu.be/abc123", kind: "VIDEO", external: true }]);
    }
  });
});

describe("changing and deleting media", () => {
  it("updates the caption; a contributor may change only their own", async () => {
    const media = (await upload(png(2, 2), "chu-thich.png")).data!.uploadMedia;
    const r = await gql(t, UPDATE, { id: media.id, description: "  Chú thích mới  " }, { token: editor.token });
    expect(r.data!.updateMedia).toEqual({ id: media.id, description: "Chú thích mới" });
    expect(codes(await gql(t, UPDATE, { id: media.id, description: "x" }, { token: contributor.token }))).toEqual(["FORBIDDEN"]);
    expect(codes(await gql(t, DELETE, { id: media.id }, { token: contributor.token }))).toEqual(["FORBIDDEN"]);
  });

  it("refuses to delete media a published article shows (CONFLICT), and keeps its file", async () => {
    const cover = (await upload(png(8, 8), "dang-dung.png")).data!.uploadMedia;
    const attached = (await upload(pdf(), "dang-dung.pdf")).data!.uploadMedia;
    await article("bai-dang-dung-anh", true, { coverImageId: rawId(cover.id), attachmentIds: [rawId(attached.id)] });
    for (const media of [cover, attached]) {
      const r = await gql(t, DELETE, { id: media.id }, { token: editor.token });
      expect(codes(r)).toEqual(["CONFLICT"]);
      expect(r.errors![0]!.extensions!.articles).toEqual(["bai-dang-dung-anh"]);
      expect((await fetch(`${base}${media.url}`)).status).toBe(200);
    }
  });

  it("deletes unused media with its file; media only old versions name stays as a deleted record", async () => {
    const unused = (await upload(png(6, 6), "khong-dung.png")).data!.uploadMedia;
    const r = await gql(t, DELETE, { id: unused.id }, { token: editor.token });
    expect(r).toEqual({ data: { deleteMedia: unused.id } });
    expect((await fetch(`${base}${unused.url}`)).status).toBe(404);
    expect(existsSync(join(mediaDir, unused.url.slice("/media/".length)))).toBe(false);
    expect(await t.app.db.media.findUnique({ where: { id: rawId(unused.id) } })).toBeNull();
    const node = await gql(t, `query ($id: ID!) { node(id: $id) { id } }`, { id: unused.id }, { token: editor.token });
    expect(node.data!.node).toBeNull();
    expect(codes(await gql(t, DELETE, { id: unused.id }, { token: editor.token }))).toEqual(["NOT_FOUND"]);

    // An old version (1.0) used it; the current one (1.1) no longer does.
    const old = (await upload(png(6, 6), "phien-ban-cu.png")).data!.uploadMedia;
    const a = await article("bai-doi-anh", true, { coverImageId: rawId(old.id) });
    await t.app.db.$transaction(async (tx) => {
      const v = await writeVersion(tx, {
        articleId: a.id,
        major: 1,
        minor: 1,
        status: "DRAFT",
        content: content({ title: "Bài đổi ảnh" }),
        previous: null,
        comment: null,
        userId: editor.user.id,
        at: new Date("2026-11-02T00:00:00Z"),
      });
      await tx.article.update({ where: { id: a.id }, data: { currentVersionId: v.id, publishedVersionId: v.id } });
      await syncListing(tx, [a.id]);
    });
    const deleted = await gql(t, DELETE, { id: old.id }, { token: editor.token });
    expect(deleted.errors).toBeUndefined();
    const record = await t.app.db.media.findUniqueOrThrow({ where: { id: rawId(old.id) } });
    expect(record.deletedAt).not.toBeNull();
    expect((await fetch(`${base}${old.url}`)).status).toBe(404);
    expect((await gql(t, `query ($id: ID!) { node(id: $id) { id } }`, { id: old.id }, { token: editor.token })).data!.node).toBeNull();
    const library = await gql(t, LIBRARY, { first: 100 }, { token: editor.token });
    expect(library.data!.mediaLibrary.edges.map((e: any) => e.node.id)).not.toContain(old.id);
  });

  it("checks the media an article names, for the editorial workflow", async () => {
    const image = rawId((await upload(png(2, 2), "a.png")).data!.uploadMedia.id);
    const document = rawId((await upload(pdf(), "b.pdf")).data!.uploadMedia.id);
    const link = rawId((await gql(t, EXTERNAL, { url: "https://youtu.be/abcdef12" }, { token: editor.token })).data!.addExternalVideo.id);
    const gone = rawId((await upload(png(2, 2), "c.png")).data!.uploadMedia.id);
    await gql(t, DELETE, { id: Buffer.from(`Media:${gone}`).toString("base64") }, { token: editor.token });
    const db = t.app.db;
    expect(await checkArticleMedia(db, { coverImageId: image, galleryIds: [image, link], attachmentIds: [document] })).toEqual({ galleryImages: 1 });
    const failure = (refs: Parameters<typeof checkArticleMedia>[1]) =>
      checkArticleMedia(db, refs).then(
        () => null,
        (error: DomainError) => [error.kind, ...error.fields],
      );
    expect(await failure({ coverImageId: document })).toEqual(["INVALID", "coverImageId"]);
    expect(await failure({ coverImageId: gone })).toEqual(["INVALID", "coverImageId"]);
    expect(await failure({ galleryIds: [document] })).toEqual(["INVALID", "galleryIds"]);
    expect(await failure({ galleryIds: [image, image] })).toEqual(["INVALID", "galleryIds"]);
    expect(await failure({ attachmentIds: [link] })).toEqual(["INVALID", "attachmentIds"]);
    expect(await failure({ attachmentIds: ["khong-ton-tai"] })).toEqual(["INVALID", "attachmentIds"]);
  });

  it("rejects an ID of another type", async () => {
    const articleId = Buffer.from("Article:abc").toString("base64");
    expect(codes(await gql(t, DELETE, { id: articleId }, { token: editor.token }))).toEqual(["BAD_USER_INPUT"]);
  });
});
