/**
 * Japanese text rules: the search key, kana checks, and the text checks imports share.
 *
 * Stored names are never normalised: NFKC would turn 塚 (U+FA10) into 塚 (U+585A) and drop nothing
 * visible, yet the person's registered name (戸籍) is the one with the variant. Only the derived
 * search key goes through `normalizeForSearch`.
 */

// Pairs that decode differently depending on the converter that produced the file (JIS X 0208
// mapping vs Microsoft CP932 mapping), so two spellings of one typed character must compare equal.
const waveDashes = /[\u301C\uFF5E\u007E\u2053\u223C]/gu;
const dashes = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\uFE58\uFE63\u002D]/gu;
// 〜 is the JIS form, ～ the CP932 form; − (U+2212) the JIS minus, － (U+FF0D) CP932's; ― / — likewise.

// U+FE00–FE0F standard variation selectors, U+E0100–E01EF ideographic variation selectors (IVS).
const variationSelectors = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const whitespace = /[\s\u200B\uFEFF]/gu;
const hiragana = /[\u3041-\u3096\u309D\u309E]/gu;

/** Hiragana → katakana; everything else unchanged (ゝゞ become ヽヾ). */
export function toKatakana(text: string): string {
  return text.replace(hiragana, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
}

/**
 * Folds the look-alike dash and wave-dash characters to ASCII '-' and '~'. Used before matching codes
 * and employee numbers typed or converted by different tools.
 */
export function unifyLookalikePunctuation(text: string): string {
  return text.replace(waveDashes, '~').replace(dashes, '-');
}

/**
 * The key for one search column over name, kana and employee number: NFKC (full-width ASCII and
 * half-width kana fold), lower case, hiragana → katakana, no spaces, look-alike dashes and wave
 * dashes unified, variation selectors dropped. Apply the same function to the query.
 * Note that NFKC also folds CJK compatibility ideographs (塚 → 塚), which is what search wants.
 */
export function normalizeForSearch(text: string): string {
  const folded = text.normalize('NFKC').replace(variationSelectors, '').toLowerCase();
  return unifyLookalikePunctuation(toKatakana(folded)).replace(whitespace, '');
}

// Katakana U+30A1–30FA, ・ U+30FB (between the parts of foreign names), ー U+30FC, ヽヾ U+30FD–30FE;
// hiragana U+3041–3096, ゝゞ U+309D–309E; ASCII and ideographic space.
const kanaOnly = /^[\u30A1-\u30FE\u3041-\u3096\u309D\u309E \u3000]+$/u;

/**
 * For validating reading (カナ) columns: full-width katakana, hiragana, ー, ・ and spaces only, and
 * at least one kana. Half-width katakana is not accepted here; normalise with `normalizeKana` first.
 */
export function isKana(text: string): boolean {
  return kanaOnly.test(text) && text.trim() !== '';
}

/**
 * The stored form of a reading: NFKC (half-width ｶﾅ → カナ, full-width space → space), katakana,
 * trimmed, runs of spaces collapsed. Readings are for sorting and search, so folding them is safe.
 */
export function normalizeKana(text: string): string {
  return toKatakana(text.normalize('NFKC')).trim().replace(/ {2,}/gu, ' ');
}

// C0 and C1 controls, DEL, and the bidirectional controls that can make a name display as something
// else (Trojan Source). Variation selectors and ZWJ are deliberately absent: names legitimately carry
// IVS, and tab/newline are controls too, so a name may never contain them.
const disallowedControl = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB]/u;

/** The first control or bidi-override character in `text`, if any. */
export function findControlCharacter(text: string): string | undefined {
  return disallowedControl.exec(text)?.[0];
}

// Private use areas: CP932 user-defined characters (外字, F040–F9FC) decode to U+E000–E757, and
// vendor gaiji fonts use the supplementary planes. They show as nothing or as the wrong glyph on any
// other computer, so a name written with them must be corrected at the source.
const privateUse = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;

/** The first private-use (外字) character in `text`, if any. */
export function findPrivateUseCharacter(text: string): string | undefined {
  return privateUse.exec(text)?.[0];
}

/**
 * True when a spreadsheet would read the text as a formula: it starts with = + - @, tab or CR, or a
 * full-width ＝ ＋ － ＠ (Excel's Japanese IME input converts them). OWASP "CSV Injection".
 */
export function startsWithFormulaPrefix(text: string): boolean {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text);
}

/** Length in Unicode code points, so 𠮷 counts as one character, as people count it. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** 'U+20BB7' — how unencodable or rejected characters are named in reports. */
export function formatCodePoint(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
