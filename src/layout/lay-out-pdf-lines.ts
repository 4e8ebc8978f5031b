/**
 * The PDF half of layout: orders each page's lines (columns), removes running headers and footers,
 * finds the footnote zone of each page by type size and position, and marks paragraph starts from
 * geometry (a first-line indent after a finished line, a wider gap between lines). Returns the
 * classified lines in reading order and each page's furniture (label, header, footer).
 */
import type { RawDocument } from '../document.js';
import type { Report } from '../message.js';
import type { PageFurniture } from './build-laid-out-text.js';
import { findPdfFootnotes } from './find-pdf-footnotes.js';
import { findRunningLines } from './find-running-lines.js';
import { content, type LayoutLine, toLayoutLines } from './layout-line.js';
import type { LayoutVocabulary } from './layout-vocabulary.js';
import type { LayoutOptions } from './options.js';
import { orderColumns } from './order-columns.js';

export interface PdfLines {
  readonly lines: LayoutLine[];
  readonly furniture: Map<number, PageFurniture>;
  readonly bodySize: number;
  readonly columnPages: number;
}

export function layOutPdfLines(raw: RawDocument, options: LayoutOptions, vocabulary: LayoutVocabulary, report: Report): PdfLines {
  let columnPages = 0;
  const ordered = raw.pages.map((page) => {
    if (!options.columns) return [...page.lines];
    const { lines, columns } = orderColumns(page);
    if (columns) columnPages++;
    return lines;
  });
  if (columnPages) report.info('layout', 'layout', 'columns', `${columnPages} page(s) read as two columns`);
  const lines = toLayoutLines(ordered.flat());
  const pages: LayoutLine[][] = [];
  let at = 0;
  for (const list of ordered) {
    pages.push(lines.slice(at, at + list.length));
    at += list.length;
  }
  // Running lines are few: the size most text is set in is the body's with or without them.
  const bodySize = dominantSize(lines.filter((l) => l.role === 'body'));
  const furniture = options.headers ? findRunningLines(pages, vocabulary, bodySize) : new Map<number, PageFurniture>();
  if (options.footnotes) findPdfFootnotes(pages, bodySize);
  for (const page of pages) markGeometricBreaks(page.filter((l) => l.role === 'body'));
  return { lines, furniture, bodySize, columnPages };
}

/** The font size most of the text is set in (weighted by characters). */
function dominantSize(lines: readonly LayoutLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    if (l.raw.fontSize === undefined) continue;
    const size = Math.round(l.raw.fontSize * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + (l.end - l.start));
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best || 10;
}

/** A first-line indent after a finished or short line, or a gap wider than the usual leading, starts a paragraph. */
function markGeometricBreaks(body: readonly LayoutLine[]): void {
  if (body.length < 2) return;
  const xs = body.map((l) => Math.round(l.raw.x ?? 0));
  const margin = mode(xs);
  const rights = body.map((l) => (l.raw.x ?? 0) + (l.raw.width ?? 0));
  // A loop, not Math.max(...rights): spreading a page of 100,000+ lines overflows the call stack.
  let fullRight = -Infinity;
  for (const r of rights) fullRight = Math.max(fullRight, r);
  const steps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const d = (body[i - 1].raw.y ?? 0) - (body[i].raw.y ?? 0);
    if (d > 0) steps.push(Math.round(d));
  }
  const leading = steps.length ? mode(steps) : 0;
  for (let i = 1; i < body.length; i++) {
    const prev = body[i - 1];
    const line = body[i];
    const x = line.raw.x ?? 0;
    const d = (prev.raw.y ?? 0) - (line.raw.y ?? 0);
    const prevShort = (prev.raw.x ?? 0) + (prev.raw.width ?? 0) < fullRight - 0.1 * (fullRight - margin);
    const finished = /[.!?:;]["'”’)]*$/.test(content(prev));
    const indented = x > margin + 6 && x < margin + 80;
    if ((indented && (finished || prevShort)) || (leading > 0 && d > leading * 1.45)) line.breakBefore = true;
  }
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}
