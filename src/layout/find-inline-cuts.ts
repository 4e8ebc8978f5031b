/**
 * Extraction artefacts inside a body line, removed from the running text: the space before a hyphen
 * that glues a reduplicated or compound word ("hak -hak" → "hak-hak", "Langkah -langkah"), and soft
 * hyphens (U+00AD), which are invisible in print; the space after the hyphen of a reduplication split
 * by a converter ("negara- negara" → "negara-negara"; "pre- and post-war" stays, its halves differ). A spaced dash (" - ", " – ") is punctuation and stays.
 */
import type { Cut, LayoutLine } from './layout-line.js';

const SPACED_HYPHEN = /(?<=\p{L}) +(?=-\p{L})/gu;
const SOFT_HYPHEN = /\u00ad/g;
// "negara- negara", "nilai- nilai": a reduplication whose halves a converter split at the hyphen.
const SPLIT_REDUPLICATION = /(?<!\p{L})(\p{L}+)- +(?=(\p{L}+))/gu;

export function findInlineCuts(line: LayoutLine): Cut[] {
  const text = line.raw.text.slice(0, line.end);
  const cuts: Cut[] = [];
  for (const m of text.matchAll(SPACED_HYPHEN)) if (m.index! >= line.start) cuts.push({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(SPLIT_REDUPLICATION)) {
    const left = m[1].toLowerCase();
    const right = m[2].toLowerCase();
    if (m.index! < line.start || !(right === left || (left.length >= 3 && right.startsWith(left)))) continue;
    const spaces = m.index! + m[1].length + 1;
    cuts.push({ start: spaces, end: m.index! + m[0].length });
  }
  // A soft hyphen at the very end is handled by the line join.
  for (const m of text.matchAll(SOFT_HYPHEN)) if (m.index! >= line.start && m.index! < line.end - 1) cuts.push({ start: m.index!, end: m.index! + 1 });
  return cuts;
}
