/**
 * Layout: RawDocument → LaidOutText, the one normalized text with pages, footnotes, markers, statute
 * provisions and an offset map back to the source.
 * To do: replaced by the faithful layout (headers, footnotes, markers, hyphenation, columns).
 */
import type { LaidOutText, Page, RawDocument } from '../document.js';
import type { Report } from '../message.js';
import { TextBuilder } from '../offset-map.js';
import type { LayoutOptions } from './options.js';
import type { Span } from '../span.js';

export function layOut(raw: RawDocument, options: LayoutOptions, report: Report): LaidOutText {
  void options;
  void report;
  const b = new TextBuilder();
  const pages: Page[] = [];
  const paragraphs: Span[] = [];
  let paraStart = -1;
  for (const page of raw.pages) {
    const start = b.offset;
    for (const line of page.lines) {
      const t = line.text.trim();
      if (!t) {
        if (paraStart >= 0) paragraphs.push({ start: paraStart, end: b.offset });
        paraStart = -1;
        continue;
      }
      if (paraStart < 0) {
        if (b.offset > 0) b.insert('\n\n', line.sourceStart);
        paraStart = b.offset;
      } else b.insert(' ', line.sourceStart);
      b.copy(t, line.sourceStart + line.text.indexOf(t));
    }
    pages.push({ number: page.number, label: null, start, end: b.offset, header: [], footer: [] });
  }
  if (paraStart >= 0) paragraphs.push({ start: paraStart, end: b.offset });
  const { text, map } = b.build();
  return { text, notesStart: text.length, pages, footnotes: [], markers: [], provisions: [], sourceMap: map, paragraphs };
}
