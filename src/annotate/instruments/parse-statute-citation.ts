/**
 * The statute-citation grammar, over tokens, after a statute-type phrase the trie found:
 *   <type> [(<ABBR>)] [Republik Indonesia | RI] [<issuer words>] [Nomor|No.] <n> (Tahun <yyyy> | /<yyyy> | of <yyyy>)
 *   [tentang|mengenai|on <Title Case title>]
 * Takes the tokens, the text, the index of the first token after the type phrase, the type and the
 * matcher's word sets; returns the number, year, optional title and the token index where the
 * citation ends, or null when the tokens are not a citation. Works token by token: linear, no regex.
 * No part runs across a paragraph or block boundary (`Gap.paragraph`), and the title ends at one and
 * at a sentence end ("… tentang\n\nPenulis" keeps no title).
 */
import type { Matcher } from './compile-matcher.js';
import { isYearKey } from './compile-matcher.js';
import { Gap, type Tokens } from './tokenize.js';

export interface StatuteCitation {
  readonly number: string;
  readonly year: number;
  readonly title: string | null;
  /** Token index just after the citation. */
  readonly endToken: number;
}

/** Types whose citations may name the issuing ministry or region before the number. */
const ISSUED = new Set(['permen', 'perda']);
const STOP = Gap.hard | Gap.period | Gap.comma;

function isDigits(key: string): boolean {
  if (!key.length || key.length > 4) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function startsUpper(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== ch.toLowerCase();
}

/** Whether a title-stop phrase ("dengan rahmat") starts at token s. */
function stopsAt(t: Tokens, s: number, m: Matcher): boolean {
  for (const stop of m.titleStops) {
    let ok = s + stop.length <= t.count;
    for (let q = 0; ok && q < stop.length; q++) ok = t.key[s + q] === stop[q];
    if (ok) return true;
  }
  return false;
}

export function parseStatuteCitation(t: Tokens, text: string, from: number, type: string, m: Matcher): StatuteCitation | null {
  const n = t.count;
  let k = from;
  // A citation never runs across a paragraph or block boundary.
  if (k < n && t.gap[k] & Gap.paragraph) return null;
  // "Peraturan Pemerintah (PP) Nomor 31": a parenthetical abbreviation of the type.
  if (k < n && t.gap[k] & Gap.openParen && (k + 1 >= n || t.gap[k + 1] & Gap.closeParen) && /^[A-Z]+$/.test(text.slice(t.start[k], t.end[k]))) k++;
  if (k < n && t.gap[k] & Gap.paragraph) return null;
  if (k + 1 < n && t.key[k] === 'republik' && t.key[k + 1] === 'indonesia' && !(t.gap[k] & STOP) && !(t.gap[k + 1] & STOP)) k += 2;
  else if (k < n && text.slice(t.start[k], t.end[k]) === 'RI' && !(t.gap[k] & STOP)) k++;
  if (ISSUED.has(type)) {
    let s = k;
    const limit = Math.min(n, k + m.registry.statutes.issuerMaxTokens);
    // The issuer is a capitalised name ("Menteri Hukum dan HAM", "Provinsi DIY"), never a clause.
    while (s < limit && !m.numberWords.has(t.key[s]) && !isDigits(t.key[s])) {
      if (t.gap[s] & STOP) return null;
      if (!startsUpper(text, t.start[s]) && !m.titleConnectors.has(t.key[s])) return null;
      s++;
    }
    k = s;
  }
  if (k >= n) return null;
  let numberWord = false;
  if (m.numberWords.has(t.key[k])) {
    if (t.gap[k] & Gap.paragraph) return null;
    numberWord = true;
    k++;
  }
  if (k >= n || !isDigits(t.key[k]) || t.gap[k] & Gap.hard) return null;
  const number = String(Number(t.key[k]));
  k++;
  if (k >= n) return null;
  let year: number;
  if (t.gap[k] & Gap.slash && isYearKey(t.key[k])) {
    year = Number(t.key[k]);
    k++;
  } else if (m.yearWords.has(t.key[k]) && k + 1 < n && isYearKey(t.key[k + 1]) && !(t.gap[k] & Gap.hard) && !(t.gap[k + 1] & STOP)) {
    if (!numberWord && t.key[k] !== 'tahun') return null;
    year = Number(t.key[k + 1]);
    k += 2;
  } else return null;
  if (!numberWord && !(t.gap[k - 1] & Gap.slash) && t.key[k - 2] !== 'tahun') return null;

  // Title: an opener, then Title Case words (lower-case connectors only between capitalised words).
  let title: string | null = null;
  if (k + 1 < n && m.titleOpeners.has(t.key[k]) && !(t.gap[k] & STOP) && !(t.gap[k + 1] & STOP) && startsUpper(text, t.start[k + 1])) {
    let last = k + 1;
    let s = k + 2;
    const limit = Math.min(n, k + 1 + m.registry.statutes.titleMaxTokens);
    while (s < limit && !(t.gap[s] & STOP)) {
      if (m.statuteStarts.has(t.key[s]) || stopsAt(t, s, m)) break;
      // A lone letter opening a new line is a numbering label ("I", "A"), not a title word.
      if (t.gap[s] & Gap.newline && t.end[s] - t.start[s] === 1) break;
      if (startsUpper(text, t.start[s]) || t.gap[s] & Gap.hyphen) {
        last = s++;
        continue;
      }
      // A run of connectors ("di", "dan") counts only when a capitalised word follows it.
      let c = s;
      while (c < limit && m.titleConnectors.has(t.key[c]) && !(t.gap[c] & STOP)) c++;
      if (c > s && c < limit && !(t.gap[c] & STOP) && startsUpper(text, t.start[c]) && !m.statuteStarts.has(t.key[c]) && !stopsAt(t, c, m)) {
        last = c;
        s = c + 1;
        continue;
      }
      break;
    }
    title = text.slice(t.start[k + 1], t.end[last]).replace(/\s+/g, ' ');
    k = last + 1;
  }
  return { number, year, title, endToken: k };
}
