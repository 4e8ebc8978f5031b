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
  for (const block of columnRuns(body)) markHangingIndent(block);
  // Pieces of one printed line (an item label set apart from its text, "1." | "Keimigrasian adalah …",
  // or the words of a widely justified line) go on with the piece before them; a bare item label among
  // them starts an item ("Menimbang :" | "a." | "bahwa …").
  for (let i = 1; i < body.length; i++) {
    const prev = body[i - 1];
    const line = body[i];
    if (Math.abs((line.raw.y ?? 0) - (prev.raw.y ?? 0)) > 1 || (line.raw.x ?? 0) <= (prev.raw.x ?? 0)) continue;
    if (BARE_LABEL.test(content(line))) {
      line.breakBefore = true;
      line.continues = false;
      continue;
    }
    if (BARE_LABEL.test(content(prev))) prev.breakBefore = true;
    line.breakBefore = false;
    line.continues = true;
  }
}

const BARE_LABEL = /^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[•▪●◦*–—-])$/;

/** Runs of lines going down one column: a line above the previous one, or far to its side, starts a run. */
function columnRuns(body: readonly LayoutLine[]): LayoutLine[][] {
  const runs: LayoutLine[][] = [];
  let run: LayoutLine[] = [];
  for (const line of body) {
    const prev = run[run.length - 1];
    // Pieces of one printed line (a paragraph number, then its text) share a baseline and stay in the run.
    const sameLine = prev && Math.abs((line.raw.y ?? 0) - (prev.raw.y ?? 0)) <= 1 && (line.raw.x ?? 0) > (prev.raw.x ?? 0);
    if (prev && !sameLine && ((line.raw.y ?? 0) >= (prev.raw.y ?? 0) || Math.abs((line.raw.x ?? 0) - (prev.raw.x ?? 0)) > 60)) {
      runs.push(run);
      run = [];
    }
    run.push(line);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * A hanging indent (bibliographies, lists of instruments, statute items): an entry's first line runs
 * full width and its wrapped lines are indented under it. An indented line after a full line that
 * neither ends a sentence nor leads into a list (":") continues the entry, and so do the lines after it at the same
 * indent; a line further out starts the next entry. A first-line indent looks the same from one line,
 * so a run of lines is read this way only when indents after full lines (wraps) are more common in
 * it than indents after short or finished lines (new paragraphs), and happen at least twice, and
 * when the wrapped lines mostly end short (the entry's end) rather than full with the text running on
 * at the margin (a first-line indent).
 */
function markHangingIndent(pieces: readonly LayoutLine[]): void {
  // Judged on printed lines: pieces on one baseline count as one line, from the first's left edge to
  // the last's right edge; marks go on the first piece.
  const ends = new Map<LayoutLine, LayoutLine>();
  const run: LayoutLine[] = [];
  for (const l of pieces) {
    const prev = run[run.length - 1];
    if (prev && Math.abs((l.raw.y ?? 0) - (prev.raw.y ?? 0)) <= 1 && (l.raw.x ?? 0) > (prev.raw.x ?? 0)) ends.set(prev, l);
    else run.push(l);
  }
  if (run.length < 3) return;
  const x = (l: LayoutLine) => l.raw.x ?? 0;
  const rightOf = (l: LayoutLine) => {
    const last = ends.get(l) ?? l;
    return x(last) + (last.raw.width ?? 0);
  };
  let left = Infinity;
  let right = -Infinity;
  for (const l of run) {
    left = Math.min(left, x(l));
    right = Math.max(right, rightOf(l));
  }
  const full = (l: LayoutLine) => rightOf(l) >= right - 0.04 * (right - left);
  const step = (d: number) => d >= 6 && d <= 40;
  const wraps = (prev: LayoutLine, line: LayoutLine) => step(x(line) - x(prev)) && full(prev) && !/[.!?:]["'”’)]*$/.test(content(ends.get(prev) ?? prev));
  // An entry's wrapped lines end short, where the entry ends; a first-line indent is a single full
  // line with the paragraph running on at the margin below it.
  let closed = 0;
  let open = 0;
  let indentCount = 0;
  for (let i = 1; i < run.length; i++) {
    if (wraps(run[i - 1], run[i])) {
      let j = i;
      while (j + 1 < run.length && Math.abs(x(run[j + 1]) - x(run[i])) <= 2) j++;
      if (full(run[j]) && j + 1 < run.length) open++;
      else closed++;
    } else if (step(x(run[i]) - x(run[i - 1]))) indentCount++;
  }
  if (closed < 2 || closed <= open || closed <= indentCount) return;
  // A run opening at the indent continues the entry the previous column or page ended in.
  let indent: number | null = step(x(run[0]) - left) ? x(run[0]) : null;
  if (indent !== null) run[0].continues = true;
  for (let i = 1; i < run.length; i++) {
    const prev = run[i - 1];
    const line = run[i];
    if (wraps(prev, line)) {
      indent = x(line);
      // The line it wraps from opens an entry, even one that reads like a heading ("Undang-Undang Dasar …").
      if (!prev.continues && i > 1) prev.breakBefore = true;
    } else if (indent === null || Math.abs(x(line) - indent) > 2) {
      if (x(line) < x(prev) - 6) line.breakBefore = true;
      indent = null;
      continue;
    }
    line.continues = true;
    line.breakBefore = false;
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
