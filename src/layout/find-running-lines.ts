/**
 * Running headers and footers of PDF pages: the lines in the top and bottom bands of a page (the two
 * highest and two lowest baselines) that are page furniture. A band line is furniture when it is
 *  - a printed page number ("12", "- 5 -", "Page 3 of 40", "iv"), statute furniture from the
 *    vocabulary ("PRESIDEN REPUBLIK INDONESIA"), a catchword announcing the next page ("kepada . . .");
 *  - repeated: the same text (digits masked, so "27 HARVARD LAW REVIEW" and "29 HARVARD LAW REVIEW"
 *    are one line) in the same band at about the same height on enough pages of the document, or of
 *    pages of the same parity (journals alternate: author on odd pages, journal on even);
 *  - a lone running head: the page's highest baseline, set smaller than the body and standing apart
 *    from the text below it by a clear gap (a header printed once, in a short article).
 * Never furniture: a provision heading ("Pasal 5", "BAB II"), and a footnote, that is, a line opening
 *   with a note number set as a superscript label, or whose leading number does not move with the
 *   page ("6 Ibid., hlm. 241." on one page and "21 Ibid., hlm. 201." two pages on repeat as text,
 *   but a page number would have risen by two).
 * Footnote rules ("––––") are removed wherever they stand. Marks lines 'header' / 'footer' in place
 * and returns each page's label and removed lines.
 */
import type { PageFurniture } from './build-laid-out-text.js';
import { content, type LayoutLine } from './layout-line.js';
import { alternation, type LayoutVocabulary } from './layout-vocabulary.js';

const RULE = /^[-–—_‒―=.·•\s]{5,}$/u;
const CATCHWORD = /^\S+(?: \S+){0,3} ?(?:\. ?){3,}$/;
const LEADING_NUMBER = /^(\d{1,4})[.)]?\s*\S/;
const DIGITS = /^\s*\d{1,4}\s*$/;
/** Occurrences of one repeated line count together when their baselines lie within this many points. */
const SAME_PLACE = 6;

type Side = 'top' | 'bottom';

interface Occurrence {
  readonly page: number; // index in the document
  readonly y: number;
  readonly lead: number | null; // the number the line opens with
}

export function findRunningLines(
  pages: readonly (readonly LayoutLine[])[],
  vocabulary: LayoutVocabulary,
  bodySize: number,
): Map<number, PageFurniture> {
  const words = alternation(vocabulary.pageWords);
  const of = alternation(vocabulary.ofWords);
  const pageNumber = new RegExp(
    `^(?:(?:${words}) ?)?(?:[-–—] ?)?(\\d{1,4}|[ivxlcdm]{1,7})(?: ?[-–—])?(?: ?(?:${of}) ?\\d{1,4})?$`,
    'i',
  );
  const furniture = new Set(vocabulary.furniture.map(key));
  const provision = new RegExp(`^(?:${alternation(Object.values(vocabulary.provisions).flat())}) `, 'i');

  const bands = pages.map((lines) => bandsOf(lines));
  const seen = new Map<string, Occurrence[]>();
  bands.forEach((band, page) => {
    for (const side of ['top', 'bottom'] as const) {
      for (const l of band[side]) {
        const k = `${side}|${key(content(l))}`;
        const lead = LEADING_NUMBER.exec(content(l));
        const list = seen.get(k) ?? [];
        list.push({ page, y: l.raw.y!, lead: lead ? Number(lead[1]) : null });
        seen.set(k, list);
      }
    }
  });
  const minRepeats = pages.length <= 4 ? 2 : Math.max(3, Math.ceil(pages.length * 0.25));
  const ofParity = [Math.ceil(pages.length / 2), Math.floor(pages.length / 2)];
  const minParityRepeats = ofParity.map((n) => Math.max(2, Math.ceil(n * 0.5)));

  /** Whether a band line repeats in its place across pages, as running lines do and footnotes do not. */
  const repeats = (line: LayoutLine, side: Side, page: number): boolean => {
    const text = content(line);
    const k = key(text);
    if (pages.length < 2 || provision.test(text) || k.replace(/[#\s]/g, '').length === 0) return false;
    // One occurrence per page: the one nearest this line's height.
    const near = new Map<number, Occurrence>();
    for (const o of seen.get(`${side}|${k}`) ?? []) {
      const d = Math.abs(o.y - line.raw.y!);
      const best = near.get(o.page);
      if (d <= SAME_PLACE && (!best || d < Math.abs(best.y - line.raw.y!))) near.set(o.page, o);
    }
    const here = [...near.values()];
    if (here.length < 2) return false;
    // A leading number that neither rises with the page (a folio) nor stays put (a year, a volume) is
    // a note number: "6 Ibid., hlm. 241." and "21 Ibid., hlm. 201." are two notes.
    const lead = near.get(page)?.lead ?? null;
    if (lead !== null) {
      const folio = here.every((o) => o.lead !== null && o.lead - o.page === lead - page);
      const fixed = here.every((o) => o.lead === lead);
      if (!folio && !fixed) return false;
    }
    const parity = page % 2;
    return here.length >= minRepeats || here.filter((o) => o.page % 2 === parity).length >= minParityRepeats[parity];
  };

  const result = new Map<number, PageFurniture>();
  pages.forEach((lines, i) => {
    if (!lines.length) return;
    const band = bands[i];
    const header: string[] = [];
    const footer: string[] = [];
    let label: string | null = null;
    const lone = loneRunningHead(lines, band.top, bodySize);
    for (const [where, list] of [['top', band.top], ['bottom', band.bottom]] as const) {
      for (const line of list) {
        if (line.role !== 'body' || opensWithNoteLabel(line)) continue;
        const text = content(line);
        const number = pageNumber.exec(text.replace(/\s+/g, ' '));
        const isRunning =
          number !== null ||
          furniture.has(key(text)) ||
          (where === 'bottom' && CATCHWORD.test(text)) ||
          repeats(line, where, i) ||
          (where === 'top' && lone.has(line) && !provision.test(text));
        if (!isRunning) continue;
        if (number) label ??= number[1];
        line.role = where === 'top' ? 'header' : 'footer';
        (where === 'top' ? header : footer).push(text);
      }
    }
    // Rules above footnotes or below headers, wherever they stand.
    for (const line of lines) {
      if (line.role === 'body' && RULE.test(content(line))) {
        line.role = 'footer';
        footer.push(content(line));
      }
    }
    result.set(lines[0].raw.page, { label, header, footer });
  });
  return result;
}

/**
 * The lines of a page's highest baseline when they read as a running head: set smaller than the body,
 * short of a full line, not ending a sentence or leading into what follows, and separated from the next line down by a gap of at
 * least twice their own size (a heading or the text's first line follows at the usual leading).
 */
function loneRunningHead(lines: readonly LayoutLine[], top: readonly LayoutLine[], bodySize: number): Set<LayoutLine> {
  const placed = lines.filter((l) => l.raw.y !== undefined && l.role === 'body');
  if (!top.length || placed.length < 3) return new Set();
  let highest = -Infinity;
  for (const l of top) highest = Math.max(highest, l.raw.y!);
  const head = top.filter((l) => Math.abs(l.raw.y! - highest) <= 2);
  let below = -Infinity;
  for (const l of placed) if (l.raw.y! < highest - 2) below = Math.max(below, l.raw.y!);
  let widest = 0;
  for (const l of placed) widest = Math.max(widest, l.raw.width ?? 0);
  if (head.length > 3) return new Set();
  let size = 0;
  for (const l of head) size = Math.max(size, l.raw.fontSize ?? bodySize);
  // Smaller than the body and than the page's own text (a colophon page is small type throughout).
  const rest = placed.filter((l) => l.raw.y! < highest - 2).map((l) => l.raw.fontSize ?? bodySize).sort((a, b) => a - b);
  const ok =
    size <= bodySize * 0.9 &&
    size <= rest[rest.length >> 1] * 0.9 &&
    highest - below >= size * 2 &&
    head.every((l) => (l.raw.width ?? 0) < widest * 0.8 && !/[.!?:;]["'”’)]*$/.test(content(l)) && !DIGITS.test(content(l)));
  return new Set(ok ? head : []);
}

/** A line opening with a footnote label: digits set smaller than the text that follows them. */
function opensWithNoteLabel(line: LayoutLine): boolean {
  const items = line.raw.items;
  if (!items || items.length < 2 || !DIGITS.test(items[0].text)) return false;
  return items[0].fontSize <= items[1].fontSize * 0.85 && /\S/.test(items[1].text);
}

/** The lines on the two highest and the two lowest baselines of a page (lines within 2pt share one). */
function bandsOf(lines: readonly LayoutLine[]): { top: LayoutLine[]; bottom: LayoutLine[] } {
  const placed = lines.filter((l) => l.raw.y !== undefined && l.role === 'body');
  const levels = [...new Set(placed.map((l) => Math.round(l.raw.y! / 2)))].sort((a, b) => b - a);
  const topLevels = new Set(levels.slice(0, 2));
  const bottomLevels = new Set(levels.slice(-2));
  return {
    top: placed.filter((l) => topLevels.has(Math.round(l.raw.y! / 2))),
    bottom: placed.filter((l) => bottomLevels.has(Math.round(l.raw.y! / 2)) && !topLevels.has(Math.round(l.raw.y! / 2))),
  };
}

function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/[\s.,:;'"’-]+/g, ' ').trim();
}
