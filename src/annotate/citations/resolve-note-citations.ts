/**
 * Footnotes → the citations they hold, with back-references resolved. Each note is split into
 * citations at top-level semicolons; each citation is either a back-reference (resolved to the
 * earlier note and reference it repeats), a full reference (parsed), or, when it cites nothing, the
 * note is commentary (kind 'note'). Resolution follows how authors use these forms: "Ibid." repeats
 * the previous note's work, unless it names an author, in which case it points to that author's
 * latest earlier note (authors misuse "Ibid." for "op. cit."); "Op. cit."/"Loc. cit." need an
 * author, and without one they are kept, pointed at the latest work tentatively, and flagged.
 * A note about the article itself (is-author-note.ts) is a note, never a work. A piece that opens
 * with an instrument the instruments annotator found is read as that instrument's citation
 * (parse-instrument-citation.ts): its full title, no author. Offsets are into each note's own text.
 */
import { findBackReference, type BackReferenceType } from './find-back-reference.js';
import { parseReference, type ParsedReference } from './parse-reference.js';
import { familyOf, similarNames } from './same-work.js';
import { alternation, loadCitationVocabulary } from './citation-vocabulary.js';
import { isAuthorNote } from './is-author-note.js';
import { parseInstrumentCitation, type MentionInPiece } from './parse-instrument-citation.js';

export interface NoteText {
  readonly number: number;
  readonly text: string;
  /** Instruments the instruments annotator found in the note (offsets into `text`), if it ran. */
  readonly mentions?: readonly MentionInPiece[];
}

export interface ResolvedBackReference {
  readonly type: BackReferenceType;
  readonly refersTo: number;
  readonly refIndex: number;
}

export interface NoteCitation {
  readonly kind: 'reference' | 'note';
  /** How the citation was read: a work, a back-reference, an instrument; or the kind of note. */
  readonly rule: 'footnote' | 'back-reference' | 'instrument' | 'commentary' | 'author-note';
  readonly noteNumber: number;
  readonly refIndex: number;
  /** Offsets into the note text. */
  readonly start: number;
  readonly end: number;
  readonly parsed: ParsedReference;
  readonly backReference: ResolvedBackReference | null;
  readonly unresolved: string | null;
}

const v = loadCitationVocabulary();
const SIGNAL = new RegExp(`^(?:${alternation(v.signalWords)})(?![\\p{L}])[\\s,:]*`, 'iu');

interface Cited {
  readonly noteNumber: number;
  readonly refIndex: number;
  readonly families: readonly string[];
}

export function resolveNoteCitations(notes: readonly NoteText[]): NoteCitation[] {
  const out: NoteCitation[] = [];
  const history: Cited[] = [];
  /** The works the previous citing note cited, for "Ibid." */
  let previous: Cited[] = [];
  for (const note of notes) {
    // A note about the article itself (author, affiliation, funding) cites nothing, and is no "previous" note for Ibid.
    if (isAuthorNote(note.text)) {
      const start = note.text.length - note.text.trimStart().length;
      out.push({ kind: 'note', rule: 'author-note', noteNumber: note.number, refIndex: 0, start, end: note.text.trimEnd().length, parsed: parseReference(''), backReference: null, unresolved: null });
      continue;
    }
    const pieces = splitCitations(note.text);
    const cited: Cited[] = [];
    let refIndex = 0;
    for (const piece of pieces) {
      const back = findBackReference(piece.text);
      if (back) {
        const { target, unresolved } = resolve(back.type, back.authors, back.noteNumber, history, previous, out);
        const parsed = { ...parseReference(''), raw: piece.text, authors: back.authors, authorNames: back.authors.map((family) => ({ family, given: null })), pages: back.page, pinpoint: back.page };
        out.push({
          kind: 'reference', rule: 'back-reference', noteNumber: note.number, refIndex, start: piece.start, end: piece.end, parsed,
          backReference: target ? { type: back.type, refersTo: target.noteNumber, refIndex: target.refIndex } : null,
          unresolved,
        });
        if (target) cited.push(target);
        refIndex++;
        continue;
      }
      const general = parseReference(piece.text);
      const inPiece = (note.mentions ?? []).filter((m) => m.start >= piece.start && m.end <= piece.end).map((m) => ({ ...m, start: m.start - piece.start, end: m.end - piece.start }));
      const instrument = inPiece.length ? parseInstrumentCitation(piece.text, inPiece, general) : null;
      const parsed = instrument ?? general;
      if (!instrument && !isCitation(parsed)) continue;
      const entry = { noteNumber: note.number, refIndex, families: parsed.authors.map(familyOf) };
      history.push(entry);
      cited.push(entry);
      out.push({ kind: 'reference', rule: instrument ? 'instrument' : 'footnote', noteNumber: note.number, refIndex, start: piece.start, end: piece.end, parsed, backReference: null, unresolved: null });
      refIndex++;
    }
    if (refIndex === 0) {
      const start = note.text.length - note.text.trimStart().length;
      out.push({ kind: 'note', rule: 'commentary', noteNumber: note.number, refIndex: 0, start, end: note.text.trimEnd().length, parsed: parseReference(note.text), backReference: null, unresolved: null });
    } else previous = cited;
  }
  return out;
}

function resolve(
  type: BackReferenceType,
  authors: readonly string[],
  noteNumber: number | null,
  history: readonly Cited[],
  previous: readonly Cited[],
  done: readonly NoteCitation[],
): { target: Cited | null; unresolved: string | null } {
  if (type === 'supra') {
    const target = history.find((c) => c.noteNumber === noteNumber) ?? null;
    return target ? { target, unresolved: null } : { target: null, unresolved: `supra note ${noteNumber ?? '?'} cites no earlier reference` };
  }
  if (authors.length) {
    const family = familyOf(authors[0]);
    for (let i = history.length - 1; i >= 0; i--) {
      if (history[i].families.some((f) => similarNames(f, family))) return { target: history[i], unresolved: null };
    }
    const fallback = type === 'ibid' || type === 'id' ? previous[previous.length - 1] ?? null : null;
    return { target: fallback, unresolved: `no earlier reference by "${authors[0]}"` };
  }
  if (type === 'ibid' || type === 'id') {
    if (!previous.length) return { target: null, unresolved: `${type} with no earlier citation` };
    return previous.length > 1
      ? { target: previous[previous.length - 1], unresolved: `${type} after a note citing ${previous.length} works is ambiguous` }
      : { target: previous[0], unresolved: null };
  }
  void done;
  const latest = previous[previous.length - 1] ?? history[history.length - 1] ?? null;
  return { target: latest, unresolved: `${type === 'opcit' ? 'op. cit.' : 'loc. cit.'} names no author; the latest cited work is assumed` };
}

/** A piece cites a work when it has a date or an identifier, and a name or a title. */
function isCitation(p: ParsedReference): boolean {
  const hasAnchor = !!(p.year || p.doi || p.url);
  const hasWork = p.authors.length > 0 || !!p.title || !!p.container;
  return (hasAnchor && hasWork) || !!p.doi;
}

/** Splits a note at top-level ";" and strips signal words ("See", "Lihat"); offsets into the note. */
export function splitCitations(text: string): { text: string; start: number; end: number }[] {
  const pieces: { text: string; start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  const push = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    const signal = SIGNAL.exec(text.slice(s, e));
    if (signal) s += signal[0].length;
    if (e > s) pieces.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ';' && depth === 0 && !/^;\s?\d/.test(text.slice(i, i + 3))) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return pieces;
}
