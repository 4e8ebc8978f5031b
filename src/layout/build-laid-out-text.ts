/**
 * Assembles the normalized text from classified lines with a TextBuilder, so every character maps
 * back to the source: body paragraphs first (lines of a paragraph joined by one space or rejoined
 * across a line-end hyphen, paragraphs by "\n\n", cuts left out and markers recorded where they
 * stood), then "\n\n" and the footnotes one per line, ordered by number, each note's lines joined
 * the same way (a note continued on a later page is one note).
 * Guarantees: pages cover the body in order (every page, even empty); `paragraphs` lists the body
 * paragraphs and then each footnote's span; marker spans are zero-width at the removal point.
 */
import type { Footnote, Page } from '../document.js';
import { TextBuilder, type OffsetMapData } from '../offset-map.js';
import type { Span } from '../span.js';
import type { DocumentLexicon } from './document-lexicon.js';
import { joinLineBreak } from './join-line-break.js';
import type { Cut, LayoutLine } from './layout-line.js';

export interface PageFurniture {
  readonly label: string | null;
  readonly header: readonly string[];
  readonly footer: readonly string[];
}

export interface MarkerAt extends Span {
  readonly number: number;
  readonly page: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

export interface BuiltText {
  readonly text: string;
  readonly sourceMap: OffsetMapData;
  readonly notesStart: number;
  readonly pages: Page[];
  readonly paragraphs: Span[];
  readonly footnotes: Footnote[];
  readonly markers: MarkerAt[];
}

const HELD_HYPHEN = /\p{L}[-\u2010\u00ad]$/u;

/** A line-end hyphen not yet written: whether it stays depends on the next line. */
interface Held {
  readonly source: number;
  readonly char: string;
  readonly lineText: string;
}

export function buildLaidOutText(
  lines: readonly LayoutLine[],
  pageNumbers: readonly number[],
  furniture: ReadonlyMap<number, PageFurniture>,
  lexicon: DocumentLexicon,
  prefixes: ReadonlySet<string>,
): BuiltText {
  const b = new TextBuilder();
  const pages: Page[] = [];
  const paragraphs: Span[] = [];
  const markers: MarkerAt[] = [];
  const byPage = new Map<number, LayoutLine[]>();
  for (const line of lines) {
    const list = byPage.get(line.raw.page) ?? [];
    list.push(line);
    byPage.set(line.raw.page, list);
  }
  let held: Held | null = null;
  const flush = (): void => {
    if (held && held.char !== '\u00ad') b.copy(held.char, held.source);
    held = null;
  };
  /** Appends [from, to) of a line that continues the current paragraph or note (or starts it when `first`). */
  const append = (line: LayoutLine, from: number, to: number, first: boolean): void => {
    const src = line.raw.sourceStart;
    if (!first) {
      const h = held as Held | null;
      if (h) {
        const join = joinLineBreak(h.lineText, line.raw.text.slice(from, to), lexicon, prefixes);
        if (join === 'keep-hyphen') b.copy(h.char, h.source);
        else if (join === 'space') {
          if (h.char !== '\u00ad') b.copy(h.char, h.source);
          b.insert(' ', src + from);
        }
        held = null;
      } else b.insert(' ', src + from);
    }
    let end = to;
    if (HELD_HYPHEN.test(line.raw.text.slice(Math.max(from, end - 2), end)) && !line.cuts.some((c) => c.end >= end)) {
      end -= 1;
      held = { source: src + end, char: line.raw.text[end], lineText: line.raw.text.slice(from, to) };
    }
    appendWithCuts(b, line, from, end, markers);
  };

  // Body.
  let paraStart = -1;
  for (const number of pageNumbers) {
    const start = b.offset;
    for (const line of byPage.get(number) ?? []) {
      if (line.role !== 'body') continue;
      const first = paraStart < 0 || line.breakBefore === true;
      if (first) {
        flush();
        if (paraStart >= 0) paragraphs.push({ start: paraStart, end: b.offset });
        if (b.offset > 0) b.insert('\n\n', line.raw.sourceStart + line.start);
        paraStart = b.offset;
      }
      append(line, line.start, line.end, first);
    }
    const f = furniture.get(number);
    pages.push({ number, label: f?.label ?? null, start, end: b.offset, header: f?.header ?? [], footer: f?.footer ?? [] });
  }
  flush();
  if (paraStart >= 0) paragraphs.push({ start: paraStart, end: b.offset });
  if (pages.length) pages[pages.length - 1] = { ...pages[pages.length - 1], end: b.offset };

  // Notes, in number order; lines of one number (a note continued over a page) are one note.
  const notes = new Map<number, LayoutLine[]>();
  for (const line of lines) {
    if (line.role !== 'note' || line.note === undefined) continue;
    const list = notes.get(line.note) ?? [];
    list.push(line);
    notes.set(line.note, list);
  }
  const footnotes: Footnote[] = [];
  let notesStart = -1;
  for (const n of [...notes.keys()].sort((x, y) => x - y)) {
    const noteLines = notes.get(n)!;
    const head = noteLines[0];
    if (notesStart < 0) {
      if (b.offset > 0) b.insert('\n\n', head.raw.sourceStart);
      notesStart = b.offset;
    } else b.insert('\n', head.raw.sourceStart);
    const start = b.offset;
    let first = true;
    for (const line of noteLines) {
      const from = line.noteTextStart ?? line.start;
      if (from >= line.end) continue;
      append(line, from, line.end, first);
      first = false;
    }
    flush();
    footnotes.push({ number: n, page: head.raw.page, start, end: b.offset });
    paragraphs.push({ start, end: b.offset });
  }
  const { text, map } = b.build();
  return { text, sourceMap: map, notesStart: notesStart < 0 ? text.length : notesStart, pages, paragraphs, footnotes, markers };
}

function appendWithCuts(b: TextBuilder, line: LayoutLine, from: number, to: number, markers: MarkerAt[]): void {
  const text = line.raw.text;
  const src = line.raw.sourceStart;
  let at = from;
  const cuts: Cut[] = line.cuts.filter((c) => c.end > from && c.start <= to).sort((x, y) => x.start - y.start);
  for (const c of cuts) {
    if (c.start > at) b.copy(text.slice(at, Math.min(c.start, to)), src + at);
    if (c.number !== undefined) {
      markers.push({ start: b.offset, end: b.offset, number: c.number, page: line.raw.page, sourceStart: src + c.digitsStart!, sourceEnd: src + c.digitsEnd! });
    }
    at = Math.max(at, c.end);
  }
  if (to > at) b.copy(text.slice(at, to), src + at);
}
