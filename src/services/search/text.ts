// The stored side of full-text search: what goes into ArticleVersion.searchTitle,
// searchSummary and searchBody. The query side is ./query.ts; both fold with
// foldVietnamese, so they meet on the same ASCII words.
import { Parser } from "htmlparser2";
import { foldVietnamese } from "../vietnamese";

// Elements that do not break a word: "Kiến <b>Tường</b>" and "Ki<i>ến</i>" are
// written inside running text. Every other tag ends the word before it, so
// "<p>một</p><p>hai</p>" gives two words, not "mothai".
const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "dfn",
  "em",
  "font",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "wbr",
]);
// Their text is not part of the article.
const SKIPPED = new Set(["script", "style", "template", "noscript"]);

/**
 * The text of an HTML fragment, entities decoded ("&amp;" is "&", not the word
 * "amp"; "&#7871;" is "ế"), tags turned into word breaks except inline ones.
 * Uses a real HTML tokenizer, so comments, CDATA and attributes never leak in.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping += 1;
        if (!INLINE.has(name)) out.push(" ");
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (!INLINE.has(name)) out.push(" ");
      },
      ontext(text) {
        if (skipping === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out.join("");
}

/** The folded search columns of a version's content. */
export function searchColumns(content: { title: string; summary: string | null; body: string }) {
  return {
    searchTitle: foldVietnamese(content.title),
    // The summary is plain text, but old imports carry entities and stray tags.
    searchSummary: content.summary ? foldVietnamese(htmlToText(content.summary)) : "",
    searchBody: foldVietnamese(htmlToText(content.body)),
  };
}
