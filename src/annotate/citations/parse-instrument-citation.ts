/**
 * A citation of a treaty, declaration or statute in a note ("Convention Against Torture and Other
 * Cruel, Inhuman or Degrading Treatment or Punishment art. 3, Dec. 10, 1984, 1465 U.N.T.S. 85",
 * "Pasal 8 dan Pasal 71 UU No. 39 Tahun 1999 tentang Hak Asasi Manusia.") → a reference whose title
 * is the instrument's full title as printed, with no author (an instrument has none, and its name
 * must not be read as one), its date, its treaty-series volume and page, and the pinpoint.
 * The instruments annotator says where instruments are named (the `mentions`, offsets into the
 * piece); a piece is an instrument citation when one opens it, after nothing but a provision
 * ("Pasal 8 dan Pasal 71") or an issuing body's acronym ("ILO,"). Returns null otherwise.
 * Linear: bounded scans and patterns without nested quantifiers over overlapping alternatives.
 */
import { alternation, loadCitationVocabulary } from './citation-vocabulary.js';
import type { ParsedReference } from './parse-reference-by-rules.js';

export interface MentionInPiece {
  readonly start: number;
  readonly end: number;
  readonly instrumentId: string;
  /** The year a statute citation gives ("UU No. 5 Tahun 1998"), else null. */
  readonly statuteYear: number | null;
}

const v = loadCitationVocabulary();
const PINPOINT_WORDS = alternation(v.pinpointWords);
const PINPOINT_WORD = new RegExp(`^(?:${PINPOINT_WORDS})$`, 'iu');
const CONNECTORS = new Set(['dan', 'and', '&', 'jo', 'jo.', 'juncto', 'of', 'the', 'dari', ',']);
/** A pinpoint word at a word boundary, then a number: where a title stops and the pinpoint begins. */
const PINPOINT_AT = new RegExp(`\\s(?:${PINPOINT_WORDS})(?![\\p{L}])\\s?[\\dIVXLC(]`, 'iu');
/** The whole pinpoint: "art. 3", "arts. 6-7", "Articles 7, 9 and 10", "Pasal 6 dan Pasal 7", "Article 3(a)". */
const PINPOINT = new RegExp(`(?<![\\p{L}])(?:${PINPOINT_WORDS})(?![\\p{L}])\\s?[\\dIVXLC][\\w()]*(?:\\s?[-–,]\\s?\\d[\\w()]*|\\s(?:and|dan|&)\\s(?:(?:${PINPOINT_WORDS})\\s?)?\\d[\\w()]*)*`, 'iu');
const MONTH_AFTER_COMMA = new RegExp(`^,\\s(?:\\d{1,2}\\s)?(?:${alternation(v.months)})(?![\\p{L}])`, 'iu');
const MARKER_AFTER_COMMA = new RegExp(`^,\\s(?:${alternation(v.documentMarkers)})`, 'iu');
const SERIES = new RegExp(`(?<![\\d\\p{L}])(\\d{1,5})\\s((?:${alternation(v.treatySeries)}))\\s(\\d{1,5})(?!\\d)`, 'u');
const YEAR = /(?<![\d\p{L}])(1[6-9]\d\d|20[0-4]\d)(?!\d)/u;
const ACRONYM_PREFIX = /^\p{Lu}{2,8},?\s$/u;

/** Whether the text before the mention is only a provision ("Pasal 8 dan Pasal 71 ", "Art. 3 of the "). */
function provisionPrefix(prefix: string): boolean {
  const words = prefix.trim().split(/\s+/);
  if (!words[0] || !PINPOINT_WORD.test(words[0])) return false;
  return words.every((w) => PINPOINT_WORD.test(w) || CONNECTORS.has(w.toLowerCase()) || /^\(?\d{1,4}[a-z]?\)?[,.]?$|^\(?[a-z]\)?[,.]?$/i.test(w));
}

/** Where the printed title that starts at the mention ends (at least the mention's end). */
function titleEnd(piece: string, from: number, mentionEnd: number): number {
  let i = mentionEnd;
  const limit = Math.min(piece.length, from + 400);
  for (; i < limit; i++) {
    const ch = piece[i];
    if (ch === '(' || ch === '[' || ch === ';') break;
    if (ch === '.' && (i + 1 >= piece.length || /\s/.test(piece[i + 1])) && !/\s\p{L}{1,3}$/u.test(piece.slice(Math.max(from, i - 4), i))) break;
    if (ch === ' ' && PINPOINT_AT.test(piece.slice(i, i + 24))) break;
    if (ch === ',') {
      const after = piece.slice(i, i + 24);
      if (!/^,\s\p{Lu}/u.test(after) || MONTH_AFTER_COMMA.test(after) || MARKER_AFTER_COMMA.test(after)) break;
    }
  }
  return i;
}

export function parseInstrumentCitation(piece: string, mentions: readonly MentionInPiece[], base: ParsedReference): ParsedReference | null {
  const first = [...mentions].sort((a, b) => a.start - b.start)[0];
  if (!first) return null;
  const prefix = piece.slice(0, first.start);
  const byProvision = prefix.trim() !== '' && provisionPrefix(prefix);
  if (prefix.trim() !== '' && !byProvision && !ACRONYM_PREFIX.test(prefix)) return null;
  const end = titleEnd(piece, first.start, first.end);
  const title = piece.slice(first.start, end).replace(/[\s,.;:]+$/, '').replace(/\s+/g, ' ');
  const rest = piece.slice(end);
  const pinpoint = byProvision ? prefix.trim().replace(/[\s,]+$/, '') : (PINPOINT.exec(rest)?.[0] ?? null);
  const series = SERIES.exec(rest);
  const year = first.statuteYear ?? Number(YEAR.exec(rest)?.[1] ?? YEAR.exec(title)?.[1] ?? NaN);
  return {
    ...base,
    raw: piece,
    authors: [],
    authorNames: [],
    year: Number.isFinite(year) ? String(year) : null,
    title,
    container: series ? series[2] : null,
    volume: series ? series[1] : null,
    issue: null,
    pages: series ? series[3] : null,
    pinpoint,
    publisher: null,
    place: null,
  };
}
