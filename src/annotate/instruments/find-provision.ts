/**
 * Finds the provision cited with a mention: "Pasal 28D ayat (1) UUD NRI 1945", "Pasal 5 huruf a
 * Undang-Undang ...", "Article 33(1) of the 1951 Convention", "Art. 13 UDHR", or after the name
 * ("UU No. 6 Tahun 2011 Pasal 13"). Takes the text, the mention span and the provision vocabulary;
 * returns the provision label with whitespace collapsed ("Pasal 28D ayat (1)"), or null. Only a
 * bounded slice on either side is examined, so the cost per mention is constant.
 */
import type { Span } from '../../span.js';
import type { StatuteVocabulary } from './registry.js';

const REACH = 90;

export interface ProvisionFinder {
  (text: string, span: Span): string | null;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function provisionFinder(vocab: StatuteVocabulary): ProvisionFinder {
  const heads = vocab.provisionUnits.filter((u) => !['ayat', 'huruf', 'paragraph', 'para'].includes(u)).map(escape).join('|');
  const links = vocab.provisionLinks.map(escape).join('|');
  // Each part has its own leading keyword or bracket, so no two quantified parts can match the same text.
  const unit = `(?:${heads})\\.?\\s+\\d{1,4}[A-Za-z]?(?:\\s?\\(\\d{1,3}[a-z]?\\)){0,3}(?:\\s+(?:ayat|paragraph|para\\.?)\\s+\\(?\\d{1,3}\\)?)?(?:\\s+huruf\\s+[a-z]\\b)?`;
  const before = new RegExp(`(${unit})(?:\\s*,)?(?:\\s+(?:${links})){0,2}\\s+$`, 'i');
  const after = new RegExp(`^\\s*,?\\s+(${unit})`, 'i');
  return (text, span) => {
    const left = text.slice(Math.max(0, span.start - REACH), span.start);
    const b = before.exec(left);
    if (b) return b[1].replace(/\s+/g, ' ');
    const right = text.slice(span.end, span.end + REACH);
    const a = after.exec(right);
    return a ? a[1].replace(/\s+/g, ' ') : null;
  };
}
