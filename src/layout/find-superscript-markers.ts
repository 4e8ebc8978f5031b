/**
 * Footnote markers in PDF body lines by geometry: digits set smaller than the line's type (or on a
 * raised baseline), not opening the line unless raised, as in "politik.¹". An item may carry a list
 * ("3,4" or "5–7"): each number is a marker. Returns marker candidates (explicit: geometry says they
 * are calls), so linking cuts them and records whether their note exists.
 */
import type { MarkerCandidate } from './find-marker-candidates.js';
import type { LayoutLine } from './layout-line.js';

const DIGITS = /^\s*(\d{1,3}(?:\s?[,–-]\s?\d{1,3})*)\s*$/;

export function findSuperscriptMarkers(lines: readonly LayoutLine[]): MarkerCandidate[] {
  const found: MarkerCandidate[] = [];
  for (const line of lines) {
    const items = line.raw.items;
    if (line.role !== 'body' || !items?.length || line.raw.fontSize === undefined) continue;
    let at = 0;
    items.forEach((item, i) => {
      const start = at;
      at += item.text.length;
      const m = DIGITS.exec(item.text);
      if (!m) return;
      const smaller = item.fontSize <= line.raw.fontSize! * 0.85;
      const raised = line.raw.y !== undefined && item.y > line.raw.y + 1;
      if (!smaller || (i === 0 && !raised)) return;
      const lead = item.text.indexOf(m[1]);
      for (const d of m[1].matchAll(/\d{1,3}/g)) {
        const digitsStart = start + lead + d.index!;
        found.push({
          line,
          number: Number(d[0]),
          digitsStart,
          digitsEnd: digitsStart + d[0].length,
          // The digits only: spaces around them belong to the running text.
          cutStart: start + lead,
          cutEnd: start + lead + m[1].length,
          explicit: true,
        });
      }
    });
  }
  return found;
}
