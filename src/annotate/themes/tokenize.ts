/**
 * Splits text into word tokens for theme rules and discovery: runs of letters and digits with their
 * offsets (relative to the given text) and lower-cased form. Indonesian reduplication ("hak-hak",
 * "anak- anak" after a broken line) is one token whose `base` is the single word, so it stems like
 * the singular; other hyphenated words ("non-refoulement") split into their parts, which phrases
 * match word by word. Linear time: one pass of a regex without nested quantifiers.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower-cased surface. */
  readonly lower: string;
  /** Lower-cased word to stem: the first half of a reduplication, else `lower`. */
  readonly base: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between the halves of a reduplication: a hyphen, with one space on either side. */
const REDUPLICATION_GAP = /^ ?- ?$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const lower = m[0].toLowerCase();
    const prev = tokens.length ? tokens[tokens.length - 1] : undefined;
    if (prev && prev.base === lower && prev.lower === lower && m.index - prev.end <= 3 && REDUPLICATION_GAP.test(text.slice(prev.end, m.index))) {
      tokens[tokens.length - 1] = { start: prev.start, end: m.index + m[0].length, lower: `${lower}-${lower}`, base: lower };
      continue;
    }
    tokens.push({ start: m.index, end: m.index + m[0].length, lower, base: lower });
  }
  return tokens;
}
