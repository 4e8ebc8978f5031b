/**
 * Bibliography sections in a document's body: a heading paragraph ("Daftar Pustaka", "Referensi",
 * "References", "Bibliography", numbered or not) and the paragraphs after it, up to the next
 * heading-like paragraph or the end of the body. Each paragraph is an entry; a paragraph that holds
 * several author–year entries run together (lost blank lines) is split before each "Family, X. … (Year)".
 * When layout has run the heading into a paragraph ("… akhir. Daftar Pustaka Okafor, T. (2016) …"),
 * the heading is found after a sentence end when an entry-like "Family, X" follows it.
 * Returns entry spans into the document text.
 */
import type { Segment } from '../../document.js';
import type { Span } from '../../span.js';
import { loadCitationVocabulary } from './citation-vocabulary.js';

const v = loadCitationVocabulary();
const HEADINGS = new Set(v.bibliographyHeadings.map((h) => h.toLowerCase()));
const NUMBERING = /^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,2}|[A-Z])[.)]?\s/;
const HEADING_INSIDE = new RegExp(
  `(?:^|[.!?]\\s)(?:(?:[IVX]{1,5}|\\d{1,2})\\.?\\s)?(?:${[...HEADINGS].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s(?=\\p{Lu}[\\p{L}'’-]{1,30},\\s\\p{Lu})`,
  'giu',
);
const ENTRY_START = /(?<=[.\]])\s(?=\p{Lu}[\p{L}'’-]{1,30},\s\p{Lu}[^()]{0,120}?\((?:1[5-9]\d\d|20[0-4]\d)[a-z]?\))/gu;

export function isBibliographyHeading(text: string): boolean {
  const t = text.trim().replace(NUMBERING, '').replace(/[:.]$/, '').trim().toLowerCase();
  return t.length < 40 && HEADINGS.has(t);
}

function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  return t.length < 80 && !/[.;,]$/.test(t) && !/(?:1[5-9]\d\d|20[0-4]\d)/.test(t) && /^\S/.test(t) && t.split(/\s+/).length <= 8;
}

export function findBibliography(text: string, paragraphs: readonly Segment[]): Span[] {
  const entries: Span[] = [];
  let inside = false;
  for (const p of paragraphs) {
    if (p.inFootnote) continue;
    const body = text.slice(p.start, p.end);
    if (isBibliographyHeading(body)) {
      inside = true;
      continue;
    }
    let from = p.start;
    if (!inside) {
      HEADING_INSIDE.lastIndex = 0;
      const h = HEADING_INSIDE.exec(body);
      if (!h) continue;
      inside = true;
      from = p.start + h.index + h[0].length;
    }
    if (from === p.start && looksLikeHeading(body)) {
      inside = false;
      continue;
    }
    ENTRY_START.lastIndex = from - p.start;
    for (let m = ENTRY_START.exec(body); m; m = ENTRY_START.exec(body)) {
      entries.push({ start: from, end: p.start + m.index });
      from = p.start + m.index + m[0].length;
    }
    entries.push({ start: from, end: p.end });
  }
  return entries.filter((e) => e.end > e.start);
}
