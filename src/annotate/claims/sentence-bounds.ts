/**
 * The sentence around an offset, found from punctuation alone, for when no sentence segment holds
 * a whole claim (segmentation is another stage and may be coarse or fine). Takes the text, the
 * offset, a reach limit and the abbreviations after which a period does not end a sentence;
 * returns the `[start, end)` span, trimmed of whitespace. A sentence ends at . ! ? followed by
 * whitespace (or by footnote-marker digits and whitespace). Scans at most `reach` characters each way.
 */
import type { Span } from '../../span.js';

function endsSentence(text: string, p: number, abbreviations: ReadonlySet<string>): boolean {
  const c = text[p];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let q = p + 1;
  while (q < text.length && q < p + 4 && text[q] >= '0' && text[q] <= '9') q++; // a marker glued to the period
  if (q < text.length && !/\s/.test(text[q])) return false;
  if (c !== '.') return true;
  let w = p;
  // Abbreviations are short: look back a few characters only, so scanning stays linear.
  while (w > 0 && w > p - 8 && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, p).toLowerCase();
  if (abbreviations.has(word) || /^\p{L}$/u.test(word)) return false;
  return true;
}

export function sentenceBounds(text: string, offset: number, reach: number, abbreviations: ReadonlySet<string>): Span {
  let start = offset;
  const lo = Math.max(0, offset - reach);
  while (start > lo && !endsSentence(text, start - 1, abbreviations)) start--;
  let end = offset;
  const hi = Math.min(text.length, offset + reach);
  while (end < hi && !endsSentence(text, end, abbreviations)) end++;
  if (end < text.length && end < hi) end++; // keep the closing punctuation
  if (start > 0 && /[.!?]/.test(text[start - 1])) while (start < end && start < offset && /\d/.test(text[start])) start++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
