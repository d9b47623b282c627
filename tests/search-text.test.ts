// Vietnamese folding, slugs and reader-query parsing (src/services/vietnamese.ts,
// src/services/search/query.ts). Pure text, plus one in-memory FTS5 database to
// prove the generated MATCH strings run and find the right articles.
import Database from "better-sqlite3";
import { foldVietnamese, slugify } from "../src/services/vietnamese";
import { htmlToText, searchColumns } from "../src/services/search/text";
import { parseSearchQuery, SEARCH_QUERY_LIMITS, toFts5Match, toPgTsQuery, type SearchQuery } from "../src/services/search/query";

const nfd = (text: string) => text.normalize("NFD");
const nfc = (text: string) => text.normalize("NFC");

// Only quoted groups of folded words, the last one optionally a prefix (` *`).
const SAFE_FTS5 = /^"[a-z0-9]+(?: [a-z0-9]+)*"(?: "[a-z0-9]+(?: [a-z0-9]+)*")*(?: \*)?$/;
const SAFE_TSQUERY_CHARS = /^[a-z0-9:*&<>\- ()]+$/;
// Structure too: lexeme, phrase (a <-> b ...) or prefix (a:*), joined by " & ".
const TSQUERY_ITEM = String.raw`[a-z0-9]+(?:(?: <-> [a-z0-9]+)+|:\*)?`;
const SAFE_TSQUERY = new RegExp(`^${TSQUERY_ITEM}(?: & ${TSQUERY_ITEM})*$`);

const HOSTILE = [
  '"',
  '""',
  '"""',
  '"kien tuong',
  'kien tuong"',
  '"kien" "tuong',
  "*",
  "kien*",
  "* kien",
  "-",
  "-kien",
  "kien -tuong",
  "--",
  "OR",
  "AND",
  "NOT",
  "kien OR tuong",
  "kien AND NOT tuong",
  "NEAR(",
  "NEAR(kien tuong, 2)",
  "NEAR",
  "^",
  "^kien",
  ":",
  "title:",
  "title:kien",
  "{title body}:kien",
  "body : tuong",
  "(",
  ")",
  "(kien",
  "kien) OR (tuong",
  "'; DROP TABLE x; --",
  "' OR 1=1 --",
  "\\",
  "kien\\",
  "%_",
  "\u0000kien\u0000",
  "kien & tuong | !da <-> nang:*",
  "a:* & b",
  "“Kiến Tường",
  "“Kiến Tường”",
  "„Đà Nẵng“",
  "\u200b\u00ad\ufeff",
  "😀 🇻🇳",
  "東京 서울 Москва",
  "\u0301\u0300\u0323",
];

// Parses (a throw fails the calling test) and checks both emitted expressions.
function expectSafe(input: string): SearchQuery | null {
  const query = parseSearchQuery(input);
  if (query !== null) {
    expect(toFts5Match(query)).toMatch(SAFE_FTS5);
    const tsquery = toPgTsQuery(query);
    expect(tsquery).toMatch(SAFE_TSQUERY_CHARS);
    expect(tsquery).toMatch(SAFE_TSQUERY);
  }
  return query;
}

function wordCount(query: SearchQuery): number {
  return query.terms.length + query.phrases.flat().length + (query.prefix === null ? 0 : 1);
}

function foldedChars(query: SearchQuery): number {
  return [...query.terms, ...query.phrases.flat(), ...(query.prefix === null ? [] : [query.prefix])].join("").length;
}

// Small deterministic PRNG (mulberry32), so fuzz failures reproduce.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUZZ_PIECES = [
  ..."\"“”*-^:()'; \t\n\\{}[],.+!&|<>%_=/".split(""),
  "OR",
  "AND",
  "NOT",
  "NEAR(",
  "title:",
  "body:",
  "kiến",
  "tường",
  "Đà",
  "NẴNG",
  "kien",
  "22/24",
  "\u0301",
  "\u0323",
  "đ",
  "Ð",
  "\u00ad",
  "😀",
  "東",
  " ",
  "  ",
];

function fuzzInputs(count: number, seed = 20240501): string[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(random() * 12);
    let text = "";
    for (let i = 0; i < length; i += 1) text += FUZZ_PIECES[Math.floor(random() * FUZZ_PIECES.length)];
    return text;
  });
}

describe("foldVietnamese", () => {
  it("folds NFC and NFD input identically", () => {
    const samples = [
      "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu",
      "Đà Nẵng",
      "Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Đắk Lắk",
      "Người dân phấn khởi đón Tết Nguyên Đán",
      "hoà thuý quả khoẻ",
    ];
    for (const sample of samples) {
      expect(nfc(sample)).not.toBe(nfd(sample));
      expect(foldVietnamese(nfd(sample))).toBe(foldVietnamese(nfc(sample)));
    }
  });

  it("removes case, tones and vowel marks", () => {
    expect(foldVietnamese("Kiến Tường")).toBe("kien tuong");
    expect(foldVietnamese("KIẾN TƯỜNG")).toBe("kien tuong");
    expect(foldVietnamese(nfd("KIẾN TƯỜNG"))).toBe("kien tuong");
    expect(foldVietnamese("kien tuong")).toBe("kien tuong");
    expect(foldVietnamese("Đà Nẵng")).toBe("da nang");
    expect(foldVietnamese("ĐÀ NẴNG")).toBe("da nang");
    expect(foldVietnamese("đường Đồng Khởi")).toBe("duong dong khoi");
  });

  it("folds every Vietnamese vowel with every tone, in both cases, to its base vowel", () => {
    const vowels: Array<[string, string]> = [
      ["a", "a"],
      ["ă", "a"],
      ["â", "a"],
      ["e", "e"],
      ["ê", "e"],
      ["i", "i"],
      ["o", "o"],
      ["ô", "o"],
      ["ơ", "o"],
      ["u", "u"],
      ["ư", "u"],
      ["y", "y"],
    ];
    const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]; // ngang huyền sắc ngã hỏi nặng
    for (const [vowel, base] of vowels) {
      for (const tone of tones) {
        const letter = nfc(vowel + tone);
        expect(letter).toHaveLength(1); // each combination is one precomposed letter
        for (const form of [letter, letter.toUpperCase(), nfd(letter), nfd(letter.toUpperCase())]) {
          expect(foldVietnamese(form)).toBe(base);
        }
      }
    }
  });

  it("treats old and new tone placement as equal", () => {
    const pairs: Array<[string, string]> = [
      ["hoà", "hòa"],
      ["thuý", "thúy"],
      ["quả", "qủa"],
      ["hoạ", "họa"],
      ["khoẻ", "khỏe"],
      ["Thanh Hoá", "Thanh Hóa"],
      ["HOÀ BÌNH", "Hòa Bình"],
    ];
    for (const [oldStyle, newStyle] of pairs) {
      expect(foldVietnamese(oldStyle)).toBe(foldVietnamese(newStyle));
      expect(foldVietnamese(nfd(oldStyle))).toBe(foldVietnamese(newStyle));
    }
    expect(foldVietnamese("hoà")).toBe("hoa");
    expect(foldVietnamese("thuý")).toBe("thuy");
    expect(foldVietnamese("qủa")).toBe("qua");
  });

  it("maps đ/Đ and its look-alikes to d", () => {
    expect(foldVietnamese("đ Đ")).toBe("d d");
    expect(foldVietnamese("Ðà Nẵng")).toBe("da nang"); // Icelandic Eth U+00D0 typed for Đ
    expect(foldVietnamese("Ɖà Nẵng")).toBe("da nang"); // African D U+0189
  });

  it("folds other Latin diacritics and compatibility forms", () => {
    expect(foldVietnamese("Crème Brûlée, Ærø, Łódź, Straße, Øresund, Þór")).toBe("creme brulee aero lodz strasse oresund thor");
    expect(foldVietnamese("Ｋｉｅｎ ２２／２４")).toBe("kien 22 24"); // full-width
    expect(foldVietnamese("ﬁnal İstanbul")).toBe("final istanbul");
  });

  it("turns punctuation into single spaces and keeps only [a-z0-9 ]", () => {
    expect(foldVietnamese("  Kiến   Tường:\tthực-hiện (22/24)...\n")).toBe("kien tuong thuc hien 22 24");
    expect(foldVietnamese("'; DROP TABLE x; --")).toBe("drop table x");
    expect(foldVietnamese("")).toBe("");
    expect(foldVietnamese(" \t\n ")).toBe("");
    expect(foldVietnamese("東京 😀 !!!")).toBe("");
    for (const input of [...HOSTILE, ...fuzzInputs(500)]) {
      expect(foldVietnamese(input)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
    }
  });

  it("keeps words whole across invisible format characters", () => {
    expect(foldVietnamese("Kiến\u00adTường")).toBe("kientuong"); // soft hyphen is invisible
    expect(foldVietnamese("Tư\u200dờng \ufeffĐà")).toBe("tuong da");
  });
});

describe("slugify", () => {
  it("builds slugs from folded words", () => {
    expect(slugify("Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu")).toBe("kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu");
    expect(slugify(nfd("Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu"))).toBe("kien-tuong-thuc-hien-dat-va-vuot-22-24-chi-tieu");
    expect(slugify("Đà Nẵng đón khách dịp lễ 30/4 - 1/5!")).toBe("da-nang-don-khach-dip-le-30-4-1-5");
    expect(slugify("  --Hoà Bình--  ")).toBe("hoa-binh");
  });

  it("cuts at a word boundary within maxLength", () => {
    expect(slugify("Kiến Tường thực hiện", 10)).toBe("kien-tuong");
    expect(slugify("Kiến Tường thực hiện", 12)).toBe("kien-tuong");
    expect(slugify("Kiến Tường thực hiện", 9)).toBe("kien");
    const long = slugify("Ủy ban nhân dân tỉnh ".repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(`${long}-`).toBe("uy-ban-nhan-dan-tinh-".repeat(20).slice(0, long.length + 1));
  });

  it("cuts a single over-long word instead of returning an empty slug", () => {
    expect(slugify("a".repeat(100), 10)).toBe("a".repeat(10));
    expect(slugify("Nghiêng", 3)).toBe("ngh");
  });

  it("returns an empty string when there are no letters or digits", () => {
    expect(slugify("")).toBe("");
    expect(slugify("   ")).toBe("");
    expect(slugify("!!! --- ///")).toBe("");
    expect(slugify("東京 😀")).toBe("");
  });

  it("only ever produces [a-z0-9-] without leading, trailing or double hyphens", () => {
    for (const input of [...HOSTILE, ...fuzzInputs(500, 7)]) {
      expect(slugify(input)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
    }
  });
});

describe("parseSearchQuery", () => {
  it("returns null when nothing searchable remains", () => {
    for (const input of ["", " ", "   \t\n  ", '"', '""', "* - ^ : ( )", "--", "東京", "\u0301"]) {
      expect(parseSearchQuery(input)).toBeNull();
    }
  });

  it("requires every word and matches the word being typed as a prefix", () => {
    expect(parseSearchQuery("kien tuong")).toEqual({ terms: ["kien"], phrases: [], prefix: "tuong" });
    expect(parseSearchQuery("Kiến Tường")).toEqual({ terms: ["kien"], phrases: [], prefix: "tuong" });
    expect(parseSearchQuery(nfd("KIẾN TƯỜNG"))).toEqual({ terms: ["kien"], phrases: [], prefix: "tuong" });
    expect(parseSearchQuery("  da   nang")).toEqual({ terms: ["da"], phrases: [], prefix: "nang" });
  });

  it("has no prefix once the input ends with whitespace, a closing quote or punctuation", () => {
    expect(parseSearchQuery("kien tuong ")).toEqual({ terms: ["kien", "tuong"], phrases: [], prefix: null });
    expect(parseSearchQuery("kien tuong\n")).toEqual({ terms: ["kien", "tuong"], phrases: [], prefix: null });
    expect(parseSearchQuery("kien tuong.")).toEqual({ terms: ["kien", "tuong"], phrases: [], prefix: null });
    expect(parseSearchQuery('da "kien tuong"')).toEqual({ terms: ["da"], phrases: [["kien", "tuong"]], prefix: null });
  });

  it("keeps quoted parts as phrases, straight or typographic quotes", () => {
    expect(parseSearchQuery('"Kiến Tường" đà')).toEqual({ terms: [], phrases: [["kien", "tuong"]], prefix: "da" });
    expect(parseSearchQuery("“Kiến Tường” đà ")).toEqual({ terms: ["da"], phrases: [["kien", "tuong"]], prefix: null });
    expect(parseSearchQuery('"đà nẵng" "kiến tường"')).toEqual({
      terms: [],
      phrases: [
        ["da", "nang"],
        ["kien", "tuong"],
      ],
      prefix: null,
    });
    // A one-word phrase is just a required word.
    expect(parseSearchQuery('"Kiến"')).toEqual({ terms: ["kien"], phrases: [], prefix: null });
  });

  it("treats unbalanced quotes as text", () => {
    expect(parseSearchQuery('"kien tuong')).toEqual({ terms: ["kien"], phrases: [], prefix: "tuong" });
    expect(parseSearchQuery('kien tuong" ')).toEqual({ terms: ["kien", "tuong"], phrases: [], prefix: null });
    expect(parseSearchQuery('"da nang" "kien')).toEqual({ terms: [], phrases: [["da", "nang"]], prefix: "kien" });
  });

  it("keeps a token joined by punctuation (22/24, COVID-19) as a phrase", () => {
    expect(parseSearchQuery("22/24")).toEqual({ terms: [], phrases: [["22", "24"]], prefix: null });
    expect(parseSearchQuery("ngày 30/4 ")).toEqual({ terms: ["ngay"], phrases: [["30", "4"]], prefix: null });
    expect(parseSearchQuery("COVID-19 Đà")).toEqual({ terms: [], phrases: [["covid", "19"]], prefix: "da" });
  });

  it("drops duplicate words and phrases", () => {
    expect(parseSearchQuery("kiến KIEN Kiến ")).toEqual({ terms: ["kien"], phrases: [], prefix: null });
    expect(parseSearchQuery("kien kien")).toEqual({ terms: ["kien"], phrases: [], prefix: null });
    expect(parseSearchQuery('"da nang" "Đà Nẵng" ')).toEqual({ terms: [], phrases: [["da", "nang"]], prefix: null });
  });

  it("treats operators, column filters and SQL as plain text", () => {
    expect(parseSearchQuery("kien OR tuong ")).toEqual({ terms: ["kien", "or", "tuong"], phrases: [], prefix: null });
    expect(parseSearchQuery("NOT kien AND ")).toEqual({ terms: ["not", "kien", "and"], phrases: [], prefix: null });
    expect(parseSearchQuery("'; DROP TABLE x; --")).toEqual({ terms: ["drop", "table", "x"], phrases: [], prefix: null });
    expect(parseSearchQuery("kien*")).toEqual({ terms: ["kien"], phrases: [], prefix: null });
    expect(parseSearchQuery("title:kien")).toEqual({ terms: [], phrases: [["title", "kien"]], prefix: null });
  });

  it("never throws on hostile input and only yields safe output", () => {
    for (const input of HOSTILE) expectSafe(input);
  });

  it("never throws on fuzzed input and only yields safe output", () => {
    for (const input of fuzzInputs(3000)) expectSafe(input);
  });

  it("never throws on non-string input from untyped callers", () => {
    expect(parseSearchQuery(undefined as unknown as string)).toBeNull();
    expect(parseSearchQuery(null as unknown as string)).toBeNull();
    expect(parseSearchQuery(42 as unknown as string)).toBeNull();
  });

  it("caps a 10,000-character query quickly", () => {
    const inputs = [
      "kiến tường ".repeat(1000),
      "Kiến Tường Đà Nẵng Hoà Bình Thừa Thiên Huế 22/24 ".repeat(210),
      "a".repeat(10_000),
      "ab ".repeat(3334),
      '"'.repeat(10_000),
      '"kien tuong" '.repeat(800),
      "NEAR(".repeat(2000),
      "\u0301".repeat(10_000),
      "x".repeat(9_999) + " kien",
      fuzzInputs(2000, 99).join(" ").slice(0, 10_000),
    ];
    for (const input of inputs) expect(input.length).toBeGreaterThanOrEqual(9_999);

    const started = performance.now();
    for (let round = 0; round < 20; round += 1) {
      for (const input of inputs) {
        const query = expectSafe(input);
        if (query !== null) {
          expect(wordCount(query)).toBeLessThanOrEqual(SEARCH_QUERY_LIMITS.words);
          expect(foldedChars(query)).toBeLessThanOrEqual(SEARCH_QUERY_LIMITS.foldedChars);
        }
      }
    }
    expect(performance.now() - started).toBeLessThan(2000);

    // Repeated words collapse to one term; distinct words stop at the cap.
    expect(parseSearchQuery("kiến tường ".repeat(1000))).toEqual({ terms: ["kien", "tuong"], phrases: [], prefix: null });
    const distinct = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(" ");
    const capped = parseSearchQuery(distinct);
    expect(capped?.terms).toHaveLength(SEARCH_QUERY_LIMITS.words);
    expect(capped?.prefix).toBeNull();
  });

  it("cuts a long phrase to its leading words rather than dropping it", () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const query = parseSearchQuery(`"${words.join(" ")}"`);
    expect(query).toEqual({ terms: [], phrases: [words.slice(0, SEARCH_QUERY_LIMITS.words)], prefix: null });
  });
});

describe("toFts5Match and toPgTsQuery", () => {
  it("quote every word, join phrases and mark the prefix", () => {
    const query: SearchQuery = {
      terms: ["da", "or"],
      phrases: [
        ["kien", "tuong"],
        ["22", "24"],
      ],
      prefix: "na",
    };
    expect(toFts5Match(query)).toBe('"da" "or" "kien tuong" "22 24" "na" *');
    expect(toPgTsQuery(query)).toBe("da & or & kien <-> tuong & 22 <-> 24 & na:*");
    expect(toFts5Match({ terms: ["kien"], phrases: [], prefix: null })).toBe('"kien"');
    expect(toPgTsQuery({ terms: [], phrases: [], prefix: "ki" })).toBe("ki:*");
  });

  it("restrict the whole query to columns (FTS5) or weights (PostgreSQL)", () => {
    const query: SearchQuery = { terms: ["da"], phrases: [["kien", "tuong"]], prefix: "na" };
    expect(toFts5Match(query, ["searchTitle", "searchSummary"])).toBe('{searchTitle searchSummary} : ("da" "kien tuong" "na" *)');
    expect(toPgTsQuery(query, "A")).toBe("da:A & kien:A <-> tuong:A & na:*A");
    expect(() => toFts5Match(query, ["title} : x"])).toThrow();
    expect(() => toPgTsQuery(query, "A') OR 1=1 --")).toThrow();
  });

  it("refuse hand-built queries with unfolded words or nothing in them", () => {
    const unsafe: SearchQuery[] = [
      { terms: ['kien" OR "x'], phrases: [], prefix: null },
      { terms: ["Kiến"], phrases: [], prefix: null },
      { terms: [""], phrases: [], prefix: null },
      { terms: [], phrases: [["kien", "tuong) | (x"]], prefix: null },
      { terms: [], phrases: [[]], prefix: null },
      { terms: [], phrases: [], prefix: "a:*" },
      { terms: ["kien\n"], phrases: [], prefix: null },
      { terms: [], phrases: [], prefix: null },
    ];
    for (const query of unsafe) {
      expect(() => toFts5Match(query)).toThrow();
      expect(() => toPgTsQuery(query)).toThrow();
    }
  });
});

describe("generated MATCH strings against SQLite FTS5", () => {
  const articles: Array<[number, string, string]> = [
    [1, "Kiến Tường: Thực hiện đạt và vượt 22/24 chỉ tiêu", "Thị xã Kiến Tường tổng kết năm"],
    [2, "Đà Nẵng đón khách dịp lễ 30/4", "Du khách đến Đà Nẵng tăng mạnh"],
    [3, "Kiểm tra tường rào trường học", "Kiểm tra an toàn trước năm học mới"],
    [4, "Người cao tuổi tham gia hội thao", "Hội người cao tuổi huyện tổ chức giải"],
    [5, nfd("Hoà Bình: khoẻ mạnh mỗi ngày"), "Phong trào thể thao ở Hoà Bình"],
    [6, "Tường thuật trực tiếp phiên họp", "Cử tri theo dõi phiên họp"],
  ];
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')");
  const insert = db.prepare("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)");
  for (const [id, title, body] of articles) insert.run(id, foldVietnamese(title), foldVietnamese(body));
  const select = db.prepare<[string], { rowid: number }>("SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid");

  function search(input: string): number[] {
    const query = parseSearchQuery(input);
    return query === null ? [] : select.all(toFts5Match(query)).map((row) => row.rowid);
  }

  afterAll(() => db.close());

  it("restricts a MATCH to the title column with a column filter", () => {
    const query = parseSearchQuery("kiem tra tru")!;
    const inTitle = select.all(toFts5Match(query, ["title"])).map((row) => row.rowid);
    expect(inTitle).toEqual([3]);
    expect(select.all(toFts5Match(parseSearchQuery("nam")!, ["title"]))).toEqual([]);
    expect(search("nam")).toEqual([1, 3]);
  });

  it("finds the same article for every spelling of Kiến Tường", () => {
    for (const input of ["kien tuong", "KIẾN TƯỜNG", "Kiến Tường", nfd("Kiến Tường"), "kien tuong ", "tuong kien"]) {
      expect(search(input)).toEqual([1]);
    }
  });

  it('finds "Đà Nẵng" from "da nang" and tone placement variants', () => {
    expect(search("da nang")).toEqual([2]);
    expect(search("ĐÀ NẴNG ")).toEqual([2]);
    expect(search("hòa bình khỏe")).toEqual([5]); // stored with the old placement "hoà", "khoẻ"
    expect(search("hoà bình khoẻ ")).toEqual([5]);
  });

  it("matches the last word as a prefix only", () => {
    expect(search("kien tu")).toEqual([1]);
    expect(search("da na")).toEqual([2]);
    expect(search("tuo")).toEqual([1, 3, 4, 6]); // tuong, tuoi
    expect(search("tuo ")).toEqual([]); // a finished word is matched whole
  });

  it("does not match similar words", () => {
    expect(search("tuong")).toEqual([1, 3, 6]); // not "tuoi" (4)
    expect(search("tuoi")).toEqual([4]);
    expect(search("kien tra")).toEqual([]); // "kien" must not match "kiem" (3)
    expect(search("kiem tra")).toEqual([3]);
    expect(search("kien ")).toEqual([1]);
  });

  it("matches quoted and punctuation-joined phrases in order", () => {
    expect(search('"kien tuong"')).toEqual([1]);
    expect(search('"tuong kien"')).toEqual([]);
    expect(search("22/24")).toEqual([1]);
    expect(search("24/22")).toEqual([]);
    expect(search("30/4 da nang")).toEqual([2]);
    expect(search('"kiem tra" truong')).toEqual([3]);
  });

  it("runs every hostile and fuzzed query without an error", () => {
    for (const input of [...HOSTILE, ...fuzzInputs(1000, 3)]) {
      expect(() => search(input)).not.toThrow();
    }
    expect(search("kien OR da")).toEqual([]); // OR is a word here, not an operator
    expect(search("NOT kien")).toEqual([]);
    expect(search("title:kien")).toEqual([]); // no column filter: "title kien" is a phrase
    expect(search("'; DROP TABLE article_fts; --")).toEqual([]);
    expect(select.all('"kien"')).toEqual([{ rowid: 1 }]); // the table is still there
  });

  it("would fail or misbehave if raw input reached MATCH (the test can tell)", () => {
    expect(() => select.all("kien AND")).toThrow();
    expect(() => select.all('"kien')).toThrow();
    expect(() => select.all("NEAR(")).toThrow();
    expect(select.all("kien OR da").length).toBeGreaterThan(0);
  });
});

describe("htmlToText and searchColumns (the stored side)", () => {
  it("decodes entities instead of indexing them as words", () => {
    expect(foldVietnamese(htmlToText("<p>Kinh t&#7871; &amp; x&atilde; h&#x1ed9;i</p>"))).toBe("kinh te xa hoi");
    expect(foldVietnamese(htmlToText("Trường&nbsp;học"))).toBe("truong hoc");
  });

  it("breaks words at block tags, not at inline ones, and drops scripts, comments and attributes", () => {
    const html =
      "<p>một</p><p>hai</p><div>ba<br>bốn</div> Kiến <b>Tường</b> Ki<i>ến</i><!-- ẩn --><script>var an = 1</script>" +
      '<a href="https://x.vn/dang-nhap" title="tiêu đề ẩn">liên kết</a>';
    expect(foldVietnamese(htmlToText(html))).toBe("mot hai ba bon kien tuong kien lien ket");
  });

  it("folds title, summary and body into the search columns", () => {
    expect(searchColumns({ title: "Đà Nẵng", summary: null, body: "<p>Hoà &amp; hòa</p>" })).toEqual({
      searchTitle: "da nang",
      searchSummary: "",
      searchBody: "hoa hoa",
    });
  });
});
