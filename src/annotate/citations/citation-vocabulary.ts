/**
 * The citations vocabulary (pipelines/citations/vocabulary.yaml): words for page, volume, issue,
 * editors, "accessed", back-references, name particles and bibliography headings, in Indonesian,
 * English and the other languages references arrive in. Read once, validated, and turned into
 * escaped alternations the parser's patterns are built from, so extending a list never means
 * touching a regular expression.
 */
import { z } from 'zod';
import { dataFileLoader } from '../../data-file-loader.js';

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
    corporateWords: words,
    editionWords: words,
    journalWords: words,
    chapterWords: words,
    authorNoteOpeners: words,
    pinpointWords: words,
    treatySeries: words,
    documentMarkers: words,
  })
  .strict();
export type CitationVocabulary = z.infer<typeof vocabularySchema>;

export const defaultVocabularyFile = new URL('../../../pipelines/citations/vocabulary.yaml', import.meta.url);

/** The vocabulary from `file` (default: the shipped one, read once and cached). */
export const loadCitationVocabulary: (file?: string | URL) => CitationVocabulary = dataFileLoader(vocabularySchema, defaultVocabularyFile);

/** Builds regex alternations from the vocabulary's word lists (see word-alternation.ts). */
export { wordAlternation as alternation } from '../../word-alternation.js';
