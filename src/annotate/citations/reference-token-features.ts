/**
 * Tokens of one reference → the features the field labeller weighs, per token: the word, its shape,
 * capitals, digits, year-likeness, the punctuation around it, its place in the string and in the
 * sentence-like segments, whether it sits inside quotation marks or brackets, the vocabulary lists
 * it belongs to (pipelines/citations/vocabulary.yaml), and the field the rule parser gave it, alone
 * and with the neighbours' (the rules become evidence the labeller learns to trust or overrule).
 * Features are strings; the same input always gives the same features. Linear in the token count.
 */
import { loadCitationVocabulary } from './citation-vocabulary.js';
import type { Label } from './align-reference-fields.js';
import type { ReferenceToken } from './tokenize-reference.js';

const OPENING = new Set(['“', '"', '‘', '«', '„']);
const CLOSING = new Set(['”', '"', '’', '»', '“']);

let vocabularyClasses: Map<string, string[]> | null = null;

/** Single words of the vocabulary lists (lower case, without a final "."), each with its lists' names. */
function classesOf(word: string): readonly string[] {
  if (!vocabularyClasses) {
    const v = loadCitationVocabulary();
    const lists: Record<string, readonly string[]> = {
      page: v.pageWords, volume: v.volumeWords, issue: v.issueWords, editor: v.editorWords, in: v.containerWords,
      accessed: v.accessedWords, etal: v.etAl, and: v.authorConjunctions, particle: v.nameParticles, suffix: v.nameSuffixes,
      publisher: v.publisherWords, genre: v.genreWords, month: v.months, season: v.seasons, notname: v.notNames,
    };
    vocabularyClasses = new Map();
    for (const [name, words] of Object.entries(lists)) {
      for (const w of words) {
        for (const part of w.toLowerCase().split(' ')) {
          const key = part.replace(/\.$/, '');
          if (!key) continue;
          const classes = vocabularyClasses.get(key) ?? [];
          if (!classes.includes(name)) classes.push(name);
          vocabularyClasses.set(key, classes);
        }
      }
    }
  }
  return vocabularyClasses.get(word) ?? [];
}

const shapes = new Map<string, string>();

/** "Ruggie" → "Xx", "J" → "X", "2013" → "d4", "C08005" → "Xd", "." → ".". Remembered per word (bounded). */
export function wordShape(text: string): string {
  let shape = shapes.get(text);
  if (shape === undefined) {
    shape = computeShape(text);
    if (shapes.size > 50_000) shapes.clear();
    shapes.set(text, shape);
  }
  return shape;
}

function computeShape(text: string): string {
  if (/^\d+$/.test(text)) return `d${Math.min(text.length, 5)}`;
  const shape = text
    .replace(/\p{Lu}/gu, 'X')
    .replace(/[\p{Ll}\p{Lo}\p{M}]/gu, 'x')
    .replace(/\d/g, 'd')
    .replace(/(.)\1+/g, '$1');
  return shape.length > 4 ? shape.slice(0, 4) : shape;
}

/**
 * One token's features, in groups: all groups but the last are shared arrays (the same array for
 * every token with the same word, neighbour, rules' context or place), so a decoder may cache their
 * summed weights by identity; the last group is the token's own.
 */
export type TokenFeatures = readonly (readonly string[])[];

export function referenceTokenFeatures(tokens: readonly ReferenceToken[], ruleLabels: readonly Label[]): TokenFeatures[] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t) => wordShape(t.text));
  // Quotation and bracket depth, and segment number (a "." "," or ":" followed by a space starts one), in one pass.
  const inQuotes: boolean[] = [];
  const inBrackets: boolean[] = [];
  const segment: number[] = [];
  let quote = false;
  let depth = 0;
  let seg = 0;
  let afterYear = false;
  const afterYearAt: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i].text;
    if (!quote && OPENING.has(t) && (i + 1 < n && !tokens[i + 1].spaceBefore)) quote = true;
    else if (quote && CLOSING.has(t) && !(i + 1 < n && /^\p{L}/u.test(tokens[i + 1].text) && !tokens[i + 1].spaceBefore)) quote = false;
    if (t === '(' || t === '[') depth++;
    else if ((t === ')' || t === ']') && depth > 0) depth--;
    inQuotes.push(quote);
    inBrackets.push(depth > 0);
    segment.push(seg);
    afterYearAt.push(afterYear);
    if ((t === '.' || t === ':' || t === '?') && i + 1 < n && tokens[i + 1].spaceBefore && !(i > 0 && tokens[i - 1].text.length === 1)) seg++;
    if (/^(?:1[5-9]\d\d|20[0-4]\d)$/.test(t)) afterYear = true;
  }
  // What each segment looks like as a whole: titles are long and often in sentence case, journal
  // names short and capitalised, and the segment a number block sits in is the container's.
  const segmentFeatures = new Map<number, string[]>();
  const segmentKeys = new Map<number, string>();
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && segment[j + 1] === segment[i]) j++;
    let words = 0;
    let capitals = 0;
    let digits = false;
    for (let k = i; k <= j; k++) {
      if (!/^[\p{L}\p{N}]/u.test(tokens[k].text)) continue;
      if (/^\p{N}/u.test(tokens[k].text)) digits = true;
      else {
        words++;
        if (/^\p{Lu}/u.test(tokens[k].text)) capitals++;
      }
    }
    const size = words <= 1 ? '1' : words <= 3 ? '2-3' : words <= 7 ? '4-7' : '8+';
    const caps = words ? Math.round((4 * capitals) / words) : -1;
    segmentFeatures.set(segment[i], [`sgw=${size}`, `sgc=${caps}`, `sgcw=${size}|${caps}`, `sgd=${digits ? 1 : 0}`]);
    segmentKeys.set(segment[i], `${size}|${caps}|${digits ? 1 : 0}`);
    i = j + 1;
  }
  const info = tokens.map((t) => wordInfo(t.text));
  const features: TokenFeatures[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const w = lower[i];
    const spacing = (t.spaceBefore ? 2 : 0) + (i + 1 < n && tokens[i + 1].spaceBefore ? 1 : 0);
    const place = shared(`${Math.floor((10 * i) / Math.max(1, n))}|${Math.min(segment[i], 6)}|${spacing}|${segmentKeys.get(segment[i])}`, () => [
      `pos=${Math.floor((10 * i) / Math.max(1, n))}`, `seg=${Math.min(segment[i], 6)}`, `sp=${spacing >> 1}${spacing & 1}`, ...segmentFeatures.get(segment[i])!,
    ]);
    // The rules' opinion with the neighbours': where the rules put a boundary, and what sits there.
    const prevRule = i > 0 ? ruleLabels[i - 1] : '<s>';
    const nextRule = i + 1 < n ? ruleLabels[i + 1] : '</s>';
    const rules = shared(`${prevRule}|${ruleLabels[i]}|${nextRule}|${shapes[i]}`, () => [`r=${ruleLabels[i]}`, `rr=${prevRule}|${ruleLabels[i]}|${nextRule}`, `rs=${ruleLabels[i]}|${shapes[i]}`]);
    const own: string[] = [`pww=${i > 0 ? lower[i - 1] : '<s>'}|${w}`, `wnw=${w}|${i + 1 < n ? lower[i + 1] : '</s>'}`];
    if (i === 0 || segment[i - 1] !== segment[i]) own.push('sgfirst', `sgfirst=${shapes[i]}`);
    if (i < 3) own.push(`first=${i}`);
    if (n - i <= 3) own.push(`last=${n - i}`);
    if (inQuotes[i]) own.push('quoted');
    if (inBrackets[i]) own.push('bracketed');
    if (afterYearAt[i]) own.push('afterYear');
    features.push([
      info[i].own,
      i > 0 ? info[i - 1].asPrevious : START,
      i + 1 < n ? info[i + 1].asNext : END,
      i > 1 ? info[i - 2].asSecondPrevious : NONE,
      place,
      rules,
      own,
    ]);
  }
  return features;
}

/** Every feature string of one token's groups, in order (what training reads). */
export function flattenFeatures(token: TokenFeatures): string[] {
  return token.flat();
}

const START = ['pw=<s>', 'ps=<s>'];
const END = ['nw=</s>', 'ns=</s>'];
const NONE: readonly string[] = [];
const groups = new Map<string, readonly string[]>();

/** One group of features shared by every token with the same key (the same array, so scores can be cached on it). */
function shared(key: string, build: () => string[]): readonly string[] {
  let group = groups.get(key);
  if (!group) {
    if (groups.size > 50_000) groups.clear();
    group = build();
    groups.set(key, group);
  }
  return group;
}

/** A word's own features and those it lends its neighbours, built once per distinct word (strings reused, so their hashes are too). */
interface WordInfo {
  readonly own: readonly string[];
  readonly asPrevious: readonly string[];
  readonly asNext: readonly string[];
  readonly asSecondPrevious: readonly string[];
}

const words = new Map<string, WordInfo>();

function wordInfo(text: string): WordInfo {
  let info = words.get(text);
  if (info) return info;
  const w = text.toLowerCase();
  const shape = wordShape(text);
  const classes = classesOf(w);
  const own = ['b', `w=${w}`, `s=${shape}`, ...classes.map((c) => `v=${c}`)];
  if (/^(?:1[5-9]\d\d|20[0-4]\d)$/.test(text)) own.push('yearlike');
  if (/^\p{Lu}/u.test(text)) own.push('cap');
  info = {
    own,
    asPrevious: [`pw=${w}`, `ps=${shape}`, ...classes.map((c) => `pv=${c}`)],
    asNext: [`nw=${w}`, `ns=${shape}`],
    asSecondPrevious: classes.map((c) => `pv2=${c}`),
  };
  if (words.size > 50_000) words.clear();
  words.set(text, info);
  return info;
}
