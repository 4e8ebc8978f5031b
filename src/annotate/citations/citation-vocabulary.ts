/**
 * The citations vocabulary (pipelines/citations/vocabulary.yaml): words for page, volume, issue,
 * editors, "accessed", back-references, name particles and bibliography headings, in Indonesian,
 * English and the other languages references arrive in. Read once, validated, and turned into
 * escaped alternations the parser's patterns are built from, so extending a list never means
 * touching a regular expression.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const words = z.array(z.string().min(1));

export const vocabularySchema = z
  .object({
    pageWords: words,
    volumeWords: words,
    issueWords: words,
    editorWords: words,
    containerWords: words,
    accessedWords: words,
    backReferences: z.object({ ibid: words, id: words, opcit: words, loccit: words, supra: words }).strict(),
    etAl: words,
    authorConjunctions: words,
    nameParticles: words,
    nameSuffixes: words,
    signalWords: words,
    bibliographyHeadings: words,
    publisherWords: words,
    genreWords: words,
    months: words,
    seasons: words,
    notNames: words,
    authorNoteOpeners: words,
    pinpointWords: words,
    treatySeries: words,
    documentMarkers: words,
  })
  .strict();
export type CitationVocabulary = z.infer<typeof vocabularySchema>;

export const defaultVocabularyFile = new URL('../../../pipelines/citations/vocabulary.yaml', import.meta.url);

let cached: CitationVocabulary | null = null;

/** The vocabulary from `file` (default: the shipped one, read once and cached). */
export function loadCitationVocabulary(file: string | URL = defaultVocabularyFile): CitationVocabulary {
  const isDefault = String(file) === String(defaultVocabularyFile);
  if (isDefault && cached) return cached;
  const vocabulary = vocabularySchema.parse(parse(readFileSync(file, 'utf8')));
  if (isDefault) cached = vocabulary;
  return vocabulary;
}

/**
 * An alternation of the words, longest first so "op. cit." wins over "op", with each "." optional
 * and each space a single optional-space run. Safe to embed: no nested quantifiers.
 */
export function alternation(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '.' ? '\u0000' : `\\${c}`))
        .replace(/ /g, ' ?')
        .replace(/\u0000/g, '\\.?'),
    )
    .join('|');
}
