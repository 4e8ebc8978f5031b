/**
 * Author–year citations in running text: parenthetical "(Ruggie, 2013)", "(Martin & Abimourched
 * 2009)", "(Ruggie 2013: 16; Marpi 2021)", and narrative "Ruggie (2013: 16)", "Martin dan Abimourched
 * (2009)", "Ruggie et al. (2013)". Returns each citation's span, the family names, year and pinpoint.
 * Patterns use bounded runs only, so they stay linear on any input.
 */
import type { Span } from '../../span.js';

export interface InTextCitation extends Span {
  readonly authors: readonly string[];
  readonly year: string;
  readonly pinpoint: string | null;
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]{1,30}`;
const JOIN = String.raw`(?:\s?,\s|\s(?:&|and|dan|und)\s)`;
const AUTHORS = String.raw`${NAME}(?:${JOIN}${NAME}){0,3}(?:\s(?:et al\.|dkk\.?))?`;
const YEAR = String.raw`(?:1[5-9]\d\d|20[0-4]\d)[a-z]?`;
const PIN = String.raw`(?::\s?|,\s(?:p{1,2}\.|hlm\.?|hal\.?)\s?)(\d{1,5}(?:[-–]\d{1,5})?)`;
const ONE = new RegExp(String.raw`(${AUTHORS}),?\s(${YEAR})(?:${PIN})?`, 'gu');
const PAREN = new RegExp(String.raw`\((?:${AUTHORS}),?\s${YEAR}[^()]{0,200}?\)`, 'gu');
const NARRATIVE = new RegExp(String.raw`(${AUTHORS})\s\((${YEAR})(?:${PIN})?\)`, 'gu');
const NOT_NAMES = new Set(['Pasal', 'Tahun', 'Undang', 'UU', 'Article', 'Nomor', 'No', 'Law', 'Konvensi', 'Protokol', 'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember', 'January', 'February', 'March', 'June', 'July', 'August', 'October', 'December', 'In', 'Dalam', 'Sejak', 'Since', 'Pada']);

function familyNames(authors: string): string[] {
  return authors
    .replace(/\s(?:et al\.|dkk\.?)$/, '')
    .split(/\s?,\s|\s(?:&|and|dan|und)\s/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function findInTextCitations(text: string, end = text.length): InTextCitation[] {
  const found: InTextCitation[] = [];
  const body = text.slice(0, end);
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(body); m; m = PAREN.exec(body)) {
    // Each "; "-separated part of one parenthesis is its own citation.
    ONE.lastIndex = 0;
    const inner = m[0];
    for (let c = ONE.exec(inner); c; c = ONE.exec(inner)) {
      const authors = familyNames(c[1]);
      if (NOT_NAMES.has(authors[0])) continue;
      const start = m.index + c.index;
      found.push({ start, end: start + c[0].length, authors, year: c[2].slice(0, 4), pinpoint: c[3] ?? null });
    }
  }
  NARRATIVE.lastIndex = 0;
  for (let m = NARRATIVE.exec(body); m; m = NARRATIVE.exec(body)) {
    const authors = familyNames(m[1]);
    if (NOT_NAMES.has(authors[0])) continue;
    if (found.some((f) => f.start < m!.index + m![0].length && m!.index < f.end)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, authors, year: m[2].slice(0, 4), pinpoint: m[3] ?? null });
  }
  return found.sort((a, b) => a.start - b.start);
}
