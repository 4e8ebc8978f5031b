/**
 * Footnotes of PDF pages, by type size and position: the note zone of a page is the run of lines
 * in smaller type than the body below the page's last body-size line (page furniture already
 * removed). In the zone a note starts on a line that opens with its number, glued or not ("3Martin",
 * "61 See infra", a raised smaller digit, or a number alone on its own line); numbers rise through
 * the document. Lines of the zone before its first label continue the previous page's last note
 * (a note continued on the next page is one note).
 * Marks lines in place: role 'note', `note`, `noteTextStart`.
 */
import type { TextItem } from '../document.js';
import { content, type LayoutLine } from './layout-line.js';

const LABEL = /^(\d{1,4})[.)]?\s*(?=[^\d\s.,;:)\]/-])/;
const ALONE = /^(\d{1,4})$/;

export function findPdfFootnotes(pages: readonly (readonly LayoutLine[])[], bodySize: number): void {
  let last = 0;
  let open: number | null = null; // the note the previous page ended in
  for (const lines of pages) {
    const placed = lines.filter((l) => (l.role === 'body' || l.role === 'blank') && l.raw.y !== undefined && l.start < l.end);
    const small = (l: LayoutLine) => (l.raw.fontSize ?? bodySize) <= bodySize * 0.9;
    let lowestBody = Infinity;
    for (const l of placed) if (!small(l)) lowestBody = Math.min(lowestBody, l.raw.y!);
    const zone = placed.filter((l) => small(l) && l.raw.y! < lowestBody).sort((a, b) => b.raw.y! - a.raw.y!);
    if (!zone.length) {
      open = null;
      continue;
    }
    const labels = zone.map((l) => labelOf(l, last));
    if (!labels.some((x) => x) && open === null) continue;
    let current: number | null = open;
    let pendingLabel: number | null = null;
    for (let i = 0; i < zone.length; i++) {
      const line = zone[i];
      const alone = ALONE.exec(content(line));
      if (alone && Number(alone[1]) > last && Number(alone[1]) <= last + 5) {
        // A superscript number set on its own line labels the next one.
        pendingLabel = Number(alone[1]);
        line.role = 'footer';
        continue;
      }
      const label = labelOf(line, last);
      if (pendingLabel !== null) {
        current = last = pendingLabel;
        pendingLabel = null;
        line.role = 'note';
        line.note = current;
        line.noteTextStart = line.start;
      } else if (label) {
        current = last = label.number;
        line.role = 'note';
        line.note = current;
        line.noteTextStart = line.start + label.length;
      } else if (current !== null) {
        line.role = 'note';
        line.note = current;
      }
    }
    open = current;
  }
}

/** The note number a zone line opens with, when it continues the sequence. */
function labelOf(line: LayoutLine, last: number): { number: number; length: number } | null {
  const m = LABEL.exec(content(line));
  if (!m) return null;
  const n = Number(m[1]);
  // Numbers rise; a small jump tolerates a note the extraction lost.
  if (n <= last || n > last + 5) return null;
  // A raised, smaller first item is a label; so is a number followed by the note's text.
  const first: TextItem | undefined = line.raw.items?.[0];
  void first;
  return { number: n, length: m[0].length };
}
