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
 * A footnote marker glued to the final period ("politik.1 Negara", "law.[^12] The", "law.¹ The")
 * stays outside both sentences, as layout may leave it in plain-text inputs. Two sentences run
 * together without a space ("labour.The Conference") are split when a lower-case word ends the first. A list item that follows ";" (or ":" and a line break) starts
 * a new sentence, as in statutes' "Menimbang: a. bahwa ...; b. bahwa ...". A heading line ("Pasal 5",
 * "Ayat (2)", "Article 33"; words in pipelines/segment/headings.yaml) is a sentence of its own.
 */
import type { Span } from '../span.js';
import { defaultAbbreviations, type Abbreviations } from './abbreviations.js';

/** Longest word looked at when deciding whether it is an abbreviation; longer ones never are. */
const MAX_WORD = 32;
/** Longest heading line ("Bagian Kesatu", "Pasal 28D ayat (1)") looked at, in characters. */
const MAX_HEADING = 40;
/** Closing quotes/brackets kept with the sentence after its final period. */
const MAX_CLOSERS = 4;

const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000;
const isDigit = (c: number) => c >= 48 && c <= 57;
// . ! ? and the ellipsis character.
const isTerminator = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
// ) ] } " ' ” ’ » › and Markdown's closing emphasis *
const isCloser = (c: number) =>
  c === 42 || c === 41 || c === 93 || c === 125 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a;
// ( [ " ' “ ‘ « ‹
const isOpener = (c: number) =>
  c === 40 || c === 91 || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039;
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isLetter = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();
// ¹ ² ³ ⁰ ⁴-⁹
const isSuperscriptDigit = (c: number) => c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
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

  /** Whether `s` starts a numbered or bracketed enumerator ("2.", "(b)"), which can follow any sentence. */
  const numberedItem = (s: number): boolean => {
    const c = text.charCodeAt(s);
    return (isDigit(c) || c === 40) && enumeratorEnd(s) > 0;
  };

  /**
   * Whether what begins at `s` can open a sentence. A lettered item ("b. bahwa") counts only at the
   * start of a line, as "v." and initials look the same inside a line ("A.S.M. v. Warden").
   */
  const opensSentence = (s: number, lineStart: boolean): boolean => {
    const ch = text[s];
    if (isUpper(ch)) return true;
    if (isOpener(text.charCodeAt(s)) && s + 1 < end && isUpper(text[s + 1])) return true;
    return numberedItem(s) || (lineStart && isLetter(ch) && enumeratorEnd(s) > 0);
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
    const lower = word.toLowerCase().replace(/’/g, "'");
    if (word.length === 1 && isLetter(word)) return false; // initials, list letters
    if (!quoted && vocabulary.nonFinal.has(lower)) return false;
    if (isEnumerator(word)) {
      const before = previousNonSpace(tokenStart - 1);
      if (before < sentenceStart) return false; // "1. Pendahuluan": the enumerator opens the sentence
      const c = text.charCodeAt(before);
      if (c === 58 || c === 59) return false; // "berikut: 1. ..."
    }
    const next = nextWord(s);
    if (vocabulary.ambiguous.has(lower) || isInitials(word)) {
      return vocabulary.starters.has(next) || numberedItem(s);
    }
    // Citation abbreviations chain: small caps "IMMIGR. ANN.", title case "Res. Def.", "Comp. Lab. L.".
    if (vocabulary.starters.has(next)) return true;
    if (isAllCaps(word) && next.length >= 2 && isAllCaps(next)) return false;
    const nextIsShortAbbreviation = next.length > 0 && next.length <= 6 && text.charCodeAt(s + next.length) === 46;
    if (word.length <= 6 && isUpper(word[0]) && /^\p{L}+$/u.test(word) && nextIsShortAbbreviation) return false;
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

  /** End of a bracketed note reference at `k` ("[^12]", "[12]"), or `k` when there is none. */
  const bracketedMarkerEnd = (k: number): number => {
    if (text.charCodeAt(k) !== 91) return k;
    let j = k + 1;
    if (text.charCodeAt(j) === 94) j++;
    const digits = j;
    while (j < end && j - digits < 4 && isDigit(text.charCodeAt(j))) j++;
    return j > digits && text.charCodeAt(j) === 93 ? j + 1 : k;
  };

  /** Whether a period at `p` directly followed by `q` (no space) joins two sentences: "labour.The". */
  const runTogether = (p: number, q: number): boolean => {
    if (q + 1 >= end || !isUpper(text[q]) || !isLower(text[q + 1]) || !isLower(text[p - 1] ?? '')) return false;
    const word = wordBefore(p);
    // Domains, paths, e-mail addresses and initials keep their dots.
    if (word.length < 2 || /[.\/:@_]/.test(word)) return false;
    const lower = word.toLowerCase();
    return !vocabulary.nonFinal.has(lower) && !vocabulary.ambiguous.has(lower);
  };

  /** Whether the line [from, to) is a heading line ("Pasal 28D", "Ayat (2)", "BAB II"). */
  const headingLine = (from: number, to: number): boolean => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to - from > MAX_HEADING || to === from || text.charCodeAt(to - 1) === 46) return false;
    const words = text.slice(from, to).split(/[ \t]+/);
    return words.length >= 2 && words.length <= 4 && vocabulary.headings.has(words[0]) && words.every((w) => w.length <= 12);
  };

  let lineStart = start;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      tokenStart = i + 1;
      // A heading line is a sentence of its own when what follows opens one.
      if (c === 10 && i - lineStart <= MAX_HEADING + 8 && headingLine(lineStart, i)) {
        let s = i + 1;
        while (s < end && isSpace(text.charCodeAt(s))) s++;
        if (s < end && opensSentence(s, true)) {
          if (sentenceStart < lineStart) push(sentenceStart, lineStart);
          push(Math.max(sentenceStart, lineStart), i);
          sentenceStart = tokenStart = s;
          lineStart = i + 1;
          i = s;
          continue;
        }
      }
      if (c === 10) lineStart = i + 1;
      i++;
      continue;
    }
    // A list item after ";" (or ":" and a line break) opens a new sentence.
    if (c === 59 || c === 58) {
      let s = i + 1;
      let newline = false;
      while (s < end && isSpace(text.charCodeAt(s))) {
        if (text.charCodeAt(s++) === 10) {
          newline = true;
          lineStart = s;
        }
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

    // A footnote marker glued to the final mark ("politik.1", "2019.[^10]", "rights.¹²") belongs to
    // neither sentence; plain digits count only when a space follows and the word before allows it.
    let m = q;
    const bracketed = bracketedMarkerEnd(q);
    if (bracketed > q) m = bracketed;
    else while (m < end && m - q < 4 && isSuperscriptDigit(text.charCodeAt(m))) m++;
    if (m === q) while (m < end && m - q < 3 && isDigit(text.charCodeAt(m))) m++;
    if (m > q) {
      const spaced = m === end || isSpace(text.charCodeAt(m));
      const plain = isDigit(text.charCodeAt(q));
      if (!spaced || (plain && (strong || !markerMayFollow(i)))) {
        i = q;
        continue;
      }
    } else if (q < end && !isSpace(text.charCodeAt(q))) {
      // No space after the mark: "e.g.,", "U.S.-based", "www.example.org", "2.5" — or two sentences
      // run together by a careless conversion ("compulsory labour.The General Conference").
      if (runTogether(i, q)) {
        push(sentenceStart, q);
        sentenceStart = tokenStart = i = q;
        continue;
      }
      i = q;
      continue;
    }

    let s = m;
    let afterNewline = false;
    while (s < end && isSpace(text.charCodeAt(s))) {
      if (text.charCodeAt(s++) === 10) {
        afterNewline = true;
        lineStart = s;
      }
    }
    const ends = s === end || (opensSentence(s, afterNewline) && (strong || periodEnds(i, s, q > r)));
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

function isAllCaps(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** Runs of single-letter initials joined by periods: "U.S", "S.H", "U.N". */
function isInitials(word: string): boolean {
  return word.length >= 3 && word.length <= 12 && /^(?:\p{L}\.)+\p{L}$/u.test(word);
}
