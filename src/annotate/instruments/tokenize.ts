/**
 * Splits text into word tokens for the matcher, in one linear pass without regular expressions.
 * Takes the text and the registry's token folds; returns parallel arrays (one entry per token): the
 * `[start, end)` span, the folded key and what stands in the gap before it. Guarantees:
 * - reduplicated words joined by a hyphen ("Hak-Hak", "Undang-\n\nUndang") are one token spanning both
 *   halves, so "Hak-Hak Sipil" and "Hak Sipil" compare equal;
 * - a word broken by a hyphen at a line end ("Keimi-\ngrasian") carries `joinKey`, the key of the
 *   joined word, which the matcher tries when the halves do not match;
 * - a blank line (two line breaks with only spaces between) is a paragraph break: `Gap.paragraph`,
 *   and `Gap.hard` with it, so no name or citation runs across it. `markBreaks` adds the same bits at
 *   block boundaries the text does not show (the start of the notes region, of each footnote).
 */
import { foldToken } from './fold-token.js';

/** Bits describing the characters between a token and the one before it. */
export const Gap = {
  /** ; : ! ? brackets or quotes: a name never runs across these. */
  hard: 1,
  period: 2,
  comma: 4,
  slash: 8,
  openParen: 16,
  closeParen: 32,
  /** Only a hyphen, possibly followed by whitespace. */
  hyphen: 64,
  newline: 128,
  /** A paragraph or block boundary (always set together with `hard`). */
  paragraph: 256,
} as const;

export interface Tokens {
  readonly count: number;
  readonly start: number[];
  readonly end: number[];
  readonly key: string[];
  /** Gap bits before each token (Gap.*). */
  readonly gap: number[];
  /** Key of a token joined with the next one (by token index), when a line-end hyphen split a word. */
  readonly joinKey: ReadonlyMap<number, string>;
}

// 0 = not yet known, 1 = word character, 2 = not. Filled lazily for non-ASCII code units.
const table = new Uint8Array(65536);
const WORD = /[\p{L}\p{N}\p{M}]/u;
for (let c = 0; c < 128; c++) table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

function isWord(c: number): boolean {
  let t = table[c];
  if (t === 0) {
    t = WORD.test(String.fromCharCode(c)) ? 1 : 2;
    table[c] = t;
  }
  return t === 1;
}

function gapBits(text: string, from: number, to: number): number {
  if (to - from === 1 && text.charCodeAt(from) === 32) return 0;
  let bits = 0;
  let newlines = 0;
  let onlyHyphen = to > from && text.charCodeAt(from) === 45;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 10: case 12: bits |= Gap.newline; newlines++; break;
      case 32: case 9: case 13: case 160: break;
      case 46: bits |= Gap.period; onlyHyphen = false; break;
      case 44: bits |= Gap.comma; onlyHyphen = false; break;
      case 47: bits |= Gap.slash; onlyHyphen = false; break;
      case 40: bits |= Gap.openParen | Gap.hard; onlyHyphen = false; break;
      case 41: bits |= Gap.closeParen | Gap.hard; onlyHyphen = false; break;
      case 45: case 0x2010: case 0x2011: case 0xad: if (i !== from) onlyHyphen = false; break;
      case 59: case 58: case 33: case 63: case 91: case 93: case 123: case 125: case 34:
      case 0x201c: case 0x201d: case 0xab: case 0xbb:
        bits |= Gap.hard; onlyHyphen = false; break;
      default: onlyHyphen = false;
    }
  }
  // A word hyphenated across a blank line ("Undang-\n\nUndang") is still one word, not two paragraphs.
  if (onlyHyphen) return bits | Gap.hyphen;
  return newlines >= 2 ? bits | Gap.paragraph | Gap.hard : bits;
}

/**
 * Marks block boundaries on tokens: each token that is the first at or after one of the `breaks`
 * offsets (sorted ascending) gets `Gap.paragraph | Gap.hard` in its gap. Used for boundaries layout
 * knows but the text may show only as one line break (notes region, each footnote, layout paragraphs).
 * Returns new Tokens; linear in tokens + breaks.
 */
export function markBreaks(t: Tokens, breaks: readonly number[]): Tokens {
  const gap = t.gap.slice();
  let b = 0;
  for (let i = 1; i < t.count && b < breaks.length; i++) {
    while (b < breaks.length && breaks[b] < t.end[i - 1]) b++;
    if (b < breaks.length && breaks[b] <= t.start[i]) gap[i] |= Gap.paragraph | Gap.hard;
  }
  return { ...t, gap };
}

/**
 * Folded keys by lower-cased word, per folds table: a corpus has few distinct words, so folding
 * (diacritics, the fold table) runs once per word, not once per occurrence.
 */
const keyCaches = new WeakMap<object, Map<string, string>>();

export function tokenize(text: string, folds: Readonly<Record<string, string>>): Tokens {
  let cache = keyCaches.get(folds);
  if (!cache || cache.size > 500_000) {
    cache = new Map();
    keyCaches.set(folds, cache);
  }
  // Lower-casing the whole text at once is much cheaper than per word; it is only usable when it
  // keeps every offset (a few characters, like "İ", lower-case to two code units).
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : null;
  const start: number[] = [];
  const end: number[] = [];
  const key: string[] = [];
  const gap: number[] = [];
  const joinKey = new Map<number, string>();
  const n = text.length;
  let i = 0;
  let prevEnd = 0;
  while (i < n) {
    if (!isWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && isWord(text.charCodeAt(i))) i++;
    const word = lower ? lower.slice(s, i) : text.slice(s, i).toLowerCase();
    let k = cache.get(word);
    if (k === undefined) {
      k = foldToken(word, folds);
      cache.set(word, k);
    }
    const bits = start.length ? gapBits(text, prevEnd, s) : Gap.hard;
    const last = key.length - 1;
    if (last >= 0 && bits & Gap.hyphen) {
      if (key[last] === k) {
        // Reduplication ("Hak-Hak"): one token over both halves.
        end[last] = i;
        prevEnd = i;
        continue;
      }
      if (bits & Gap.newline) joinKey.set(last, foldToken(text.slice(start[last], end[last]) + text.slice(s, i), folds));
    }
    start.push(s);
    end.push(i);
    key.push(k);
    gap.push(bits);
    prevEnd = i;
  }
  return { count: start.length, start, end, key, gap, joinKey };
}
