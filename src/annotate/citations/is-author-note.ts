/**
 * Whether a footnote is about the article itself (corresponding author, affiliation, funding,
 * acknowledgements) rather than a citation: it opens with one of the vocabulary's `authorNoteOpeners`
 * ("Penulis korespondensi:", "Corresponding author:", "This research was funded by"), or it gives an
 * e-mail address and neither a DOI nor a URL. Takes the note's text; linear (one anchored regex, one
 * indexOf and a bounded look around the "@").
 */
import { alternation, loadCitationVocabulary } from './citation-vocabulary.js';

const v = loadCitationVocabulary();
const OPENER = new RegExp(`^[\\s*†‡]{0,3}(?:${alternation(v.authorNoteOpeners)})(?![\\p{L}])`, 'iu');

function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const local = /[\w.+-]$/.test(text.slice(Math.max(0, at - 1), at));
    const domain = /^[\w-]{1,63}\.[\w.-]{2,}/.test(text.slice(at + 1, at + 128));
    if (local && domain) return true;
  }
  return false;
}

export function isAuthorNote(text: string): boolean {
  if (OPENER.test(text)) return true;
  return hasEmail(text) && !/\bdoi\b|10\.\d{4,9}\/|https?:\/\/|www\./i.test(text);
}
