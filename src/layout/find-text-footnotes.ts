/**
 * Footnote blocks in plain-text extractions (no geometry): a footnote starts on a line that opens
 * with its number ("12 Ruggie, J. G. (2013) …", "13. Ibid.") after a blank line, another note or a
 * page start; notes are numbered in sequence through the document; its text runs on over the
 * following lines until a blank line, a line indented differently from the note (a page's body
 * resuming in many extractors) or the next note. A first note or a "12." label is accepted only on
 * evidence: a glued marker with that number earlier in the body, or a note-like opening (a
 * back-reference or signal word, an author and year). This is what tells "1. Pendahuluan" from
 * "1 Ruggie".
 * Marks lines in place: role 'note', `note`, `noteTextStart`.
 */
import { findMarkerCandidates } from './find-marker-candidates.js';
import type { LayoutLine } from './layout-line.js';
import { content } from './layout-line.js';
import { alternation, type LayoutVocabulary } from './layout-vocabulary.js';

const LABEL = /^(\d{1,4})([.)]?)[ \t]+(?=\S)/;
// An author ("Ruggie, J. G.", "Peter Mahmud Marzuki.") then a year, or a year in brackets early on.
const CITATION_LOOK = /^[^\d\n]{0,80}?\(?\b(?:1[6-9]|20)\d\d[a-z]?\b\)?/;

export function findTextFootnotes(lines: readonly LayoutLine[], vocabulary: LayoutVocabulary): void {
  const opener = new RegExp(`^(?:${alternation(vocabulary.noteOpeners)})(?=[\\s.,:;]|$)`, 'i');
  const seen = new Set<number>();
  let last = 0;
  let current: number | null = null;
  let indent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prev = i > 0 ? lines[i - 1] : null;
    const pageStart = !prev || prev.raw.page !== line.raw.page || line.raw.text.includes('\f');
    if (current !== null) {
      if (line.role === 'blank' || pageStart) current = null;
      else {
        const label = LABEL.exec(content(line));
        if (label && Number(label[1]) === current + 1 && line.start === indent) {
          startNote(line, Number(label[1]), label[0].length);
          current = last = Number(label[1]);
          continue;
        }
        if (line.start !== indent) current = null;
        else {
          line.role = 'note';
          line.note = current;
          continue;
        }
      }
    }
    if (line.role !== 'body') continue;
    const label = LABEL.exec(content(line));
    const afterBreak = !prev || pageStart || prev.role === 'blank' || prev.role === 'note';
    if (label && afterBreak) {
      const n = Number(label[1]);
      const rest = content(line).slice(label[0].length);
      const inSequence = last === 0 ? n <= 3 || seen.has(n) : n === last + 1;
      const looksLikeNote = opener.test(rest) || CITATION_LOOK.test(rest);
      const evidence = seen.has(n) || (label[2] === '' && looksLikeNote);
      if (inSequence && evidence) {
        startNote(line, n, label[0].length);
        current = last = n;
        indent = line.start;
        continue;
      }
    }
    for (const c of findMarkerCandidates([line], false)) seen.add(c.number);
  }
}

function startNote(line: LayoutLine, number: number, labelLength: number): void {
  line.role = 'note';
  line.note = number;
  line.noteTextStart = line.start + labelLength;
}
