/**
 * The decisions that come before any text: for document `index` of the corpus of seed `seed`, its
 * language, kind (journal article or, in Indonesian, a statute), length in pages, format (PDF with
 * probability `pdfShare`, else plain text in one of two styles) and its path in the corpus (100
 * documents per folder). Pure: the same arguments give the same plan.
 *
 * Length: 5 + a gamma(2, 5) draw, clamped to 5–60 pages, so the mean is about 15, the mode about
 * 10 and one document in a few hundred is 50 pages or more, as in a folder of journal articles.
 */
import { documentSeed, seededRandom } from './seeded-random.js';
import type { Language } from './load-templates.js';

export type DocumentKind = 'article' | 'statute';
/**
 * `extracted`: what pdftotext makes of a typeset page (wrapped lines, running header, page number,
 * footnote block at the foot of each page, form feeds). `clean`: text saved from a word processor
 * (one line per paragraph, notes at the end, form feeds at page breaks).
 */
export type TextStyle = 'extracted' | 'clean';

export interface DocumentPlan {
  readonly index: number;
  /** Seed of everything random in this document after the plan. */
  readonly seed: number;
  readonly lang: Language;
  readonly kind: DocumentKind;
  readonly format: 'pdf' | 'txt';
  readonly textStyle: TextStyle | null;
  readonly targetPages: number;
  /** Path relative to the corpus folder, with '/' separators. */
  readonly file: string;
}

export const MIN_PAGES = 5;
export const MAX_PAGES = 60;
export const DOCUMENTS_PER_FOLDER = 100;

// Shares chosen to look like a migration-law reading folder: a bit more Indonesian than English,
// statutes a minority, most plain texts extractions of PDFs.
const INDONESIAN_SHARE = 0.55;
const STATUTE_SHARE_OF_INDONESIAN = 0.2;
const EXTRACTED_SHARE_OF_TEXT = 0.7;

export function planDocument(seed: number, index: number, pdfShare: number): DocumentPlan {
  const random = seededRandom(documentSeed(seed, index));
  const lang: Language = random.chance(INDONESIAN_SHARE) ? 'id' : 'en';
  const kind: DocumentKind = lang === 'id' && random.chance(STATUTE_SHARE_OF_INDONESIAN) ? 'statute' : 'article';
  const format = random.chance(pdfShare) ? 'pdf' : 'txt';
  const textStyle: TextStyle | null = format === 'txt' ? (random.chance(EXTRACTED_SHARE_OF_TEXT) ? 'extracted' : 'clean') : null;
  // Gamma(2, 5) as the sum of two exponentials: -5 ln(u1) - 5 ln(u2); 1 - next() keeps u in (0, 1].
  const gamma = -5 * Math.log(1 - random.next()) - 5 * Math.log(1 - random.next());
  const targetPages = Math.min(MAX_PAGES, Math.max(MIN_PAGES, Math.round(MIN_PAGES + gamma)));
  const folder = String(Math.floor(index / DOCUMENTS_PER_FOLDER)).padStart(4, '0');
  const name = `${String(index).padStart(6, '0')}-${lang}-${kind}`;
  return { index, seed: random.int(0, 0xffffffff), lang, kind, format, textStyle, targetPages, file: `${folder}/${name}.${format}` };
}
