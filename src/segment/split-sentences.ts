/**
 * Splits one paragraph of legal text into sentences. Takes the document text, the paragraph's span and
 * the splitter vocabulary; returns sentence spans inside that span, trimmed of whitespace, sorted and
 * non-overlapping. One forward pass over the characters with bounded look-back and look-ahead, so it is
 * linear on any input (runs of dots, digits or "No. No. No." included).
 *
 * A sentence ends at . ! ? (plus closing quotes and brackets) followed by whitespace and something
 * that can open a sentence: a capital letter, an opening quote or bracket before one, or a list
 * enumerator ("2.", "b.", "(3)"). A period does not end a sentence after an abbreviation that is always
 * followed by more ("No.", "hlm.", "pp.", "e.g."), after a single letter (initials "J. G.", list
 * letters), or after an enumerator that opens its sentence or list item ("1. Pendahuluan"). After an
 * ambiguous abbreviation ("et al.", "dll.", "U.S.") it ends one only before a common sentence opener.
 * A footnote number glued to the final period ("politik.1 Negara") stays outside both sentences, as
 * layout leaves it in plain-text inputs. A list item that follows ";" (or ":" and a line break) starts
 * a new sentence, as in statutes' "Menimbang: a. bahwa ...; b. bahwa ...".
 */
import type { Span } from '../span.js';
import { defaultAbbreviations, type Abbreviations } from './abbreviations.js';

/** Longest word looked at when deciding whether it is an abbreviation; longer ones never are. */
const MAX_WORD = 32;
/** Closing quotes/brackets kept with the sentence after its final period. */
const MAX_CLOSERS = 4;

const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000;
const isDigit = (c: number) => c >= 48 && c <= 57;
// . ! ? and the ellipsis character.
const isTerminator = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
// ) ] } " ' ” ’ » ›
const isCloser = (c: number) =>
  c === 41 || c === 93 || c === 125 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a;
// ( [ " ' “ ‘ « ‹
const isOpener = (c: number) =>
  c === 40 || c === 91 || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039;
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();
const isRomanChar = (c: number) => c === 105 || c === 118 || c === 120 || c === 73 || c === 86 || c === 88; // i v x I V X

export function splitSentences(
  text: string,
  span: Span = { start: 0, end: text.length },
  vocabulary: Abbreviations = defaultAbbreviations(),
): Span[] {
  const end = Math.min(span.end, text.length);
  const start = Math.max(0, span.start);
  const out: Span[] = [];
  let sentenceStart = start;
  let tokenStart = start;

  const push = (from: number, to: number) => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push({ start: from, end: to });
  };

  /** End of a list enumerator ("2.", "b)", "(iv)", "(3)") starting at `s` and followed by a space, or -1. */
  const enumeratorEnd = (s: number): number => {
    let k = s;
    const bracketed = text.charCodeAt(k) === 40;
    if (bracketed) k++;
    const first = k;
    if (isDigit(text.charCodeAt(k))) {
      while (k < end && k - first < 3 && isDigit(text.charCodeAt(k))) k++;
    } else if (isRomanChar(text.charCodeAt(k))) {
      while (k < end && k - first < 5 && isRomanChar(text.charCodeAt(k))) k++;
    } else if (k < end && isLetter(text[k])) {
      k++;
    }
    if (k === first || k >= end) return -1;
    const close = text.charCodeAt(k);
    if (bracketed ? close !== 41 : close !== 46 && close !== 41) return -1;
    k++;
    return k < end && isSpace(text.charCodeAt(k)) ? k : -1;
  };

  /** Whether what begins at `s` can open a sentence. */
  const opensSentence = (s: number): boolean => {
    const ch = text[s];
    if (isUpper(ch)) return true;
    const c = text.charCodeAt(s);
    if (isOpener(c) && s + 1 < end && isUpper(text[s + 1])) return true;
    return (isDigit(c) || c === 40 || isLetter(ch)) && enumeratorEnd(s) > 0;
  };

  const nextWord = (s: number): string => {
    let k = s;
    while (k < end && k - s < MAX_WORD && isLetter(text[k])) k++;
    return text.slice(s, k);
  };

  const previousNonSpace = (k: number): number => {
    while (k >= sentenceStart && isSpace(text.charCodeAt(k))) k--;
    return k;
  };

  /** The word before a period at `p`, without leading brackets and quotes ('' when over MAX_WORD). */
  const wordBefore = (p: number): string => {
    if (p - tokenStart > MAX_WORD) return '';
    let k = tokenStart;
    while (k < p && isOpener(text.charCodeAt(k))) k++;
    return text.slice(k, p);
  };

  /** Whether the period at `p` can end a sentence, judged by the word before it; `s` opens the next. */
  const periodEnds = (p: number, s: number, quoted: boolean): boolean => {
    const word = wordBefore(p);
    if (!word) return p - tokenStart > MAX_WORD || p === tokenStart;
    const lower = word.toLowerCase();
    if (word.length === 1 && isLetter(word)) return false; // initials, list letters
    if (!quoted && vocabulary.nonFinal.has(lower)) return false;
    if (isEnumerator(word)) {
      const before = previousNonSpace(tokenStart - 1);
      if (before < sentenceStart) return false; // "1. Pendahuluan": the enumerator opens the sentence
      const c = text.charCodeAt(before);
      if (c === 58 || c === 59) return false; // "berikut: 1. ..."
    }
    if (vocabulary.ambiguous.has(lower) || isInitials(word)) return vocabulary.starters.has(nextWord(s));
    return true;
  };

  /** Whether digits glued after the period at `p` may be a footnote marker ("politik.1", "2019.10"). */
  const markerMayFollow = (p: number): boolean => {
    const word = wordBefore(p);
    if (!word || word.length < 2 || vocabulary.nonFinal.has(word.toLowerCase())) return false;
    const last = text.charCodeAt(p - 1);
    if (isCloser(last) || isLetter(text[p - 1])) return !isInitials(word);
    return /^\d{4}$/.test(word); // a year: "pada tahun 2019.10"
  };

  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      tokenStart = i + 1;
      i++;
      continue;
    }
    // A list item after ";" (or ":" and a line break) opens a new sentence.
    if (c === 59 || c === 58) {
      let s = i + 1;
      let newline = false;
      while (s < end && isSpace(text.charCodeAt(s))) {
        if (text.charCodeAt(s) === 10) newline = true;
        s++;
      }
      if (s > i + 1 && s < end && (c === 59 || newline) && enumeratorEnd(s) > 0) {
        push(sentenceStart, i + 1);
        sentenceStart = tokenStart = i = s;
        continue;
      }
      i++;
      continue;
    }
    if (!isTerminator(c)) {
      i++;
      continue;
    }

    // The run of terminators: "?!", "...", or one period.
    let r = i;
    let strong = false;
    while (r < end && isTerminator(text.charCodeAt(r))) {
      const t = text.charCodeAt(r);
      if (t === 33 || t === 63) strong = true;
      r++;
    }
    const run = r - i;
    if (!strong) {
      // Ellipses ("...", "…", ". . .") mark elision or a catchword in legal text, not a sentence end.
      const spacedBefore = i - 2 >= start && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i - 2) === 46;
      const spacedAfter = r + 1 < end && text.charCodeAt(r) === 32 && text.charCodeAt(r + 1) === 46;
      if (run > 1 || c === 0x2026 || (run === 1 && (spacedBefore || spacedAfter))) {
        i = r;
        continue;
      }
    }
    let q = r;
    while (q < end && q - r < MAX_CLOSERS && isCloser(text.charCodeAt(q))) q++;

    // Digits glued to the period: a footnote marker when a space follows, else a number ("2.5").
    let m = q;
    while (m < end && m - q < 3 && isDigit(text.charCodeAt(m))) m++;
    if (m > q) {
      const spaced = m === end || isSpace(text.charCodeAt(m));
      if (!spaced || strong || !markerMayFollow(i)) {
        i = q;
        continue;
      }
    } else if (q < end && !isSpace(text.charCodeAt(q))) {
      i = q; // "e.g.,", "U.S.-based", "www.example.org"
      continue;
    }

    let s = m;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    const ends = s === end || (opensSentence(s) && (strong || periodEnds(i, s, q > r)));
    if (!ends) {
      i = q;
      continue;
    }
    push(sentenceStart, q);
    sentenceStart = tokenStart = i = s;
  }
  push(sentenceStart, end);
  return out;
}

/** "12", "3.1", "iv", "IX": a number or numeral that can label a list item or heading. */
function isEnumerator(word: string): boolean {
  return /^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[ivx]{1,5}|[IVX]{1,5})$/.test(word);
}

/** Runs of single-letter initials joined by periods: "U.S", "S.H", "U.N". */
function isInitials(word: string): boolean {
  return word.length >= 3 && word.length <= 12 && /^(?:\p{L}\.)+\p{L}$/u.test(word);
}
