/**
 * Extraction artefacts inside a body line, removed from the running text: the space before a hyphen
 * that glues a reduplicated or compound word ("hak -hak" → "hak-hak", "Langkah -langkah"), and soft
 * hyphens (U+00AD), which are invisible in print. A spaced dash (" - ", " – ") is punctuation and stays.
 */
import type { Cut, LayoutLine } from './layout-line.js';

const SPACED_HYPHEN = /(?<=\p{L}) +(?=-\p{L})/gu;
const SOFT_HYPHEN = /\u00ad/g;

export function findInlineCuts(line: LayoutLine): Cut[] {
  const text = line.raw.text.slice(0, line.end);
  const cuts: Cut[] = [];
  for (const m of text.matchAll(SPACED_HYPHEN)) if (m.index! >= line.start) cuts.push({ start: m.index!, end: m.index! + m[0].length });
  // A soft hyphen at the very end is handled by the line join.
  for (const m of text.matchAll(SOFT_HYPHEN)) if (m.index! >= line.start && m.index! < line.end - 1) cuts.push({ start: m.index!, end: m.index! + 1 });
  return cuts;
}
