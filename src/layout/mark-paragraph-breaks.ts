/**
 * Decides where body paragraphs start, from the text alone (PDF geometry may have set `breakBefore`,
 * or `continues` for the wrapped lines of a hanging indent, already). Between two body lines:
 *  - across an interruption (a page end, a footnote block, a running header) the paragraph goes on
 *    unless the line before ends a sentence and the next starts like a new one;
 *  - across blank lines: where blank lines separate paragraphs (sentences never run on across them),
 *    every blank line is a break; otherwise a break is a gap wider than the usual gap around it, so
 *    double-spaced text (a blank line after every line) keeps its paragraphs whole;
 *  - with no gap, a short line ending a sentence, a list item after ";", ":" or "." or a heading
 *    starts a new paragraph; so do a short unpunctuated line followed by a list item ("Pokok
 *    masalah" / "- perekrutan …") and that list item.
 * Headings (a numbered or title-case or upper-case short line with no sentence punctuation, after a
 * break) become their own paragraph; consecutive heading lines stay one heading.
 */
import type { LayoutLine } from './layout-line.js';

const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*$/;
const STARTS_NEW = /^["'“‘(\[]?[\p{Lu}\d]/u;
const LIST_ITEM = /^(?:\(?\d{1,3}\)|\d{1,3}\.(?!\d)|\(?[a-z]\)|[a-z]\.(?!\w)|[•▪●◦*-])\s/u;
const NUMBERED_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-H]\.)\s+\p{Lu}/u;

export function markParagraphBreaks(lines: readonly LayoutLine[]): void {
  const body: LayoutLine[] = [];
  const gaps: number[] = [];
  const interrupted: boolean[] = [];
  let gap = 0;
  let broken = false;
  let lastPage = -1;
  for (const line of lines) {
    if (line.role === 'blank') gap++;
    else if (line.role === 'body') {
      if (lastPage >= 0 && line.raw.page !== lastPage) broken = true;
      body.push(line);
      gaps.push(gap);
      interrupted.push(broken);
      gap = 0;
      broken = false;
      lastPage = line.raw.page;
    } else broken = true;
  }
  const lengths = body.map((l) => visible(l).length).sort((a, b) => a - b);
  const median = lengths.length ? lengths[lengths.length >> 1] : 0;
  const blankSeparates = blankLinesSeparateParagraphs(body, gaps);
  /** A short line with no closing punctuation right before a list item leads the list: a heading or a lead-in. */
  const leadsList = (k: number) =>
    k + 1 < body.length && LIST_ITEM.test(visible(body[k + 1])) && !LIST_ITEM.test(visible(body[k])) && !/[.!?;,]["'”’)]*$/.test(visible(body[k])) && visible(body[k]).length < 0.7 * median;
  let prevHeading = false;
  for (let k = 0; k < body.length; k++) {
    const line = body[k];
    const text = visible(line);
    if (k === 0) {
      line.breakBefore = true;
      line.heading = looksLikeHeading(text, median);
      prevHeading = line.heading;
      continue;
    }
    const prevText = visible(body[k - 1]);
    if (line.continues) {
      // A hanging indent's wrapped line: geometry is surer than any cue in the text.
      line.breakBefore = false;
      line.heading = false;
      prevHeading = false;
      continue;
    }
    let brk: boolean;
    if (line.breakBefore) brk = true;
    else if (prevHeading) brk = !looksLikeHeading(text, median) || ENDS_SENTENCE.test(prevText);
    else if (interrupted[k]) brk = ENDS_SENTENCE.test(prevText) && STARTS_NEW.test(text);
    else {
      // Content cues hold whatever the spacing: a sentence ends and a heading, a list item or a new
      // paragraph after a short last line follows; a list follows the short line that leads it.
      const ends = ENDS_SENTENCE.test(prevText);
      brk =
        (gaps[k] > 0 && (blankSeparates || gaps[k] > usualGap(gaps, k))) ||
        (ends && (prevText.length < 0.7 * median || LIST_ITEM.test(text) || looksLikeHeading(text, median) || leadsList(k))) ||
        leadsList(k - 1);
    }
    const heading: boolean = (brk || prevHeading) && looksLikeHeading(text, median);
    // A heading ends its paragraph even when the next line follows without a gap.
    line.breakBefore = brk || (prevHeading && !heading);
    line.heading = heading;
    prevHeading = heading;
  }
}

/**
 * Whether blank lines separate paragraphs in this text (one paragraph per line or block, as in
 * exported notes and statutes) rather than double-space it: across a blank line, a sentence almost
 * never runs on into a lower-case continuation.
 */
function blankLinesSeparateParagraphs(body: readonly LayoutLine[], gaps: readonly number[]): boolean {
  let across = 0;
  let runOn = 0;
  for (let k = 1; k < body.length; k++) {
    if (gaps[k] === 0) continue;
    across++;
    if (!ENDS_SENTENCE.test(visible(body[k - 1])) && /^\p{Ll}/u.test(visible(body[k]))) runOn++;
  }
  return across >= 5 && runOn < across * 0.1;
}

/** The most common gap among the nearest lines (ties to the smaller): the spacing of lines within a paragraph here. */
function usualGap(gaps: readonly number[], k: number): number {
  const counts = new Map<number, number>();
  for (let j = Math.max(1, k - 4); j <= Math.min(gaps.length - 1, k + 4); j++) {
    if (j !== k) counts.set(gaps[j], (counts.get(gaps[j]) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [gap, count] of counts) if (count > bestCount || (count === bestCount && gap < best)) [best, bestCount] = [gap, count];
  return bestCount < 0 ? 0 : best;
}

/** A line's text without its cuts, enough to judge punctuation and length. */
export function visible(line: LayoutLine): string {
  const text = line.raw.text;
  if (!line.cuts.length) return text.slice(line.start, line.end);
  let out = '';
  let at = line.start;
  for (const c of [...line.cuts].sort((a, b) => a.start - b.start)) {
    if (c.start > at) out += text.slice(at, c.start);
    at = Math.max(at, c.end);
  }
  return (out + text.slice(at, line.end)).trim();
}

function looksLikeHeading(text: string, median: number): boolean {
  if (!text || text.length > 120 || /[,;]/.test(text) || /[.!?:\-]["'”’)]*$/.test(text)) {
    // "BAB I", "3.1 Title" and all-caps headings may still end in nothing but their words.
    return false;
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return true;
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (!words.length) return false;
  const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
  if (NUMBERED_HEADING.test(text)) return capitalized >= 0.6;
  return text.length < 0.7 * median && capitalized >= 0.6 && /^\p{Lu}/u.test(text);
}
