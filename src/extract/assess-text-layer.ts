/**
 * Judges whether extracted text is readable: the share of recognizable words per page and overall.
 *
 * Takes pages of lines; returns counts per page and for the document. A whitespace-separated token,
 * stripped of surrounding punctuation, is
 * - `common` when it is a frequent English or Indonesian word (data: pipelines/extract/common-words.yaml),
 * - `plausible` when it is made of letters only (inner hyphens, apostrophes, dots and slashes allowed),
 *   has a vowel, no run of more than five consonants or four equal letters, and ordinary capitalization,
 * - `neutral` when it has no letters, or letters mixed with digits (numbers, citations such as
 *   "604/2013", "07JAKARTA2641"), and is then not counted,
 * - `unrecognized` otherwise (letters mixed with symbols such as "%<=", which is what text from fonts
 *   without a usable character map looks like).
 * Text from a wrong font map or junk OCR has few common words and many unrecognized tokens; imperfect
 * but usable OCR keeps most words. One pass over the characters, no regular expressions per token.
 */
import { readExtractData } from './read-extract-data.js';

export interface TextLayerCounts {
  readonly common: number;
  readonly plausible: number;
  readonly unrecognized: number;
}

export interface TextLayerAssessment extends TextLayerCounts {
  /** (common + plausible) / counted tokens; 1 when nothing was counted. */
  readonly recognizedShare: number;
  /** common / counted tokens. */
  readonly commonShare: number;
  readonly pages: readonly (TextLayerCounts & { readonly page: number; readonly recognizedShare: number })[];
}

let commonWords: Set<string> | null = null;
function common(): Set<string> {
  if (!commonWords) {
    const lists = readExtractData<Record<string, string[]>>('common-words.yaml');
    commonWords = new Set(Object.values(lists).flat().map((w) => String(w).toLowerCase()));
  }
  return commonWords;
}

const VOWELS = new Set('aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿāēīōūăĕĭŏŭąęįų');
const INNER = new Set(['-', '\u2010', '\u2011', "'", '\u2019', '.', '/']);

const LETTER = /\p{L}/u;
/** ASCII by code range (the common case, and cheap); other characters by their Unicode category. */
const isLetter = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
};
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

type Kind = 'common' | 'plausible' | 'neutral' | 'unrecognized';

export function classifyToken(token: string, words: Set<string> = common()): Kind {
  let a = 0;
  let b = token.length;
  while (a < b && !isLetter(token[a]) && !isDigit(token[a])) a++;
  while (b > a && !isLetter(token[b - 1]) && !isDigit(token[b - 1])) b--;
  if (a === b) return token.length > 3 ? 'unrecognized' : 'neutral';
  const core = token.slice(a, b);
  let letters = 0;
  let digits = 0;
  let symbols = 0;
  for (const ch of core) {
    if (isLetter(ch)) letters++;
    else if (isDigit(ch)) digits++;
    else if (!INNER.has(ch)) symbols++;
  }
  if (symbols) return 'unrecognized';
  if (!letters || digits) return 'neutral';
  const lower = core.toLowerCase();
  if (words.has(lower)) return 'common';
  if (core.length > 30) return 'unrecognized';
  let vowels = 0;
  let consonantRun = 0;
  let sameRun = 0;
  let prev = '';
  let caseShifts = 0;
  let prevUpper: boolean | null = null;
  for (const ch of core) {
    if (!isLetter(ch)) {
      consonantRun = 0;
      prevUpper = null;
      prev = ch;
      continue;
    }
    const l = ch.charCodeAt(0) < 128 ? String.fromCharCode(ch.charCodeAt(0) | 32) : ch.toLowerCase();
    if (VOWELS.has(l)) {
      vowels++;
      consonantRun = 0;
    } else if (++consonantRun > 5) return 'unrecognized';
    sameRun = l === prev ? sameRun + 1 : 1;
    if (sameRun >= 4) return 'unrecognized';
    const upper = ch !== l || (ch.charCodeAt(0) >= 128 && ch !== ch.toLowerCase());
    // lower → upper inside a word ("iPhone", "McDonald") is allowed once; more is not ordinary text.
    if (prevUpper === false && upper) caseShifts++;
    prevUpper = upper;
    prev = l;
  }
  if (!vowels || caseShifts > 1) return 'unrecognized';
  return 'plausible';
}

const share = (c: TextLayerCounts): number => {
  const n = c.common + c.plausible + c.unrecognized;
  return n ? (c.common + c.plausible) / n : 1;
};

export function assessTextLayer(pages: readonly { readonly number: number; readonly lines: readonly { readonly text: string }[] }[]): TextLayerAssessment {
  const words = common();
  const perPage: (TextLayerCounts & { page: number; recognizedShare: number })[] = [];
  let total = { common: 0, plausible: 0, unrecognized: 0 };
  for (const page of pages) {
    const counts = { common: 0, plausible: 0, unrecognized: 0 };
    for (const line of page.lines) {
      const text = line.text;
      let start = -1;
      for (let i = 0; i <= text.length; i++) {
        const c = i < text.length ? text.charCodeAt(i) : 32;
        const space = c === 32 || c === 9 || c === 0xa0;
        if (space) {
          if (start >= 0) {
            const kind = classifyToken(text.slice(start, i), words);
            if (kind !== 'neutral') counts[kind]++;
            start = -1;
          }
        } else if (start < 0) start = i;
      }
    }
    perPage.push({ page: page.number, ...counts, recognizedShare: share(counts) });
    total = { common: total.common + counts.common, plausible: total.plausible + counts.plausible, unrecognized: total.unrecognized + counts.unrecognized };
  }
  const n = total.common + total.plausible + total.unrecognized;
  return { ...total, recognizedShare: share(total), commonShare: n ? total.common / n : 1, pages: perPage };
}
