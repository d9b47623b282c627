// Turns what a reader typed into a full-text query for SQLite FTS5 or PostgreSQL.
// The reader's text is never passed through: it is folded to ASCII words
// (foldVietnamese, the same folding as the stored index) and the expressions are
// rebuilt from those words only, so quotes, operators, column filters and SQL in
// the input are plain text and cannot fail or change the query.
import { foldVietnamese } from "../vietnamese";

/** A parsed reader query; every word is folded ASCII [a-z0-9]+. */
export interface SearchQuery {
  /** Single words, all required, in any order. */
  terms: string[];
  /** Word sequences (two or more words) that must appear adjacent and in order. */
  phrases: string[][];
  /** The word being typed, matched as a word prefix (search as you type). */
  prefix: string | null;
}

// Caps keep a hostile 10,000-character query as cheap as a normal one: only the
// head of the input is folded, and the generated expression stays small.
export const SEARCH_QUERY_LIMITS = {
  /** Raw input characters looked at; the rest is ignored before any work. */
  inputChars: 1024,
  /** Words across terms, phrases and prefix. */
  words: 32,
  /** Folded characters across all those words. */
  foldedChars: 256,
} as const;

// Straight and typographic quotes: phones and word processors turn " into “ ”.
const QUOTED_PART = /["“”„]([^"“”„]*)["“”„]/g;
// The input ends inside a word, so the reader may still be typing it.
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;
const SAFE_WORD = /^[a-z0-9]+$/;

interface Part {
  quoted: boolean;
  text: string;
}

/** A phrase (or a single word) found in the input, before caps are applied. */
interface Item {
  words: string[];
  /** Last bare token of an input ending mid-word: may become the prefix. */
  open: boolean;
}

function foldWords(text: string): string[] {
  return foldVietnamese(text)
    .split(" ")
    .filter((word) => word.length > 0);
}

/** Splits off balanced quoted parts; an unpaired quote stays in the bare text, where folding makes it a separator. */
function splitQuotedParts(text: string): Part[] {
  const parts: Part[] = [];
  let bareStart = 0;
  for (const match of text.matchAll(QUOTED_PART)) {
    parts.push({ quoted: false, text: text.slice(bareStart, match.index) });
    parts.push({ quoted: true, text: match[1] ?? "" });
    bareStart = match.index + match[0].length;
  }
  parts.push({ quoted: false, text: text.slice(bareStart) });
  return parts;
}

/**
 * One item per quoted part and per whitespace-separated bare token. A bare token
 * that folds to several words ("22/24", "COVID-19", "H'Mông") is kept as a
 * phrase: its words are adjacent in the stored text too, and "30/4" as two
 * independent words would match almost every article.
 */
function toItems(parts: Part[], endsOpen: boolean): Item[] {
  const items: Item[] = [];
  parts.forEach((part, partIndex) => {
    if (part.quoted) {
      items.push({ words: foldWords(part.text), open: false });
      return;
    }
    const tokens = part.text.split(/\s+/).filter((token) => token.length > 0);
    const lastPart = partIndex === parts.length - 1;
    tokens.forEach((token, tokenIndex) => {
      const open = endsOpen && lastPart && tokenIndex === tokens.length - 1;
      items.push({ words: foldWords(token), open });
    });
  });
  return items.filter((item) => item.words.length > 0);
}

/**
 * Parses a reader's query; null when nothing searchable remains (empty input,
 * only punctuation or non-Latin symbols). Never throws.
 */
export function parseSearchQuery(input: string): SearchQuery | null {
  if (typeof input !== "string") return null;
  const truncated = input.length > SEARCH_QUERY_LIMITS.inputChars;
  const text = input.slice(0, SEARCH_QUERY_LIMITS.inputChars);
  // A token cut by truncation is a prefix of the real word, so it stays open.
  const endsOpen = truncated || ENDS_IN_WORD.test(text);

  const terms = new Set<string>();
  const phrases = new Map<string, string[]>();
  let prefix: string | null = null;
  let wordsLeft: number = SEARCH_QUERY_LIMITS.words;
  let charsLeft: number = SEARCH_QUERY_LIMITS.foldedChars;

  for (const item of toItems(splitQuotedParts(text), endsOpen)) {
    // Take whole words while the budget lasts; a phrase cut short is still a
    // correct (looser) condition, a word cut short would not be.
    const kept: string[] = [];
    for (const word of item.words) {
      if (wordsLeft === 0 || word.length > charsLeft) break;
      kept.push(word);
      wordsLeft -= 1;
      charsLeft -= word.length;
    }
    const [first] = kept;
    if (kept.length >= 2) phrases.set(kept.join(" "), kept);
    else if (first !== undefined && item.open && item.words.length === 1) prefix = first;
    else if (first !== undefined) terms.add(first);
    if (kept.length < item.words.length) break;
  }

  // "kien kien" needs no prefix: the required term already implies it.
  if (prefix !== null && terms.has(prefix)) prefix = null;
  if (terms.size === 0 && phrases.size === 0 && prefix === null) return null;
  return { terms: [...terms], phrases: [...phrases.values()], prefix };
}

// The emitters below re-check every word, so even a SearchQuery built by hand
// (not by parseSearchQuery) cannot smuggle operators into the expression.
function safeWord(word: string): string {
  if (!SAFE_WORD.test(word)) throw new TypeError(`search query word is not folded [a-z0-9]+: ${JSON.stringify(word)}`);
  return word;
}

function safePhrase(words: string[]): string[] {
  if (words.length === 0) throw new TypeError("search query phrase is empty");
  return words.map(safeWord);
}

function nonEmpty(parts: string[], target: string): string[] {
  // An empty expression is a syntax error in both engines; parseSearchQuery
  // returns null instead, so an empty SearchQuery here is a caller bug.
  if (parts.length === 0) throw new RangeError(`${target}: empty SearchQuery (parseSearchQuery returns null for that)`);
  return parts;
}

/**
 * FTS5 MATCH expression: every word inside a double-quoted string (so no word is
 * ever read as an operator or column filter), phrases as one quoted string, the
 * prefix as `"word" *`, joined by spaces (implicit AND). Meant for a table
 * holding folded text, tokenised with `unicode61 remove_diacritics 0`.
 */
export function toFts5Match(query: SearchQuery, columns?: readonly string[]): string {
  const parts = [
    ...query.terms.map((term) => `"${safeWord(term)}"`),
    ...query.phrases.map((phrase) => `"${safePhrase(phrase).join(" ")}"`),
    ...(query.prefix === null ? [] : [`"${safeWord(query.prefix)}" *`]),
  ];
  const expression = nonEmpty(parts, "toFts5Match").join(" ");
  if (columns === undefined) return expression;
  // A column filter: the whole query must match within these columns (the
  // search ranks "found in the title" before "found in title or summary").
  return `{${columns.map(safeColumn).join(" ")}} : (${expression})`;
}

const SAFE_COLUMN = /^[A-Za-z_][A-Za-z0-9_]*$/;
function safeColumn(column: string): string {
  if (!SAFE_COLUMN.test(column)) throw new TypeError(`not a column name: ${JSON.stringify(column)}`);
  return column;
}

/**
 * Text for PostgreSQL `to_tsquery('simple', $1)` against a tsvector of folded
 * text: bare lexemes, phrases joined by `<->`, the prefix as `word:*`, all joined
 * by ` & `. ('simple' has no stop words, so no lexeme is silently dropped.)
 */
export function toPgTsQuery(query: SearchQuery, weights?: string): string {
  // Weight labels restrict every lexeme to the parts of a tsvector written with
  // those weights: "kien:A" is "kien" in the part labelled A (the title).
  if (weights !== undefined && !/^[ABCD]{1,4}$/.test(weights)) throw new TypeError(`not tsquery weights: ${JSON.stringify(weights)}`);
  const label = weights ? `:${weights}` : "";
  const parts = [
    ...query.terms.map((term) => `${safeWord(term)}${label}`),
    ...query.phrases.map((phrase) =>
      safePhrase(phrase)
        .map((word) => `${word}${label}`)
        .join(" <-> "),
    ),
    ...(query.prefix === null ? [] : [`${safeWord(query.prefix)}:*${weights ?? ""}`]),
  ];
  return nonEmpty(parts, "toPgTsQuery").join(" & ");
}
