/**
 * Reading order of a PDF page with two columns: full-width lines above the columns (title, abstract)
 * first, then the left column top to bottom, then the right column, then full-width lines below. The
 * columns run from the nearest full-width line above them to the nearest one below, so the last lines
 * of the longer column of a balanced pair stay in their column.
 * A page counts as two-column when at least six lines sit wholly left of the middle and six wholly
 * right of it, side by side (their vertical ranges overlap). Other pages keep the extractor's order.
 * To do: lines the extractor merged across the gutter are not split.
 */
import type { RawLine, RawPage } from '../document.js';

/** Largest or smallest of many numbers (Math.max(...xs) overflows the call stack past ~100,000). */
function extreme(xs: readonly number[], pick: (a: number, b: number) => number, start = xs[0]): number {
  let out = start;
  for (const x of xs) out = pick(out, x);
  return out;
}

export function orderColumns(page: RawPage): { lines: RawLine[]; columns: boolean } {
  const lines = [...page.lines];
  const width = page.width ?? extreme(lines.map((l) => (l.x ?? 0) + (l.width ?? 0)), Math.max, 0);
  if (!width || lines.some((l) => l.x === undefined || l.y === undefined)) return { lines, columns: false };
  const mid = width / 2;
  const left = lines.filter((l) => l.text.trim() && l.x! + (l.width ?? 0) < mid + 4);
  const right = lines.filter((l) => l.text.trim() && l.x! > mid - 4);
  if (left.length < 6 || right.length < 6) return { lines, columns: false };
  const top = Math.min(extreme(left.map((l) => l.y!), Math.max), extreme(right.map((l) => l.y!), Math.max));
  const bottom = Math.max(extreme(left.map((l) => l.y!), Math.min), extreme(right.map((l) => l.y!), Math.min));
  // Sets, not Array.includes: a page of tens of thousands of lines would otherwise take minutes.
  const inLeft = new Set(left);
  const inRight = new Set(right);
  if (top <= bottom) return { lines, columns: false };
  const inColumns = (l: RawLine) => l.y! <= top + 1 && l.y! >= bottom - 1;
  const spanning = lines.filter((l) => inColumns(l) && !inLeft.has(l) && !inRight.has(l) && l.text.trim());
  // Many full-width lines between the columns' top and bottom mean a one-column page with a table.
  if (spanning.length > Math.min(left.length, right.length) / 3) return { lines, columns: false };
  // The columns reach up and down to the nearest full-width line: balanced columns end a line apart,
  // and the longer column's last lines, below the shorter one's end, are still that column.
  let ceiling = Infinity;
  let floor = -Infinity;
  for (const l of lines) {
    if (!l.text.trim() || inLeft.has(l) || inRight.has(l)) continue;
    if (l.y! > top + 1) ceiling = Math.min(ceiling, l.y!);
    else if (l.y! < bottom - 1) floor = Math.max(floor, l.y!);
  }
  const inRegion = (l: RawLine) => l.y! < ceiling && l.y! > floor;
  const byY = (a: RawLine, b: RawLine) => b.y! - a.y! || a.x! - b.x!;
  const above = lines.filter((l) => !inRegion(l) && l.y! >= ceiling).sort(byY);
  const below = lines.filter((l) => !inRegion(l) && l.y! <= floor).sort(byY);
  const middleLeft = lines.filter((l) => inRegion(l) && (inLeft.has(l) || (!inRight.has(l) && l.x! < mid))).sort(byY);
  const inMiddleLeft = new Set(middleLeft);
  const middleRight = lines.filter((l) => inRegion(l) && !inMiddleLeft.has(l)).sort(byY);
  return { lines: [...above, ...middleLeft, ...middleRight, ...below], columns: true };
}
