/**
 * A document's title: the PDF's or front matter's own title when it looks like one, else the first
 * short body paragraph that reads like a heading.
 */
import type { LaidOutText, RawDocument } from './document.js';

const JUNK_TITLE = /^(untitled|microsoft word|document\d*|\s*$)|\.(docx?|pdf|indd|tex|rtf)$/i;

export function documentTitle(raw: RawDocument, layout: LaidOutText): string | null {
  const own = raw.info.title?.trim();
  if (own && own.length >= 4 && !JUNK_TITLE.test(own)) return own.slice(0, 300);
  for (const p of layout.paragraphs.slice(0, 12)) {
    if (p.start >= layout.notesStart) break;
    const text = layout.text.slice(p.start, p.end).replace(/^#+\s*/, '').trim();
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    if (text.length >= 8 && text.length <= 250 && letters >= text.length * 0.6 && !/^<\w|^-{3}|^\d+$/.test(text)) return text;
  }
  return null;
}
