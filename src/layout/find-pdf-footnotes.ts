/**
 * Footnotes of PDF pages, by type size and position: the note zone of a page is the run of lines
 * in smaller type than the body below the page's last body-size line (page furniture already
 * removed). In the zone a note starts on a line that opens with its number, glued or not ("3Martin",
 * "61 See infra", a raised smaller digit, or a number alone on its own line); numbers rise through
 * the document. Lines of the zone before its first label continue the previous page's last note
 * (a note continued on the next page is one note).
 * A number opening a line is a label only in the document's label style: where most labels are set
 * as superscripts, a full-size number is the wrapped text of the note above ("…Samudra 8, no." /
 * "2 (2019): 112-131"). Where labels are set in the text's own size, a number that opens the next
 * line again further down the zone is read as a continuation when it follows a full line (the note
 * above ran out of room), since the note itself follows its predecessor's short last line.
 * Marks lines in place: role 'note', `note`, `noteTextStart`.
 */
import { content, type LayoutLine } from './layout-line.js';

const LABEL = /^(\d{1,4})[.)]?\s*(?=[^\d\s.,;:)\]/-])/;
const ALONE = /^(\d{1,4})$/;
const DIGITS = /^\s*\d{1,4}[.)]?\s*$/;

export function findPdfFootnotes(pages: readonly (readonly LayoutLine[])[], bodySize: number): void {
  const zones = pages.map((lines) => noteZone(lines, bodySize));
  const raisedOnly = labelsAreRaised(zones.flat());
  let last = 0;
  let open: number | null = null; // the note the previous page ended in
  for (const zone of zones) {
    if (!zone.length) {
      open = null;
      continue;
    }
    const labelOf = (line: LayoutLine, after: number) => labelIn(line, after, raisedOnly);
    const labels = zone.map((l) => labelOf(l, last));
    if (!labels.some((x) => x) && open === null) continue;
    let right = 0;
    for (const l of zone) right = Math.max(right, (l.raw.x ?? 0) + (l.raw.width ?? 0));
    const full = (l: LayoutLine | undefined) => l !== undefined && (l.raw.x ?? 0) + (l.raw.width ?? 0) >= right - 0.03 * (l.raw.width ?? 0);
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
      let label = labelOf(line, last);
      if (label && !raisedOnly && current !== null && full(zone[i - 1])) {
        const again = zone.findIndex((l, j) => j > i && labelOf(l, last)?.number === label!.number);
        if (again > 0 && !full(zone[again - 1])) label = null;
      }
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

/** Lines in smaller type than the body below the page's lowest body-size line, top to bottom. */
function noteZone(lines: readonly LayoutLine[], bodySize: number): LayoutLine[] {
  const placed = lines.filter((l) => (l.role === 'body' || l.role === 'blank') && l.raw.y !== undefined && l.start < l.end);
  const small = (l: LayoutLine) => (l.raw.fontSize ?? bodySize) <= bodySize * 0.9;
  let lowestBody = Infinity;
  for (const l of placed) if (!small(l)) lowestBody = Math.min(lowestBody, l.raw.y!);
  return placed.filter((l) => small(l) && l.raw.y! < lowestBody).sort((a, b) => b.raw.y! - a.raw.y!);
}

/** Whether a line opens with a note number set apart as a superscript: smaller or raised digits. */
function raisedLabel(line: LayoutLine): boolean {
  const items = line.raw.items;
  if (!items || items.length < 2 || !DIGITS.test(items[0].text)) return false;
  const next = items.find((it, i) => i > 0 && /\S/.test(it.text));
  if (!next) return false;
  return items[0].fontSize <= next.fontSize * 0.85 || items[0].y > next.y + 1;
}

/** The document sets its note labels as superscripts when most zone lines opening with a number do. */
function labelsAreRaised(zoneLines: readonly LayoutLine[]): boolean {
  let raised = 0;
  let numbered = 0;
  for (const l of zoneLines) {
    if (!LABEL.test(content(l))) continue;
    numbered++;
    if (raisedLabel(l)) raised++;
  }
  return raised >= 3 && raised >= numbered * 0.6;
}

/** The note number a zone line opens with, when it continues the sequence and has the label style. */
function labelIn(line: LayoutLine, last: number, raisedOnly: boolean): { number: number; length: number } | null {
  const m = LABEL.exec(content(line));
  if (!m) return null;
  const n = Number(m[1]);
  // Numbers rise; a small jump tolerates a note the extraction lost.
  if (n <= last || n > last + 5) return null;
  if (raisedOnly && !raisedLabel(line)) return null;
  return { number: n, length: m[0].length };
}
