/**
 * Segmentation: takes a laid-out document and returns one paragraph Segment per layout paragraph
 * (footnotes included, each its own paragraph from `notesStart` on), the sentences inside each, and a
 * language per paragraph and for the document. Guarantees: every span lies in the text with
 * start < end; paragraphs and sentences are sorted and non-overlapping; a sentence never crosses its
 * paragraph (`paragraph` is its index in `paragraphs`).
 *
 * Language: each paragraph long enough is judged by franc-min; the document language is the majority
 * by characters of the judged paragraphs; short paragraphs and those franc is unsure about inherit it.
 * Sentences carry their paragraph's language.
 */
import type { Language, LaidOutText, Segment } from '../document.js';
import { pageAt } from '../document.js';
import type { Report } from '../message.js';
import type { Span } from '../span.js';
import { detectLanguage } from './detect-language.js';
import type { SegmentOptions } from './options.js';
import { splitSentences } from './split-sentences.js';
import { defaultAbbreviations } from './abbreviations.js';

export interface Segmentation {
  readonly language: Language;
  readonly paragraphs: readonly Segment[];
  readonly sentences: readonly Segment[];
}

const STAGE = 'segment';
const SOURCE = 'segment-document';
/** Characters of judged paragraphs in another language (an abstract's worth) that make a document mixed. */
const MIXED_CHARACTERS = 500;

export function segmentDocument(doc: LaidOutText, options: SegmentOptions, report: Report): Segmentation {
  const { text } = doc;
  const vocabulary = defaultAbbreviations();
  const spans = usableParagraphs(doc, report);

  const judged = spans.map((p) =>
    detectLanguage(text.slice(p.start, p.end), {
      languages: options.languages,
      minLength: options.minLanguageLength,
      margin: options.languageMargin,
    }),
  );
  const language = documentLanguage(spans, judged, options.languages);
  const minority = minorityCharacters(spans, judged, language);
  if (minority >= MIXED_CHARACTERS) {
    report.info(STAGE, SOURCE, 'mixed-language', `the text mixes languages: ${minority} characters of paragraphs are not in the document language (${language})`);
  }

  const paragraphs: Segment[] = [];
  const sentences: Segment[] = [];
  spans.forEach((p, index) => {
    const inFootnote = p.start >= doc.notesStart;
    const lang = judged[index] ?? language;
    paragraphs.push({ kind: 'paragraph', start: p.start, end: p.end, page: pageAt(doc, p.start), language: lang, inFootnote });
    for (const s of splitSentences(text, p, vocabulary)) {
      sentences.push({ kind: 'sentence', start: s.start, end: s.end, page: pageAt(doc, s.start), language: lang, inFootnote, paragraph: index });
    }
  });
  return { language, paragraphs, sentences };
}

/**
 * Layout's paragraphs clipped to the text and trimmed of surrounding whitespace, in order. Empty or
 * overlapping ones are dropped with a warning, since every later stage relies on sorted, disjoint spans.
 */
function usableParagraphs(doc: LaidOutText, report: Report): Span[] {
  const out: Span[] = [];
  let last = 0;
  for (const p of doc.paragraphs) {
    let start = Math.max(0, p.start);
    let end = Math.min(doc.text.length, p.end);
    while (start < end && /\s/.test(doc.text[start])) start++;
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    if (end <= start) continue; // blank paragraph: nothing to segment
    if (start < last) {
      report.warn(STAGE, SOURCE, 'paragraph-overlap', 'layout produced overlapping paragraphs; the later one was dropped from segmentation. Report this with the input file: it is a layout bug.', { span: { start: p.start, end: p.end } });
      continue;
    }
    out.push({ start, end });
    last = end;
  }
  return out;
}

/** Majority by characters of the judged paragraphs; the first configured language on a tie; 'und' if none was judged. */
function documentLanguage(spans: readonly Span[], judged: readonly (Language | null)[], languages: readonly Language[]): Language {
  const chars = new Map<Language, number>();
  spans.forEach((p, i) => {
    const l = judged[i];
    if (l) chars.set(l, (chars.get(l) ?? 0) + p.end - p.start);
  });
  let best: Language = 'und';
  let most = 0;
  for (const l of languages) {
    const n = chars.get(l) ?? 0;
    if (n > most) [best, most] = [l, n];
  }
  return best;
}

/** Characters of the judged paragraphs that are not in the document language. */
function minorityCharacters(spans: readonly Span[], judged: readonly (Language | null)[], language: Language): number {
  let n = 0;
  spans.forEach((p, i) => {
    if (judged[i] && judged[i] !== language) n += p.end - p.start;
  });
  return n;
}
