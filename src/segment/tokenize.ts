/**
 * Word tokens as spans, for the annotators. Takes a text and optionally the span to tokenize; returns
 * the spans of runs of letters, marks and digits, keeping internal hyphens and apostrophes
 * ("hak-hak", "non-refoulement", "State's", "Qur’an") and the case of the text. Punctuation, spaces
 * and a hyphen or apostrophe at a word's edge ("hak -hak") are not part of any token. Linear time.
 */
import type { Span } from '../span.js';

// Word characters joined by single hyphens (- ‐ ‑) or apostrophes (' ’); each joiner needs a word
// character on both sides, and the two alternatives cannot overlap, so matching never backtracks far.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Span[] {
  const start = Math.max(0, span.start);
  const end = Math.min(text.length, span.end);
  const tokens: Span[] = [];
  if (end <= start) return tokens;
  // Matching inside a slice keeps a token from running past the span's end.
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const m of part.matchAll(WORD)) tokens.push({ start: start + m.index, end: start + m.index + m[0].length });
  return tokens;
}
