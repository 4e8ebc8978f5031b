/**
 * The layout vocabulary (pipelines/layout/vocabulary.yaml): words that open footnotes, prefixes that
 * keep their hyphen across a line break, statute page furniture, page-number words and the heading
 * words of statute provisions. Read once, validated, cached; patterns are built from it elsewhere so
 * extending a list never means touching a regular expression.
 */
import { z } from 'zod';
import { dataFileLoader } from '../data-file-loader.js';

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

/** The vocabulary from `file` (default: the shipped one, read once and cached). */
export const loadLayoutVocabulary: (file?: string | URL) => LayoutVocabulary = dataFileLoader(layoutVocabularySchema, defaultLayoutVocabularyFile);

/** Builds regex alternations from the vocabulary's word lists (see word-alternation.ts). */
export { wordAlternation as alternation } from '../word-alternation.js';
