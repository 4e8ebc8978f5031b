/**
 * The layout vocabulary (pipelines/layout/vocabulary.yaml): words that open footnotes, prefixes that
 * keep their hyphen across a line break, statute page furniture, page-number words and the heading
 * words of statute provisions. Read once, validated, cached; patterns are built from it elsewhere so
 * extending a list never means touching a regular expression.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const words = z.array(z.string().min(1));

export const layoutVocabularySchema = z
  .object({
    noteOpeners: words,
    hyphenPrefixes: words,
    furniture: words,
    pageWords: words,
    ofWords: words,
    provisions: z
      .object({
        bab: words,
        bagian: words,
        paragraf: words,
        pasal: words,
        penjelasan: words,
        part: words,
        chapter: words,
        article: words,
        section: words,
      })
      .strict(),
    ordinals: words,
  })
  .strict();
export type LayoutVocabulary = z.infer<typeof layoutVocabularySchema>;

export const defaultLayoutVocabularyFile = new URL('../../pipelines/layout/vocabulary.yaml', import.meta.url);

let cached: LayoutVocabulary | null = null;

/** The vocabulary from `file` (default: the shipped one, read once and cached). */
export function loadLayoutVocabulary(file: string | URL = defaultLayoutVocabularyFile): LayoutVocabulary {
  const isDefault = String(file) === String(defaultLayoutVocabularyFile);
  if (isDefault && cached) return cached;
  const vocabulary = layoutVocabularySchema.parse(parse(readFileSync(file, 'utf8')));
  if (isDefault) cached = vocabulary;
  return vocabulary;
}

/** Escapes a word for a RegExp alternation; each space matches one optional space, each "." is optional. */
export function alternation(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '.' ? '\u0000' : `\\${c}`))
        .replace(/ /g, ' ?')
        .replace(/\u0000/g, '\\.?'),
    )
    .join('|');
}
