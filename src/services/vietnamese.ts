// Vietnamese text folding. The stored full-text index and every reader query go
// through foldVietnamese, so "Kiến Tường", "KIẾN TƯỜNG" and "kien tuong" meet on
// the same ASCII words. Any asymmetry between the two sides would show up as
// missed articles, so nothing else may normalise search text.

// Latin letters that NFKD leaves without a combining mark, so stripping marks
// does not reach them. Keys are lower-case because folding lower-cases first.
const STANDALONE_LETTERS: Readonly<Record<string, string>> = {
  đ: "d", // Vietnamese đ (U+0111) is its own letter in Unicode, not d + mark
  ð: "d", // Icelandic eth (Ð U+00D0) is a common look-alike typed for Đ
  ɖ: "d", // African D (Ɖ U+0189), another Đ look-alike
  ħ: "h",
  ı: "i",
  ł: "l",
  ø: "o",
  ŧ: "t",
  ƀ: "b",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};
const STANDALONE_LETTER = new RegExp(`[${Object.keys(STANDALONE_LETTERS).join("")}]`, "gu");

// Every combining mark, not only U+0300–U+036F: marks from other blocks must not
// survive to be turned into spaces, which would split a word in two.
const COMBINING_MARK = /\p{M}/gu;
// Soft hyphens, zero-width joiners and BOMs pasted from word processors sit
// invisibly inside words; dropping them keeps the word whole.
const FORMAT_CHAR = /\p{Cf}/gu;
const NON_ALPHANUMERIC_RUN = /[^a-z0-9]+/g;

/**
 * Folds text to lower-case ASCII words separated by single spaces: tones and vowel
 * marks removed, đ → d, punctuation → space. Input may be NFC or NFD.
 *
 * Old and new tone placement ("hoà" / "hòa", "thuý" / "thúy", "qủa" / "quả") fold
 * equal because every tone mark is removed: where it sat no longer matters.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      // NFKD rather than NFD: also decomposes compatibility forms a phone
      // keyboard or PDF copy can produce (full-width "２２", ligature "ﬁ").
      .normalize("NFKD")
      .toLowerCase()
      .replace(COMBINING_MARK, "")
      .replace(FORMAT_CHAR, "")
      .replace(STANDALONE_LETTER, (letter) => STANDALONE_LETTERS[letter] ?? " ")
      .replace(NON_ALPHANUMERIC_RUN, " ")
      .trim()
  );
}

/**
 * URL slug of the folded words joined by "-", at most maxLength characters, cut at
 * a word boundary. A first word longer than maxLength is cut rather than dropped,
 * so the slug is empty only when the text has no letters or digits at all; the
 * caller decides what to do then (fallback slug, validation error).
 */
export function slugify(text: string, maxLength = 80): string {
  const limit = Number.isNaN(maxLength) ? 80 : Math.max(1, Math.floor(maxLength));
  const words = foldVietnamese(text)
    .split(" ")
    .filter((word) => word.length > 0);
  let slug = "";
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > limit) break;
    slug = longer;
  }
  return slug || (words[0] ?? "").slice(0, limit);
}
