/**
 * The working record of one raw line while layout classifies it. Layout stages fill these in place
 * (role, note number, cuts) in a fixed order, then `buildLaidOutText` turns them into the normalized
 * text. Offsets are into the line's own `raw.text`; `raw.sourceStart` anchors them in the source.
 */
import type { RawLine } from '../document.js';

export type LineRole = 'body' | 'blank' | 'header' | 'footer' | 'note';

/** A range of the line removed from the running text; a marker when `number` is set. */
export interface Cut {
  readonly start: number;
  readonly end: number;
  /** Marker only: the footnote number and the digits' range in the line. */
  readonly number?: number;
  readonly digitsStart?: number;
  readonly digitsEnd?: number;
}

export interface LayoutLine {
  readonly raw: RawLine;
  /** Index in document order (pages, then lines as laid out). */
  readonly index: number;
  /** Content bounds in raw.text after trimming whitespace. */
  readonly start: number;
  readonly end: number;
  role: LineRole;
  /** Note lines: the footnote this line belongs to. */
  note?: number;
  /** First line of a note: where the note text begins after its label ("12 " or "[^12]: "). */
  noteTextStart?: number;
  /** Body lines: ranges to leave out (markers, spaced-hyphen artefacts, soft hyphens). */
  cuts: Cut[];
  /** Body lines: a heading, kept as its own paragraph. */
  heading?: boolean;
  /** Body lines: start a new paragraph here whatever the spacing says (list item, first line indent). */
  breakBefore?: boolean;
  /** Body lines (PDF): geometry says this line goes on with the paragraph above (a hanging indent's wrapped line). */
  continues?: boolean;
  /** Body lines (PDF): a marker found by geometry (raised, smaller digits), with the digits' range. */
  superscripts?: { start: number; end: number; number: number }[];
}

export function content(line: LayoutLine): string {
  return line.raw.text.slice(line.start, line.end);
}

export function toLayoutLines(lines: readonly RawLine[]): LayoutLine[] {
  return lines.map((raw, index) => {
    const text = raw.text;
    let start = 0;
    let end = text.length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return { raw, index, start, end, role: start === end ? 'blank' : 'body', cuts: [] };
  });
}

function isSpace(code: number): boolean {
  // Space, tab, NBSP, form feed, other Unicode spaces used by extractors.
  return code === 32 || code === 9 || code === 160 || code === 12 || code === 11 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0xfeff;
}

/** Leading whitespace width of a line (its indentation in a plain-text extraction). */
export function indentOf(line: LayoutLine): number {
  return line.start;
}
