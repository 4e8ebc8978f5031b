/**
 * How two consecutive lines of one paragraph join. A line ending in a hyphen after a letter, before a
 * line starting with a letter, is either a word broken by typesetting ("perlin-" + "dungan" →
 * "perlindungan") or a real hyphen that fell at the line end ("hak-" + "hak", "Undang-" + "Undang",
 * "non-" + "refoulement"). Decided in this order, each rule a reason:
 *  1. reduplication (Indonesian plurals: "negara-negara", "hak-hak", "Prinsip-Prinsip") keeps it;
 *  2. the document itself writes the joined word elsewhere → join; the hyphenated form → keep;
 *  3. a prefix that takes a hyphen (vocabulary: non, anti, self …) or a capital after it keeps it;
 *  4. otherwise it was a typesetting break: join.
 * A soft hyphen (U+00AD) at the line end always joins.
 */
import type { DocumentLexicon } from './document-lexicon.js';

export type LineJoin = 'space' | 'join' | 'keep-hyphen';

const WORD_BEFORE_HYPHEN = /(\p{L}+)[-\u2010]$/u;
const WORD_AFTER = /^(\p{L}+)/u;

export function joinLineBreak(before: string, after: string, lexicon: DocumentLexicon, prefixes: ReadonlySet<string>): LineJoin {
  if (before.endsWith('\u00ad')) return 'join';
  // A hyphen inside a URL, DOI or file name is part of it.
  if (/[/@]\S*$/.test(before.slice(-120))) return after && !/^\s/.test(after) ? 'keep-hyphen' : 'space';
  const a = WORD_BEFORE_HYPHEN.exec(before.slice(-64));
  const b = WORD_AFTER.exec(after.slice(0, 64));
  if (!a || !b) return 'space';
  const left = a[1];
  const right = b[1];
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (r === l || (r.startsWith(l) && l.length >= 3) || (l.startsWith(r) && r.length >= 3)) return 'keep-hyphen';
  if (lexicon.words.has(l + r)) return 'join';
  if (lexicon.hyphenated.has(`${l}-${r}`)) return 'keep-hyphen';
  if (prefixes.has(l)) return 'keep-hyphen';
  if (/^\p{Lu}/u.test(right)) return 'keep-hyphen';
  return 'join';
}
