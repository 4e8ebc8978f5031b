/**
 * Tokens of one reference → the features the field labeller weighs, per token: the word, its shape,
 * capitals, digits, year-likeness, the punctuation around it, its place in the string and in the
 * sentence-like segments, whether it sits inside quotation marks or brackets, the vocabulary lists
 * it belongs to (pipelines/citations/vocabulary.yaml), and the field the rule parser gave it, alone
 * and with the neighbours' (the rules become evidence the labeller learns to trust or overrule).
 * Features are strings; the same input always gives the same features. Linear in the token count.
 */
import { loadCitationVocabulary } from './citation-vocabulary.js';
import { LABELS, type Label } from './align-reference-fields.js';
import { FeatureGroup } from './decode-reference-labels.js';
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
      journal: v.journalWords, body: v.corporateWords, edition: v.editionWords,
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
 * One token's features, in groups, each shared by every token with the same word, neighbour, word
 * pair, rules' context, place or flags (the same object), so a decoder sums a group's weights once
 * and caches the sum on it: no feature string is built or looked up per token once a group is known.
 */
export type TokenFeatures = readonly FeatureGroup[];

export function referenceTokenFeatures(tokens: readonly ReferenceToken[], ruleLabels: readonly Label[]): TokenFeatures[] {
  const n = tokens.length;
  const info = tokens.map((t) => wordInfo(t.text));
  // Quotation and bracket depth, and segment number (a "." "," or ":" followed by a space starts one), in one pass.
  const inQuotes = new Uint8Array(n);
  const inBrackets = new Uint8Array(n);
  const segment = new Int32Array(n);
  const afterYearAt = new Uint8Array(n);
  /** Past the close of the first quotation: where a quoted title's container starts. */
  const afterQuoteAt = new Uint8Array(n);
  let quote = false;
  let quoted = false;
  let depth = 0;
  let seg = 0;
  let afterYear = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i].text;
    if (!quote && OPENING.has(t) && (i + 1 < n && !tokens[i + 1].spaceBefore)) quote = true;
    else if (quote && CLOSING.has(t) && !(i + 1 < n && info[i + 1].kind === LETTER && !tokens[i + 1].spaceBefore)) {
      quote = false;
      quoted = true;
    }
    if (t === '(' || t === '[') depth++;
    else if ((t === ')' || t === ']') && depth > 0) depth--;
    inQuotes[i] = quote ? 1 : 0;
    inBrackets[i] = depth > 0 ? 1 : 0;
    segment[i] = seg;
    afterYearAt[i] = afterYear ? 1 : 0;
    afterQuoteAt[i] = quoted && !quote ? 1 : 0;
    if ((t === '.' || t === ':' || t === '?') && i + 1 < n && tokens[i + 1].spaceBefore && !(i > 0 && tokens[i - 1].text.length === 1)) seg++;
    if (info[i].yearlike) afterYear = true;
  }
  // What each segment looks like as a whole: titles are long and often in sentence case, journal
  // names short and capitalised, and the segment a number block sits in is the container's.
  const segmentKeys = new Int32Array(seg + 1);
  const segmentFeatures: string[][] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && segment[j + 1] === segment[i]) j++;
    let words = 0;
    let capitals = 0;
    let digits = false;
    for (let k = i; k <= j; k++) {
      const kind = info[k].kind;
      if (kind === DIGIT) digits = true;
      else if (kind === LETTER) {
        words++;
        if (info[k].capital) capitals++;
      }
    }
    const size = words <= 1 ? '1' : words <= 3 ? '2-3' : words <= 7 ? '4-7' : '8+';
    const caps = words ? Math.round((4 * capitals) / words) : -1;
    segmentFeatures[segment[i]] = [`sgw=${size}`, `sgc=${caps}`, `sgcw=${size}|${caps}`, `sgd=${digits ? 1 : 0}`];
    segmentKeys[segment[i]] = (SIZE_CODE[size] * 8 + caps + 1) * 2 + (digits ? 1 : 0);
    i = j + 1;
  }
  const features: TokenFeatures[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const me = info[i];
    const spacing = (t.spaceBefore ? 2 : 0) + (i + 1 < n && tokens[i + 1].spaceBefore ? 1 : 0);
    const pos = Math.floor((10 * i) / Math.max(1, n));
    const sg = Math.min(segment[i], 6);
    const place = shared(placeGroups, ((pos * 7 + sg) * 4 + spacing) * 64 + segmentKeys[segment[i]], () => [
      `pos=${pos}`, `seg=${sg}`, `sp=${spacing >> 1}${spacing & 1}`, ...segmentFeatures[segment[i]],
    ]);
    // The rules' opinion with the neighbours': where the rules put a boundary, and what sits there.
    const prevRule = i > 0 ? ruleLabels[i - 1] : '<s>';
    const nextRule = i + 1 < n ? ruleLabels[i + 1] : '</s>';
    const rulesKey = (LABEL_CODE.get(prevRule)! * 16 + LABEL_CODE.get(ruleLabels[i])!) * 16 + LABEL_CODE.get(nextRule)!;
    const rules = shared(ruleGroups, rulesKey * SHAPE_LIMIT + me.shapeId, () => [`r=${ruleLabels[i]}`, `rr=${prevRule}|${ruleLabels[i]}|${nextRule}`, `rs=${ruleLabels[i]}|${me.shape}`]);
    // The word with each neighbour: shared per pair of word numbers, so the pair's string is built once.
    const pairBefore = pairGroup(pairsBefore, 'pww', i > 0 ? info[i - 1] : START_WORD, me);
    const pairAfter = pairGroup(pairsAfter, 'wnw', me, i + 1 < n ? info[i + 1] : END_WORD);
    // Where the token stands: flags, shared per combination.
    const sgfirst = i === 0 || segment[i - 1] !== segment[i];
    const flags = (sgfirst ? 1 : 0) | (inQuotes[i] << 1) | (inBrackets[i] << 2) | (afterYearAt[i] << 3) | (afterQuoteAt[i] << 4);
    const first = i < 3 ? i : 3;
    const last = n - i <= 3 ? n - i : 0;
    const where = shared(flagGroups, ((flags * 4 + first) * 4 + last) * SHAPE_LIMIT + (sgfirst ? me.shapeId : 0), () => {
      const own: string[] = [];
      if (sgfirst) own.push('sgfirst', `sgfirst=${me.shape}`);
      if (i < 3) own.push(`first=${i}`);
      if (n - i <= 3) own.push(`last=${n - i}`);
      if (inQuotes[i]) own.push('quoted');
      if (inBrackets[i]) own.push('bracketed');
      if (afterYearAt[i]) own.push('afterYear');
      if (afterQuoteAt[i]) own.push('afterQuote');
      return own;
    });
    features.push([
      me.own,
      i > 0 ? info[i - 1].asPrevious : START,
      i + 1 < n ? info[i + 1].asNext : END,
      i > 1 ? info[i - 2].asSecondPrevious : NONE,
      place,
      rules,
      pairBefore,
      pairAfter,
      where,
    ]);
  }
  return features;
}

/** Every feature string of one token's groups, in order (what training reads). */
export function flattenFeatures(token: TokenFeatures): string[] {
  return token.flatMap((group) => group.features);
}

const START = new FeatureGroup(['pw=<s>', 'ps=<s>']);
const END = new FeatureGroup(['nw=</s>', 'ns=</s>']);
const NONE = new FeatureGroup([]);
const SIZE_CODE: Readonly<Record<string, number>> = { '1': 0, '2-3': 1, '4-7': 2, '8+': 3 };
const LABEL_CODE = new Map<string, number>([...LABELS, '<s>', '</s>'].map((l, i) => [l, i]));
/** Shapes are numbered below this (a shape has at most four characters, so there are few; past it every cache is emptied). */
const SHAPE_LIMIT = 4096;
const placeGroups = new Map<number, FeatureGroup>();
const ruleGroups = new Map<number, FeatureGroup>();
const flagGroups = new Map<number, FeatureGroup>();
const pairsBefore = new Map<number, FeatureGroup>();
const pairsAfter = new Map<number, FeatureGroup>();

/** One group of features shared by every token with the same key (the same object, so its weights are summed once). */
function shared(groups: Map<number, FeatureGroup>, key: number, build: () => string[]): FeatureGroup {
  let group = groups.get(key);
  if (!group) {
    if (groups.size > 50_000) groups.clear();
    group = new FeatureGroup(build());
    groups.set(key, group);
  }
  return group;
}

/** The group holding one word-pair feature ("pww=of|the"), keyed by the two words' numbers. */
function pairGroup(groups: Map<number, FeatureGroup>, kind: 'pww' | 'wnw', a: WordInfo, b: WordInfo): FeatureGroup {
  const key = a.id * WORD_LIMIT + b.id;
  let group = groups.get(key);
  if (!group) {
    if (groups.size > 200_000) groups.clear();
    group = new FeatureGroup([`${kind}=${a.lower}|${b.lower}`]);
    groups.set(key, group);
  }
  return group;
}

/** A word's own features and those it lends its neighbours, and what the feature builder reads of it, built once per distinct word. */
interface WordInfo {
  /** A number for the word while it stays in the cache (pairs are keyed by two of them). */
  readonly id: number;
  readonly lower: string;
  readonly shape: string;
  readonly shapeId: number;
  readonly kind: number;
  readonly capital: boolean;
  readonly yearlike: boolean;
  readonly own: FeatureGroup;
  readonly asPrevious: FeatureGroup;
  readonly asNext: FeatureGroup;
  readonly asSecondPrevious: FeatureGroup;
}

const LETTER = 1;
const DIGIT = 2;
/** Word numbers stay below this (the cache is emptied before), so two of them make one pair key. */
const WORD_LIMIT = 1 << 20;
const words = new Map<string, WordInfo>();
const shapeIds = new Map<string, number>();
let nextWordId = 2;

function wordInfo(text: string): WordInfo {
  let info = words.get(text);
  if (info) return info;
  if (words.size > 50_000 || nextWordId >= WORD_LIMIT || shapeIds.size >= SHAPE_LIMIT - 1) {
    // Emptied together: a word or shape number is never reused for another while groups keyed by it are cached.
    words.clear();
    pairsBefore.clear();
    pairsAfter.clear();
    shapeIds.clear();
    ruleGroups.clear();
    flagGroups.clear();
    nextWordId = 2;
  }
  info = makeWordInfo(text, nextWordId++);
  words.set(text, info);
  return info;
}

function makeWordInfo(text: string, id: number): WordInfo {
  const w = text.toLowerCase();
  const shape = wordShape(text);
  let shapeId = shapeIds.get(shape);
  if (shapeId === undefined) {
    shapeId = shapeIds.size + 1;
    shapeIds.set(shape, shapeId);
  }
  const classes = classesOf(w);
  const yearlike = /^(?:1[5-9]\d\d|20[0-4]\d)$/.test(text);
  const capital = /^\p{Lu}/u.test(text);
  const own = ['b', `w=${w}`, `s=${shape}`, ...classes.map((c) => `v=${c}`)];
  if (yearlike) own.push('yearlike');
  if (capital) own.push('cap');
  return {
    id,
    lower: w,
    shape,
    shapeId,
    kind: /^\p{L}/u.test(text) ? LETTER : /^\p{N}/u.test(text) ? DIGIT : 0,
    capital,
    yearlike,
    own: new FeatureGroup(own),
    asPrevious: new FeatureGroup([`pw=${w}`, `ps=${shape}`, ...classes.map((c) => `pv=${c}`)]),
    asNext: new FeatureGroup([`nw=${w}`, `ns=${shape}`]),
    asSecondPrevious: new FeatureGroup(classes.map((c) => `pv2=${c}`)),
  };
}

const START_WORD = makeWordInfo('<s>', 0);
const END_WORD = makeWordInfo('</s>', 1);
