/**
 * Back-references in a note's citation: "Ibid.", "Ibid. Ruggie, J. G.", "Ibid. Rahayu. hlm 27.",
 * "Op. cit.", "Opcit.", "Ruggie, op. cit., p. 5", "Loc. cit.", "supra note 3", "Id. at 4". Returns the
 * type, the author named before or after the form (family names), the note number a "supra note n"
 * gives, and the page or pinpoint cited; null when the text is not a back-reference. A pinpoint word
 * after the form ("Ibid., Principle 17", "Ibid., Pasal 5") opens the pinpoint, never an author's
 * name. The forms and the pinpoint words are vocabulary.
 */
import { alternation, loadCitationVocabulary } from './citation-vocabulary.js';
import { scanAuthors } from './parse-authors.js';

export type BackReferenceType = 'ibid' | 'opcit' | 'loccit' | 'supra' | 'id';

export interface FoundBackReference {
  readonly type: BackReferenceType;
  /** Family names written with it ("Rahayu"), folded later for matching. */
  readonly authors: readonly string[];
  readonly noteNumber: number | null;
  readonly page: string | null;
}

const v = loadCitationVocabulary();
const TYPES: readonly BackReferenceType[] = ['opcit', 'loccit', 'ibid', 'supra', 'id'];
const FORM: Record<BackReferenceType, RegExp> = Object.fromEntries(
  TYPES.map((t) => [
    t,
    // "Id." only opens a note (elsewhere it is too common a token); the others may follow an author.
    new RegExp(`${t === 'id' ? '^' : '(?<![\\p{L}])'}(?:${alternation(v.backReferences[t])})(?![\\p{L}])`, 'iu'),
  ]),
) as Record<BackReferenceType, RegExp>;
const PAGE = new RegExp(`(?:${alternation(v.pageWords)})\\s?(\\d+(?:\\s?[-–]\\s?\\d+)?)`, 'iu');
const NOTE_NUMBER = /^\D{0,12}?(\d{1,4})/;
/** "Principle 17", "Pasal 5 ayat (1)", "art. 3" right after the form: a place in the work, not an author. */
const PINPOINT = new RegExp(`^[\\s.,;:]{0,4}((?:${alternation(v.pinpointWords)})(?![\\p{L}])\\s?[\\dIVXLCivxlc(][^;]{0,80})$`, 'iu');

export function findBackReference(text: string): FoundBackReference | null {
  const head = text.slice(0, 160);
  for (const type of TYPES) {
    const m = FORM[type].exec(head);
    if (!m) continue;
    const before = head.slice(0, m.index).trim();
    // A back-reference opens the citation or follows only an author's name ("Ruggie, op. cit.").
    if (before && !/^[\p{Lu}][\p{L}\p{M}'’ .,-]{0,60}$/u.test(before)) continue;
    const after = text.slice(m.index + m[0].length);
    const pinpoint = type === 'supra' ? null : PINPOINT.exec(after);
    if (pinpoint) {
      const page = PAGE.exec(after)?.[1] ?? pinpoint[1].replace(/[\s.,;:]+$/, '');
      const authors = before ? scanAuthors(before).authors.map((a) => a.family).filter((f) => f.length > 1) : [];
      return { type, authors, noteNumber: null, page };
    }
    const page = PAGE.exec(after)?.[1] ?? /^[\s.,]{0,3}(?:at\s)?(\d+(?:[-–]\d+)?)\s?\.?$/.exec(after)?.[1] ?? null;
    let noteNumber: number | null = null;
    if (type === 'supra') {
      const n = NOTE_NUMBER.exec(after);
      noteNumber = n ? Number(n[1]) : null;
    }
    const named = before || after.replace(PAGE, ' ').replace(/^[\s.,;:]+/, '');
    const authors = type === 'supra' && !before ? [] : scanAuthors(named).authors.map((a) => a.family).filter((f) => f.length > 1);
    return { type, authors, noteNumber, page };
  }
  return null;
}
