/**
 * Running headers and footers of PDF pages: the lines in the top and bottom bands of a page (the two
 * highest and two lowest baselines) that repeat across pages (compared with digits masked, so
 * "27 HARVARD LAW REVIEW" and "29 HARVARD LAW REVIEW" are one line), printed page numbers ("12",
 * "- 5 -", "Page 3 of 40", "iv"), statute furniture from the vocabulary ("PRESIDEN REPUBLIK
 * INDONESIA"), catchwords that announce the next page ("kepada . . .", "Pasal 5 . . .") and
 * footnote rules ("––––"). A provision heading ("Pasal 5", "BAB II") is never taken for a header.
 * Marks lines 'header' / 'footer' in place and returns each page's label and removed lines.
 */
import type { PageFurniture } from './build-laid-out-text.js';
import { content, type LayoutLine } from './layout-line.js';
import { alternation, type LayoutVocabulary } from './layout-vocabulary.js';

const RULE = /^[-–—_‒―=.·•\s]{5,}$/u;
const CATCHWORD = /^\S+(?: \S+){0,3} ?(?:\. ?){3,}$/;

export function findRunningLines(pages: readonly (readonly LayoutLine[])[], vocabulary: LayoutVocabulary): Map<number, PageFurniture> {
  const words = alternation(vocabulary.pageWords);
  const of = alternation(vocabulary.ofWords);
  const pageNumber = new RegExp(
    `^(?:(?:${words}) ?)?(?:[-–—] ?)?(\\d{1,4}|[ivxlcdm]{1,7})(?: ?[-–—])?(?: ?(?:${of}) ?\\d{1,4})?$`,
    'i',
  );
  const furniture = new Set(vocabulary.furniture.map(key));
  const provision = new RegExp(`^(?:${alternation(Object.values(vocabulary.provisions).flat())}) `, 'i');

  const bands = pages.map((lines) => bandsOf(lines));
  const counts = new Map<string, number>();
  for (const band of bands) for (const k of new Set([...band.top, ...band.bottom].map((l) => key(content(l))))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const minRepeats = pages.length <= 4 ? 2 : Math.max(3, Math.ceil(pages.length * 0.25));

  const result = new Map<number, PageFurniture>();
  pages.forEach((lines, i) => {
    if (!lines.length) return;
    const band = bands[i];
    const header: string[] = [];
    const footer: string[] = [];
    let label: string | null = null;
    for (const [where, list] of [['top', band.top], ['bottom', band.bottom]] as const) {
      for (const line of list) {
        if (line.role !== 'body') continue;
        const text = content(line);
        const k = key(text);
        const number = pageNumber.exec(text.replace(/\s+/g, ' '));
        const isRunning =
          number !== null ||
          furniture.has(k) ||
          (where === 'bottom' && CATCHWORD.test(text)) ||
          ((counts.get(k) ?? 0) >= minRepeats && pages.length > 1 && !provision.test(text) && k.replace(/[#\s]/g, '').length > 0);
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
