/**
 * Footnote marker candidates in the running text of plain-text extractions, where superscript is
 * lost and the marker's digits are glued to what they follow: "politik.1", "mereka,2", "2019.10",
 * "(UNHCR)3", "Manusia”4". Markdown references "[^12]" are candidates too. Candidates are only
 * evidence: `linkMarkers` keeps those that call an existing footnote in order.
 * Patterns are linear: bounded look-behinds and a bounded digit run.
 */
import type { LayoutLine } from './layout-line.js';

export interface MarkerCandidate {
  readonly line: LayoutLine;
  readonly number: number;
  /** Digits' range in line.raw.text. */
  readonly digitsStart: number;
  readonly digitsEnd: number;
  /** Range removed from the running text (the digits, or "[^12]" whole). */
  readonly cutStart: number;
  readonly cutEnd: number;
  /** Markdown references are unambiguous; glued digits are not. */
  readonly explicit: boolean;
}

// Digits glued to a word, to punctuation after a word, to a closing quote or bracket, or to a year's
// final period ("2019.10"); followed by a space, the line end or punctuation, never by more word.
const GLUED =
  /(?:(?<=\p{L}[.,;:!?]?["'”’)\]]?)|(?<=\b(?:1[6-9]|20)\d\d\.))(\d{1,3})(?=[\s,.;:!?)]|$)/gu;
const MARKDOWN = /\[\^(\d{1,4})\](?!:)/g;

export function findMarkerCandidates(lines: readonly LayoutLine[], markdown: boolean): MarkerCandidate[] {
  const found: MarkerCandidate[] = [];
  for (const line of lines) {
    if (line.role !== 'body') continue;
    const text = line.raw.text.slice(0, line.end);
    const re = markdown ? MARKDOWN : GLUED;
    re.lastIndex = line.start;
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (markdown) {
        found.push({ line, number: Number(m[1]), digitsStart: at + 2, digitsEnd: at + 2 + m[1].length, cutStart: at, cutEnd: at + m[0].length, explicit: true });
      } else {
        // A leading zero is a number, not a footnote call.
        if (m[1].startsWith('0')) continue;
        found.push({ line, number: Number(m[1]), digitsStart: at, digitsEnd: at + m[1].length, cutStart: at, cutEnd: at + m[1].length, explicit: false });
      }
    }
  }
  return found;
}
