/**
 * The block boundaries of a laid-out document that no mention may run across: the start of each
 * layout paragraph, of the notes region and of each footnote. Takes the document; returns the
 * offsets, sorted ascending (duplicates harmless). In the notes region footnotes are separated by
 * a single line break, so the text alone would not show these boundaries.
 */
import type { LaidOutText } from '../../document.js';

export function blockBreaks(doc: Pick<LaidOutText, 'paragraphs' | 'notesStart' | 'footnotes' | 'text'>): number[] {
  const breaks = doc.paragraphs.map((p) => p.start);
  if (doc.notesStart < doc.text.length) breaks.push(doc.notesStart);
  for (const f of doc.footnotes) breaks.push(f.start);
  return breaks.sort((a, b) => a - b);
}
