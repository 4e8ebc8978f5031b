/**
 * Segmentation: paragraphs (from layout), sentences inside them, and a language per paragraph and
 * per document. To do: replaced by the legal-aware splitter and franc-min language ID.
 */
import type { Language, LaidOutText, Segment } from '../document.js';
import { pageAt } from '../document.js';
import type { Report } from '../message.js';
import type { SegmentOptions } from './options.js';

export interface Segmentation {
  readonly language: Language;
  readonly paragraphs: readonly Segment[];
  readonly sentences: readonly Segment[];
}

export function segmentDocument(doc: LaidOutText, options: SegmentOptions, report: Report): Segmentation {
  void options;
  void report;
  const paragraphs: Segment[] = [];
  const sentences: Segment[] = [];
  doc.paragraphs.forEach((p, index) => {
    const inFootnote = p.start >= doc.notesStart;
    paragraphs.push({ kind: 'paragraph', start: p.start, end: p.end, page: pageAt(doc, p.start), language: 'und', inFootnote });
    const re = /[^.!?]+(?:[.!?]+|$)/g;
    const body = doc.text.slice(p.start, p.end);
    for (const m of body.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const s = p.start + m.index! + lead;
      const e = p.start + m.index! + m[0].trimEnd().length;
      if (e > s) sentences.push({ kind: 'sentence', start: s, end: e, page: pageAt(doc, s), language: 'und', inFootnote, paragraph: index });
    }
  });
  return { language: 'und', paragraphs, sentences };
}
