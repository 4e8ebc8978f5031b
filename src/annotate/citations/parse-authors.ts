/**
 * Author lists: finds where the list of names that opens a reference ends, and splits it into
 * names written "Family, Given". Handles the orders references use: inverted ("Ruggie, J. G.",
 * "Sundquist, Eric"), natural ("S. Lakshmanan", "Peter Mahmud Marzuki"), Vancouver ("Shields MB"),
 * mixed (Chicago: first inverted, the rest natural), joined by commas, semicolons, "and", "&", "dan",
 * "und"; "et al."/"dkk." end the list and are dropped. The scan stops at the first piece that is not
 * a name (a title, a year, a quote, a parenthesis), so the caller gets the offset where the rest begins.
 * Tokens are read one by one; no regular expression runs over more than one token.
 */
import { loadCitationVocabulary } from './citation-vocabulary.js';

export interface AuthorName {
  readonly family: string;
  readonly given: string | null;
}

export interface AuthorScan {
  readonly authors: readonly AuthorName[];
  /** Offset in the scanned text where the author list ends (its trailing separators included). */
  readonly end: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const vocabulary = loadCitationVocabulary();
const CONJUNCTIONS = new Set(vocabulary.authorConjunctions);
const PARTICLES = new Set(vocabulary.nameParticles.map((w) => w.toLowerCase()));
const SUFFIXES = new Set(vocabulary.nameSuffixes.map((w) => w.toLowerCase().replace(/\.$/, '')));
const NOT_NAMES = new Set(vocabulary.notNames);
const ET_AL = vocabulary.etAl.map((w) => w.toLowerCase().replace(/\.$/, ''));

const INITIALS = /^(?:\p{Lu}\.?(?:-\p{Lu}\.?)?)+$/u;
const DOTTED_INITIALS = /^(?:\p{Lu}\.-?)+$/u;
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;
const YEAR = /^\(?\d{4}[a-z]?\)?[.,:;]?$/;

/** "Family, Given" as the references' labels write it ("Misleni" alone when there is no given name). */
export function formatAuthor(a: AuthorName): string {
  return a.given ? `${a.family}, ${a.given}` : a.family;
}

/** Reads the author list at the start of `text`. */
export function scanAuthors(text: string): AuthorScan {
  const tokens = tokenize(text);
  const pieces: { tokens: Token[]; afterConjunction: boolean }[] = [];
  let current: Token[] = [];
  let afterConjunction = false;
  let end = 0;
  let etAlEnd = 0;
  let stop = false;
  /** The scan met a word that is no name while a piece was open: that piece ran into the title. */
  let ranIntoText = false;
  const close = (): boolean => {
    if (current.length) pieces.push({ tokens: current, afterConjunction });
    current = [];
    afterConjunction = false;
    return true;
  };
  for (let i = 0; i < tokens.length && !stop; i++) {
    const t = tokens[i];
    const bare = stripPunctuation(t.text);
    const lower = bare.toLowerCase();
    // Conjunctions are matched as written, so the initial "E." is never the Portuguese "e".
    const joiner = t.text.replace(/[,;]+$/, '');
    const isConjunction = CONJUNCTIONS.has(joiner) || (joiner === 'AND' && current.length > 0);
    if (/^[(“"‘'«\[]/.test(t.text) || YEAR.test(t.text) || /^\d/.test(t.text)) break;
    if (ET_AL.some((e) => lower === e.split(' ')[0]) && i + 1 < tokens.length && ET_AL.includes(`${lower} ${stripPunctuation(tokens[i + 1].text).toLowerCase()}`)) {
      close();
      end = etAlEnd = tokens[i + 1].end;
      break;
    }
    // "e.a."/"u.a." end a list only as written in lower case: "Donadi E.A." is a name with initials.
    if (ET_AL.includes(lower) && !isInitials(bare)) {
      close();
      end = etAlEnd = t.end;
      break;
    }
    if (isConjunction && current.length === 0 && pieces.length > 0) {
      afterConjunction = true;
      continue;
    }
    if (isConjunction && current.length > 0) {
      close();
      afterConjunction = true;
      continue;
    }
    if (/^(?:\.{3}|…)$/.test(t.text)) continue;
    // "A," "A." are initials; "A" followed by a word is the article that opens a title.
    // Words in capitals are checked too ("THE RIGHTS OF SEAFARERS", a title in small capitals).
    const notName = NOT_NAMES.has(bare) || (bare.length >= 3 && bare === bare.toUpperCase() && NOT_NAMES.has(bare[0] + bare.slice(1).toLowerCase()));
    if (!isNameToken(bare) || (notName && !/[.,;:]$/.test(t.text))) {
      ranIntoText = /^\p{L}/u.test(t.text);
      break;
    }
    if (completesName(current, pieces, bare, t.text, tokens[i + 1]?.text ?? '', tokens[i + 2]?.text ?? '')) {
      // "Monod J. The growth…", "Kokich, V. G. Calvarial…": the name was complete; a new word is the title.
      close();
      stop = true;
      break;
    }
    current.push({ ...t, text: t.text.replace(/[,;:]+$/, '') });
    const last = t.text[t.text.length - 1];
    if (last === ',' || last === ';') {
      close();
      // After ";" a list may switch to natural order ("Triyoga, Bambang; Iwan Sudradjat").
      if (last === ';') afterConjunction = true;
      end = t.end;
    } else if (last === ':' ) {
      close();
      end = t.end;
      stop = true;
    } else if (last === '.' && !INITIALS.test(bare) && !SUFFIXES.has(lower) && !PARTICLES.has(lower)) {
      // A full word ending in "." closes the list: "Sundquist, Eric. To Wake…", "W. Li. Linearly…".
      close();
      end = t.end;
      stop = true;
    } else end = t.end;
  }
  // A piece still open when a non-name token arrived belongs to the list only if it is complete.
  if (current.length && !(ranIntoText && !closedByInitial(current))) pieces.push({ tokens: current, afterConjunction });
  const scan = assemble(pieces, text, end);
  // "Cardis, Elisabeth, et al." : when every piece was a name, the list runs through "et al.".
  if (etAlEnd > scan.end && scan.authors.length && scan.consumedAll) return { authors: scan.authors, end: extendOverSeparators(text, etAlEnd) };
  return { authors: scan.authors, end: scan.end };
}

/** The offset after the separators (", " ". " "; ") that follow `end`. */
function extendOverSeparators(text: string, end: number): number {
  let e = end;
  while (e < text.length && /[\s,.;:&]/.test(text[e])) e++;
  return e;
}

/** Whether the open piece is a finished name that a following capitalised word cannot continue. */
function completesName(current: Token[], pieces: { tokens: Token[] }[], next: string, nextRaw: string, afterNext: string, thirdNext: string): boolean {
  if (!current.length || isInitials(next)) return false;
  // "Theodor W. Adorno," "Patricia L. Winter." : a family name closing a natural-order name; but
  // "Wilson CB. Diagnosis and management …": a conjunction joining a lower-case word joins title words.
  const joinsTitleWords = /^(?:and|&|dan|und)$/.test(afterNext) && /^\p{Ll}/u.test(thirdNext) && !PARTICLES.has(stripPunctuation(thirdNext).toLowerCase());
  if (/[,;.]$/.test(nextRaw) || (/^(?:and|&|dan|und|\()/.test(afterNext) && !joinsTitleWords)) return false;
  const last = current[current.length - 1].text;
  if (!last.endsWith('.') || !isInitials(stripPunctuation(last, true))) return false;
  const words = current.map((t) => stripPunctuation(t.text, true));
  // Family then initials ("Monod J."): complete.
  if (!isInitials(words[0])) return true;
  // Only initials, after a lone family name ("Kokich, V. G."): complete.
  const prev = pieces[pieces.length - 1];
  return !!prev && prev.tokens.length === 1 && words.every((w) => isInitials(w));
}

/** A piece cut short by a title word still counts when it ends in initials ("Hall BG" then text). */
function closedByInitial(current: Token[]): boolean {
  return isInitials(stripPunctuation(current[current.length - 1].text, true));
}

function assemble(pieces: { tokens: Token[]; afterConjunction: boolean }[], text: string, scanEnd: number): AuthorScan & { consumedAll: boolean } {
  const authors: AuthorName[] = [];
  let end = 0;
  let inverted: boolean | null = null;
  let vancouverList = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i].tokens.map((t) => stripPunctuation(t.text, true));
    const pieceEnd = pieces[i].tokens[pieces[i].tokens.length - 1].end;
    if (piece.length > 5) break;
    const next = pieces[i + 1];
    const nextWords = next?.tokens.map((t) => stripPunctuation(t.text, true));
    if (piece.length === 1 && SUFFIXES.has(piece[0].toLowerCase().replace(/\.$/, '')) && authors.length) {
      const prev = authors.pop()!;
      authors.push({ family: prev.family, given: prev.given ? `${prev.given}, ${piece[0]}` : piece[0] });
      end = pieceEnd;
      continue;
    }
    const isFamily = isFamilyPiece(piece);
    const givenish = nextWords && !next.afterConjunction && isGivenPiece(nextWords);
    if (isFamily && givenish && inverted !== false) {
      inverted = true;
      authors.push({ family: piece.join(' ').replace(/\.$/, ''), given: givenText(nextWords) });
      end = next.tokens[next.tokens.length - 1].end;
      i++;
      continue;
    }
    // In an inverted list a lone word can only be a name after "and"/"&" ("…, & Misleni") or first;
    // in a natural-order list ("P. Dolan, Commun. Math. Phys.") likewise: a lone word is no name.
    if (inverted === true && !pieces[i].afterConjunction && !looksNatural(piece)) break;
    if (inverted === false && piece.length === 1 && !pieces[i].afterConjunction) break;
    // A list of Vancouver names ("BEARD M., NORTH J. et PRICE S.") goes on only with another one:
    // "Religions de Rome" after it is the title.
    if (vancouverList && !isVancouver(piece) && !isInitials(piece[0])) break;
    const name = naturalName(piece);
    if (!name) break;
    // The first piece decides the order when it is clearly natural ("S. Lakshmanan"), or a whole name
    // of several words ("Amelia Hart", "Adi Wijaya Santoso"): an inverted list opens with the family
    // name alone, so "Amelia Hart, Boats, Borders, and …" goes on with a title, not "Boats, Borders".
    if (inverted === null && (looksNatural(piece) || (i === 0 && piece.length >= 2))) inverted = false;
    if (i === 0) vancouverList = isVancouver(piece);
    authors.push(name);
    end = pieceEnd;
  }
  const finalPiece = pieces[pieces.length - 1]?.tokens;
  let consumedAll = !!finalPiece && end === finalPiece[finalPiece.length - 1].end;
  // "P. Gasik, J. Instrum. 9 …", "D. Lovelock, Commun. Math. Phys. 5": an abbreviation before the
  // volume is the journal, not a last author.
  if (authors.length > 1 && end > 0) {
    const lastPiece = pieces[Math.min(pieces.length - 1, authors.length - 1)];
    const lastToken = lastPiece?.tokens[lastPiece.tokens.length - 1].text ?? '';
    const after = text.slice(end).replace(/^[\s,.;:]+/, '');
    if (/\.$/.test(lastToken) && !isInitials(stripPunctuation(lastToken, true)) && /^(?:\p{Lu}\p{L}{0,8}\.\s?){0,3}\d/u.test(after)) {
      authors.pop();
      end = lastPiece.tokens[0].start;
      consumedAll = false;
    }
  }
  // Include separators that followed the last name (", " or ". ") in the list's extent.
  if (end > 0) {
    end = Math.max(end, Math.min(scanEnd, end));
    let e = end;
    while (e < text.length && /[\s,.;:&]/.test(text[e])) e++;
    end = e;
  }
  return { authors, end, consumedAll };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    if (tokens.length > 60) break;
  }
  return tokens;
}

function stripPunctuation(word: string, keepFinalDot = false): string {
  const s = word.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[,;:]+$/, '');
  return keepFinalDot ? s : s.replace(/\.$/, '');
}

function isNameToken(bare: string): boolean {
  if (!bare || bare.length > 30) return false;
  const lower = bare.toLowerCase();
  if (PARTICLES.has(lower) || SUFFIXES.has(lower)) return true;
  return NAME_WORD.test(bare) || INITIALS.test(bare) || DOTTED_INITIALS.test(`${bare}.`);
}

function isInitials(word: string): boolean {
  return word.length <= 12 && (INITIALS.test(word) || DOTTED_INITIALS.test(word)) && (word.includes('.') || word.length <= 3);
}

/** A family name: one capitalised word, with particles ("van der Waals", "de Beauvoir"). */
function isFamilyPiece(words: string[]): boolean {
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  return core.length === 1 && !isInitials(core[0]) && NAME_WORD.test(core[0].replace(/\.$/, ''));
}

/** Given names: initials ("J. G.", "MB", "E.-M.") or up to three capitalised words ("Eric", "John Gerard"). */
function isGivenPiece(words: string[]): boolean {
  if (!words.length || words.length > 3) return false;
  if (words.every((w) => isInitials(w))) return true;
  // "S. Lakshmanan" is a whole name, not the given part of the previous one.
  if (words.length > 1 && isInitials(words[0]) && !isInitials(words[words.length - 1])) return false;
  return words.every((w) => isInitials(w) || NAME_WORD.test(w.replace(/\.$/, '')));
}

function looksNatural(words: string[]): boolean {
  // "S. Lakshmanan", "Shields MB", and "Tati R Mengko" (a middle initial between two names).
  const middleInitial = words.length === 3 && isInitials(words[1]) && !isInitials(words[0]) && !isInitials(words[2]) && NAME_WORD.test(words[2].replace(/\.$/, ''));
  return words.length >= 2 && (isInitials(words[0]) || isVancouver(words) || middleInitial);
}

function isVancouver(allWords: string[]): boolean {
  // Leading particles belong to the family name ("van der Schouw TT").
  let p = 0;
  while (p < allWords.length - 2 && PARTICLES.has(allWords[p].toLowerCase())) p++;
  const words = allWords.slice(p);
  const first = words[0];
  const last = words[words.length - 1];
  const familyFirst = first.length >= 2 && !first.includes('.') && NAME_WORD.test(first) && !/^\p{Lu}{1,3}$/u.test(first);
  return words.length >= 2 && familyFirst && (/^\p{Lu}{1,3}$/u.test(last) || (isInitials(last) && last.includes('.')));
}

/** A name in natural or Vancouver order, or a single-part name; null when it is not a name. */
function naturalName(words: string[]): AuthorName | null {
  if (!words.length) return null;
  if (words.length === 1) {
    const w = words[0].replace(/\.$/, '');
    return isInitials(words[0]) ? null : { family: w, given: null };
  }
  if (isVancouver(words)) return { family: words.slice(0, -1).join(' '), given: words[words.length - 1] };
  // Family = the last word and the particles before it; given = what comes first.
  let k = words.length - 1;
  while (k > 1 && PARTICLES.has(words[k - 1].toLowerCase())) k--;
  const family = words.slice(k).join(' ').replace(/\.$/, '');
  const given = words.slice(0, k).join(' ');
  if (isInitials(family)) return null;
  return { family, given };
}

/** Given names as written; a full word loses the sentence period that ended the list ("Eric."). */
function givenText(words: string[]): string {
  const last = words[words.length - 1];
  const joined = words.join(' ');
  return isInitials(last) ? joined : joined.replace(/\.$/, '');
}
