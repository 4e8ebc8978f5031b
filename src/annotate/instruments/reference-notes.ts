/**
 * Decides which footnotes are references to cited works, so that an instrument named inside one
 * (a title such as "The Indonesian Immigration Law 2011") is marked `inReference` and not counted
 * as the author's own reliance on the instrument. Takes the document's footnotes and text and the
 * reference cues; returns a lookup from an offset to whether it sits in a reference footnote.
 */
import type { Footnote } from '../../document.js';
import { findSpanIndex } from '../../span.js';
import type { ReferenceVocabulary } from './registry.js';

export function referenceNotes(text: string, footnotes: readonly Footnote[], vocab: ReferenceVocabulary): (offset: number) => boolean {
  const notes = [...footnotes].sort((a, b) => a.start - b.start);
  const tokens = new Set(vocab.tokens.map((t) => t.toLowerCase()));
  const isReference = notes.map((note) => {
    const body = text.slice(note.start, note.end);
    if (vocab.substrings.some((s) => body.includes(s))) return true;
    // A year with a parenthesis or comma beside it, as citations print it.
    if (/[(,]\s?(?:1[89]|20)\d\d\b|\b(?:1[89]|20)\d\d[),.:]/.test(body)) return true;
    for (const w of body.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (tokens.has(w)) return true;
    return false;
  });
  return (offset) => {
    const i = findSpanIndex(notes, offset);
    return i >= 0 && isReference[i];
  };
}
