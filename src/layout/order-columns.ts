/**
 * Reading order of a PDF page with two columns: full-width lines above the columns (title, abstract)
 * first, then the left column top to bottom, then the right column, then full-width lines below.
 * A page counts as two-column when at least six lines sit wholly left of the middle and six wholly
 * right of it, side by side (their vertical ranges overlap). Other pages keep the extractor's order.
 * To do: lines the extractor merged across the gutter are not split.
 */
import type { RawLine, RawPage } from '../document.js';

export function orderColumns(page: RawPage): { lines: RawLine[]; columns: boolean } {
  const lines = [...page.lines];
  const width = page.width ?? Math.max(0, ...lines.map((l) => (l.x ?? 0) + (l.width ?? 0)));
  if (!width || lines.some((l) => l.x === undefined || l.y === undefined)) return { lines, columns: false };
  const mid = width / 2;
  const left = lines.filter((l) => l.text.trim() && l.x! + (l.width ?? 0) < mid + 4);
  const right = lines.filter((l) => l.text.trim() && l.x! > mid - 4);
  if (left.length < 6 || right.length < 6) return { lines, columns: false };
  const top = Math.min(Math.max(...left.map((l) => l.y!)), Math.max(...right.map((l) => l.y!)));
  const bottom = Math.max(Math.min(...left.map((l) => l.y!)), Math.min(...right.map((l) => l.y!)));
  if (top <= bottom) return { lines, columns: false };
  const inColumns = (l: RawLine) => l.y! <= top + 1 && l.y! >= bottom - 1;
  const spanning = lines.filter((l) => inColumns(l) && !left.includes(l) && !right.includes(l) && l.text.trim());
  // Many full-width lines between the columns' top and bottom mean a one-column page with a table.
  if (spanning.length > Math.min(left.length, right.length) / 3) return { lines, columns: false };
  const byY = (a: RawLine, b: RawLine) => b.y! - a.y! || a.x! - b.x!;
  const above = lines.filter((l) => l.y! > top + 1).sort(byY);
  const below = lines.filter((l) => l.y! < bottom - 1).sort(byY);
  const middleLeft = lines.filter((l) => inColumns(l) && (left.includes(l) || (!right.includes(l) && l.x! < mid))).sort(byY);
  const middleRight = lines.filter((l) => inColumns(l) && !middleLeft.includes(l)).sort(byY);
  return { lines: [...above, ...middleLeft, ...middleRight, ...below], columns: true };
}
