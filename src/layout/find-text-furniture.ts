/**
 * Page furniture of plain-text extractions made from PDFs by other tools: printed page numbers
 * ("1 / 43", "Halaman 3 dari 40", "Page 3 of 40", "- 5 -"), alone on a line or glued to the end of the
 * page's last line of text, and running lines repeated at page boundaries ("www.hukumonline.com/pusatdata").
 * A page number counts only as part of a rising sequence (at least three, rising with the text), so a
 * "2 / 3" inside a sentence is text. A line counts as running when its text (digits masked) recurs at
 * least three times, most of them right after or before a page boundary (a form feed, a page number,
 * the start or end of the file).
 * Takes the text's layout lines; returns new lines with furniture marked 'header' / 'footer' and glued
 * page numbers trimmed off (so the offset map skips them), each line on the page it was printed on
 * (inferred from the page numbers when the file has no form feeds), and each page's label and
 * removed lines.
 */
import type { PageFurniture } from './build-laid-out-text.js';
import { content, type LayoutLine, type LineRole } from './layout-line.js';
import { alternation, type LayoutVocabulary } from './layout-vocabulary.js';

export interface TextPages {
  readonly lines: LayoutLine[];
  readonly pageNumbers: number[];
  readonly furniture: Map<number, PageFurniture>;
}

interface Folio {
  readonly line: number; // index in lines
  readonly number: number;
  readonly start: number; // where the page number (and the space before it) starts in raw.text
  readonly alone: boolean;
}

export function findTextFurniture(input: readonly LayoutLine[], vocabulary: LayoutVocabulary, pageCount: number): TextPages {
  const words = alternation(vocabulary.pageWords);
  const of = alternation(vocabulary.ofWords);
  // "n / N", "Halaman n dari N", "Page n of N" at the end of a line; "- n -" or "Page n" alone.
  const ofTotal = new RegExp(`(?:^|[ \\t])(?:(?:${words}) ?)?(\\d{1,4}) ?(?:${of}) ?(\\d{1,4})[ \\t]*$`, 'i');
  const alone = new RegExp(`^(?:(?:${words}) ?)?(?:[-–—] ?)?(\\d{1,4})(?: ?[-–—])?$`, 'i');
  const furnitureWords = new Set(vocabulary.furniture.map(key));

  const found: (Folio & { total: number | null })[] = [];
  input.forEach((line, i) => {
    if (line.role !== 'body') return;
    const text = line.raw.text.slice(0, line.end);
    const m = ofTotal.exec(text.slice(Math.max(line.start, text.length - 40)));
    if (m) {
      const at = text.length - Math.min(text.length - line.start, 40) + m.index;
      found.push({ line: i, number: Number(m[1]), total: Number(m[2]), start: at, alone: at <= line.start });
      return;
    }
    const a = alone.exec(content(line));
    if (a) found.push({ line: i, number: Number(a[1]), total: null, start: line.start, alone: true });
  });
  const folios = risingRun(found);

  // Pages: form feeds when the file has them, otherwise the printed numbers (a number ends its page).
  const pageOf = new Array<number>(input.length);
  if (pageCount > 1 || folios.length === 0) input.forEach((l, i) => (pageOf[i] = l.raw.page));
  else {
    let f = folios.length - 1;
    for (let i = input.length - 1; i >= 0; i--) {
      while (f >= 0 && folios[f].line >= i) f--;
      // Lines after the folio f (or before the first) belong to the page the next folio closes.
      const next = folios[f + 1];
      pageOf[i] = next ? next.number : folios[folios.length - 1].number + 1;
    }
  }
  const folioAt = new Map(folios.map((f) => [f.line, f]));

  // Boundaries: a line is next to one when the nearest non-blank line before or after it is on
  // another page, is a page number, or is the file's edge.
  const nonBlank = input.map((l, i) => (l.role === 'blank' ? -1 : i)).filter((i) => i >= 0);
  const position = new Map(nonBlank.map((i, k) => [i, k]));
  const afterBoundary = (i: number) => {
    const k = position.get(i)!;
    const prev = nonBlank[k - 1];
    return prev === undefined || pageOf[prev] !== pageOf[i] || (folioAt.get(prev)?.alone ?? false) || folioAt.has(prev);
  };
  const beforeBoundary = (i: number) => {
    const k = position.get(i)!;
    const next = nonBlank[k + 1];
    return next === undefined || pageOf[next] !== pageOf[i] || (folioAt.get(next)?.alone ?? false);
  };
  const seen = new Map<string, { count: number; atEdge: number }>();
  for (const i of nonBlank) {
    if (folioAt.get(i)?.alone) continue;
    const k = key(content(input[i]));
    const s = seen.get(k) ?? { count: 0, atEdge: 0 };
    s.count++;
    if (afterBoundary(i) || beforeBoundary(i)) s.atEdge++;
    seen.set(k, s);
  }
  const running = (i: number) => {
    const k = key(content(input[i]));
    const s = seen.get(k)!;
    if (!(afterBoundary(i) || beforeBoundary(i)) || k.replace(/[#\s]/g, '').length === 0) return false;
    return furnitureWords.has(k) || (s.count >= 3 && s.atEdge >= s.count * 0.6 && k.length <= 80);
  };

  const furniture = new Map<number, { label: string | null; header: string[]; footer: string[] }>();
  const pageFurniture = (page: number) => {
    let f = furniture.get(page);
    if (!f) furniture.set(page, (f = { label: null, header: [], footer: [] }));
    return f;
  };
  const lines = input.map((line, i) => {
    const page = pageOf[i];
    const moved: LayoutLine = page === line.raw.page ? { ...line, cuts: [...line.cuts] } : { ...line, raw: { ...line.raw, page }, cuts: [...line.cuts] };
    if (line.role !== 'body') return moved;
    const folio = folioAt.get(i);
    const f = pageFurniture(page);
    if (folio) {
      f.label = String(folio.number);
      f.footer.push(line.raw.text.slice(folio.start, line.end).trim());
      if (folio.alone) return { ...moved, role: 'footer' as LineRole };
      let end = folio.start;
      while (end > line.start && /\s/.test(line.raw.text[end - 1])) end--;
      return { ...moved, end };
    }
    if (running(i)) {
      const where: LineRole = afterBoundary(i) ? 'header' : 'footer';
      (where === 'header' ? f.header : f.footer).push(content(line));
      return { ...moved, role: where };
    }
    return moved;
  });
  const last = pageCount > 1 || folios.length === 0 ? pageCount : folios[folios.length - 1].number + (pageOf[input.length - 1] > folios[folios.length - 1].number ? 1 : 0);
  const first = lines.length ? Math.min(pageOf[0], 1) : 1;
  const pageNumbers: number[] = [];
  for (let p = first; p <= Math.max(last, pageOf[input.length - 1] ?? 1); p++) pageNumbers.push(p);
  return { lines, pageNumbers, furniture: furniture as Map<number, PageFurniture> };
}

/**
 * The longest chain of candidates whose numbers rise (by one, or by up to three where a page number
 * was lost) with one total, skipping candidates that do not fit; kept if at least three long.
 */
function risingRun<T extends { number: number; total: number | null }>(found: readonly T[]): T[] {
  let best: T[] = [];
  for (const total of new Set(found.map((f) => f.total))) {
    const chain: T[] = [];
    for (const f of found) {
      if (f.total !== total) continue;
      const prev = chain[chain.length - 1];
      if (!prev || (f.number > prev.number && f.number <= prev.number + 3)) chain.push(f);
    }
    if (chain.length > best.length) best = chain;
  }
  return best.length >= 3 ? best : [];
}

function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/[\s.,:;'"’-]+/g, ' ').replace(/^\ufeff/, '').trim();
}
