/**
 * The themes annotator: codes every sentence with the codebook's themes whose rules fire, and rolls
 * the sentence codes up onto their paragraphs. Each code is a `theme-code` annotation whose span is
 * the sentence (or paragraph) and whose data carries the theme, the score and the evidence (rule ids,
 * matched surfaces and their spans): a code is never a bare label. The codebook's version is not
 * repeated in every code: it is part of the themes annotator's effective version, which the store keeps
 * per document (documents.annotator_versions) and per run, so that a code a codebook edit leaves as it
 * was is the same row, with the same id, after a re-code.
 * Reads instrument mentions (`instrument-mention`, data.instrumentId) of earlier annotators for the
 * instrument-linked rules. Sentences inside footnotes are coded too and marked `inFootnote`.
 */
import type { Annotation, Segment, TelaahDocument } from '../../document.js';
import type { Span } from '../../span.js';
import type { AnnotatorDefinition } from '../annotator.js';
import { compileCodebook, type CompiledCodebook } from './compile-codebook.js';
import { codeSentence, type Evidence, type InstrumentMention, type SentenceCode } from './code-sentence.js';
import { loadCodebook } from './load-codebook.js';
import type { ThemesOptions } from './options.js';

export const THEMES_ANNOTATOR_VERSION = '1.0.0';

export type ThemeCodeLevel = 'sentence' | 'paragraph';

export type ThemeCodeData = {
  readonly themeId: string;
  readonly themeName: string;
  readonly level: ThemeCodeLevel;
  readonly score: number;
  readonly evidence: readonly Evidence[];
  /** Paragraph roll-ups only: how many of the paragraph's sentences carry the code. */
  readonly sentences?: number;
};

export type ThemeCode = Annotation<ThemeCodeData>;

function instrumentMentions(doc: TelaahDocument): InstrumentMention[] {
  const out: InstrumentMention[] = [];
  for (const a of doc.annotations) {
    if (a.kind !== 'instrument-mention') continue;
    const id = (a.data as { instrumentId?: unknown }).instrumentId;
    if (typeof id === 'string') out.push({ start: a.start, end: a.end, instrumentId: id, surface: doc.text.slice(a.start, a.end) });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Mentions sorted by start, with the longest one's length, for windowed look-ups. */
interface MentionIndex {
  readonly mentions: readonly InstrumentMention[];
  readonly longest: number;
}

function indexMentions(mentions: readonly InstrumentMention[]): MentionIndex {
  let longest = 0;
  for (const m of mentions) longest = Math.max(longest, m.end - m.start);
  return { mentions, longest };
}

/**
 * The mentions overlapping `span`. Starts by binary search at the first mention that could reach into
 * the span (none starts more than `longest` before it and still overlaps), so coding every sentence of
 * a document full of mentions stays linear instead of rescanning from the first mention.
 */
function overlapping({ mentions, longest }: MentionIndex, span: Span): InstrumentMention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < span.start - longest) lo = mid + 1;
    else hi = mid;
  }
  const out: InstrumentMention[] = [];
  for (let i = lo; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.start >= span.end) break;
    if (m.end > span.start) out.push(m);
  }
  return out;
}

function annotation(span: Segment, code: SentenceCode, level: ThemeCodeLevel, sentences?: number): ThemeCode {
  return {
    kind: 'theme-code',
    start: span.start,
    end: span.end,
    page: span.page,
    source: 'themes',
    version: THEMES_ANNOTATOR_VERSION,
    rule: `${code.themeId}/${code.evidence[0]?.rule ?? 'none'}`,
    inFootnote: span.inFootnote,
    data: {
      themeId: code.themeId,
      themeName: code.themeName,
      level,
      score: code.score,
      evidence: code.evidence,
      ...(sentences !== undefined ? { sentences } : {}),
    },
  };
}

/** Merges the evidence of a paragraph's sentence codes by rule. */
function mergeEvidence(codes: readonly SentenceCode[]): Evidence[] {
  const byRule = new Map<string, { terms: string[]; spans: Span[] }>();
  for (const c of codes) {
    for (const e of c.evidence) {
      const slot = byRule.get(e.rule) ?? { terms: [], spans: [] };
      for (const t of e.terms) if (!slot.terms.includes(t)) slot.terms.push(t);
      // One by one: a long sentence's evidence can hold more spans than a spread call takes arguments.
      for (const span of e.spans) slot.spans.push(span);
      byRule.set(e.rule, slot);
    }
  }
  return [...byRule].map(([rule, { terms, spans }]) => ({ rule, terms, spans }));
}

function paragraphOf(paragraphs: readonly Segment[], sentence: Segment): number {
  if (sentence.paragraph !== undefined && paragraphs[sentence.paragraph] && paragraphs[sentence.paragraph].start <= sentence.start && sentence.end <= paragraphs[sentence.paragraph].end) return sentence.paragraph;
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentence.start < paragraphs[mid].start) hi = mid - 1;
    else if (sentence.start >= paragraphs[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Codes a document with a compiled codebook (the annotator without its options). */
export function codeDocument(compiled: CompiledCodebook, doc: TelaahDocument, options: { paragraphs?: boolean } = {}): ThemeCode[] {
  const mentions = indexMentions(instrumentMentions(doc));
  const out: ThemeCode[] = [];
  const byParagraph = new Map<number, Map<string, SentenceCode[]>>();
  for (const sentence of doc.segments.sentences) {
    const text = doc.text.slice(sentence.start, sentence.end);
    const codes = codeSentence(compiled, text, { offset: sentence.start, mentions: overlapping(mentions, sentence) });
    if (!codes.length) continue;
    const p = options.paragraphs === false ? -1 : paragraphOf(doc.segments.paragraphs, sentence);
    for (const code of codes) {
      out.push(annotation(sentence, code, 'sentence'));
      if (p < 0) continue;
      const themes = byParagraph.get(p) ?? new Map<string, SentenceCode[]>();
      // Appended in place: copying the list per sentence is quadratic in a paragraph's sentences.
      const codesOfTheme = themes.get(code.themeId);
      if (codesOfTheme) codesOfTheme.push(code);
      else themes.set(code.themeId, [code]);
      byParagraph.set(p, themes);
    }
  }
  for (const [p, themes] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
    const paragraph = doc.segments.paragraphs[p];
    for (const [themeId, codes] of themes) {
      const score = codes.reduce((sum, c) => sum + c.score, 0);
      const rolled: SentenceCode = { themeId, themeName: codes[0].themeName, score, evidence: mergeEvidence(codes) };
      out.push(annotation(paragraph, rolled, 'paragraph', codes.length));
    }
  }
  return out;
}

export const themesAnnotator: AnnotatorDefinition<ThemesOptions & { codebookFile: string }> = {
  id: 'themes',
  version: THEMES_ANNOTATOR_VERSION,
  reads: ['instruments'],
  create(options) {
    if (!options.enabled) return () => [];
    const compiled = compileCodebook(loadCodebook(options.codebookFile));
    return (doc) => codeDocument(compiled, doc, { paragraphs: options.paragraphs });
  },
};
