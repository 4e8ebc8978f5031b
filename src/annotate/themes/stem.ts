/**
 * Stemmers for theme rules and discovery: natural's Indonesian stemmer (a Sastrawi port, dictionary
 * based) and the Porter stemmer for English, loaded by deep path (the package root pulls in all of
 * natural). Stems are cached per process: a corpus has a small vocabulary, and the Indonesian stemmer
 * costs microseconds per word, which the sentence-rate target could not afford uncached.
 */
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const indonesian = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as Stemmer;
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;

export type StemLanguage = 'id' | 'en';

const caches: Record<StemLanguage, Map<string, string>> = { id: new Map(), en: new Map() };
const MAX_CACHE = 200_000;

/** Stem of a lower-cased word; words with digits are kept as they are ("1951", "28d"). */
export function stem(word: string, language: StemLanguage): string {
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) || word.length < 3 ? word : (language === 'id' ? indonesian : porter).stem(word) || word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
