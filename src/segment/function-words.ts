/**
 * Counts the Indonesian and English function words in a text (lists in
 * pipelines/segment/function-words.yaml), and all its words: legal prose in either language is dense
 * with them, while names, titles, citations and text in a third language have few.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type FunctionWordCounts = { readonly id: number; readonly en: number; readonly words: number };

let cached: ReadonlyMap<string, 'id' | 'en'> | undefined;

function lexicon(): ReadonlyMap<string, 'id' | 'en'> {
  if (cached) return cached;
  const file = fileURLToPath(new URL('../../pipelines/segment/function-words.yaml', import.meta.url));
  const lists = parse(readFileSync(file, 'utf8')) as Record<'id' | 'en', string[]>;
  const map = new Map<string, 'id' | 'en'>();
  for (const lang of ['id', 'en'] as const) for (const w of lists[lang] ?? []) map.set(String(w).toLowerCase(), lang);
  cached = map;
  return map;
}

export function countFunctionWords(text: string): FunctionWordCounts {
  const lexiconWords = lexicon();
  const counts = { id: 0, en: 0, words: 0 };
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    counts.words++;
    const lang = lexiconWords.get(m[0]);
    if (lang) counts[lang]++;
  }
  return counts;
}
