/**
 * One free-text reference (a bibliography entry or the citation part of a footnote, in Indonesian,
 * English or another European language) → its fields: authors, year, title, container, volume,
 * issue, pages, the pinpoint cited, publisher, place, DOI, URL and access date. Rule-based (see
 * README.md for why): identifiers first (DOI, URL, access date are cut out), then the author list
 * that opens the string, the year, a quoted or sentence-delimited title, and the container with its
 * volume/issue/pages block. Every field absent from the string is null; the function never throws.
 * All patterns are linear-time: one quantifier per run, no nested quantifiers.
 */
import { alternation, loadCitationVocabulary } from './citation-vocabulary.js';
import { findDois } from './normalize-doi.js';
import { cleanFieldValue as clean } from './clean-field-value.js';
import { formatAuthor, scanAuthors, type AuthorName, type AuthorScan } from './parse-authors.js';

export interface ParsedReference {
  readonly raw: string;
  /** "Family, Given" strings, in order. */
  readonly authors: readonly string[];
  readonly authorNames: readonly AuthorName[];
  readonly year: string | null;
  readonly title: string | null;
  readonly container: string | null;
  readonly volume: string | null;
  readonly issue: string | null;
  readonly pages: string | null;
  /** The page(s) the note points at ("p. 16", "hlm 27"), when the reference cites a place in the work. */
  readonly pinpoint: string | null;
  readonly publisher: string | null;
  readonly place: string | null;
  /** Bare, lower-case "10.x/…". */
  readonly doi: string | null;
  readonly url: string | null;
  readonly accessed: string | null;
}

const v = loadCitationVocabulary();
/** The words as listed and capitalised ("in", "In"), for patterns that must tell capitals apart (no i flag). */
function withCapitals(words: readonly string[]): string[] {
  return words.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]);
}
const PAGE_WORDS = alternation(v.pageWords.filter((w) => w.toLowerCase() !== 'at'));
const VOLUME_WORDS = alternation(v.volumeWords);
const ISSUE_WORDS = alternation(v.issueWords);
const CONTAINER_WORDS = alternation(v.containerWords);
const EDITOR_WORDS = alternation(v.editorWords);
const ACCESSED_WORDS = alternation(v.accessedWords);
const MONTHS = alternation(v.months);
const PUBLISHER_WORDS = new RegExp(`(?:^|[\\s(])(?:${alternation(v.publisherWords)})(?=$|[\\s,.;:)])`, 'iu');
const GENRE = new RegExp(`^(?:${alternation(v.genreWords)})\\b`, 'iu');

const YEAR_RE = /(?<![\d\p{L}])(1[5-9]\d\d|20[0-4]\d)(?:[a-z](?![\p{L}]))?(?![\d])/gu;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const ACCESSED_RE = new RegExp(
  `[(\\[]?\\b(?:${ACCESSED_WORDS})\\b[:\\s]{0,3}((?:\\d{1,2}\\s)?(?:${MONTHS})?\\s?\\d{0,2},?\\s?\\d{4}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4})[)\\]]?`,
  'iu',
);
const AVAILABLE_RE = /\b(?:available(?: online)? (?:at|from)|tersedia (?:di|pada)|retrieved from|diunduh dari|online|URL)\s?:?\s?$/i;
const LEADING_NUMBER = /^\s{0,3}(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)](?=\s))\s*/;
const PAGE_LOCATOR = new RegExp(`(?<![\\p{L}])(?:${PAGE_WORDS})\\s?([A-Za-z]?\\d+(?:\\s?[-–—]{1,2}\\s?[A-Za-z]?\\d+)?(?:\\s?(?:ff|f)\\.)?)`, 'iu');
/** "Vol. 31", "vol 8B", "Vol. III" (a Roman numeral only in capitals, so "vol. i" of a sentence is none). */
const VOLUME_RE = new RegExp(`(?<![\\p{L}])(?:${VOLUME_WORDS})\\s?(\\d+[A-Za-z]?)`, 'iu');
const ROMAN_VOLUME_RE = new RegExp(`(?<![\\p{L}])(?:${alternation(withCapitals(v.volumeWords))})\\s?([IVXLC]{1,7})(?![\\p{L}\\d])`, 'u');
const ISSUE_RE = new RegExp(`(?<![\\p{L}])(?:${ISSUE_WORDS})\\s?(\\d+(?:[-–/]\\d+)?)`, 'iu');
const VOL_PAREN_ISSUE = /(?<![\d\p{L}])(\d{1,5})\s?\((\d{1,4}(?:[-–/]\d{1,4})?|[A-Za-z]{3,9}\.?(?:\s\d{4})?)\)/u;
const SEASONS = alternation(v.seasons);
/** What may stand before the year inside a date bracket: "Jan. 26, ", "26 Januari ". */
const BRACKET_IMPRINT = /^\p{Lu}[^():]{0,40}:\s[^():]{1,60},\s?$/u;
const BRACKET_DATE = new RegExp(`^(?:\\d{1,2}\\s)?(?:${MONTHS})\\s?(?:\\d{1,2},?\\s)?$`, 'iu');
/** "Industrial Management Review, Fall", "Objectif Soins, juin": the issue's date, not the container's name. */
const TRAILING_DATE_WORD = new RegExp(`,\\s?(?:\\d{1,2}\\s)?(?:${MONTHS}|${SEASONS})[\\s.,]*$`, 'iu');
/** The year after the authors, with the month or season an issue date may add: "(2013, March)", "(December 1998)", ". 1996.". */
const LEADING_YEAR = new RegExp(`^[\\s(.,[]{0,3}(?:(?:${MONTHS})\\s(?:\\d{1,2},?\\s)?)?((?:1[5-9]\\d\\d|20[0-4]\\d))[a-z]?(?:,\\s?(?:${MONTHS}|${SEASONS})(?:\\s\\d{1,2})?)?[\\s)\\].,:;]{0,4}`, 'iu');
const PLACE_YEAR = /^\s?\p{Lu}[\p{L}'-]{1,25}(?:[\s-]\p{Lu}[\p{L}'-]{1,25}){0,2}(?:\s(?:and|und|&|et|-)\s\p{Lu}[\p{L}'-]{1,25}(?:\s\p{Lu}[\p{L}'-]{1,25})?)?,?\s(?:1[5-9]\d\d|20[0-4]\d)(?!\d)/u;
const TRANSLATOR = new RegExp(`^\\s?(?:trans|transl|tr|ed|eds|${EDITOR_WORDS})\\.?\\s`, 'iu');
const CASE_NAME = /\s(?:v|vs)\.?\s/;
const SERIES_WORDS = alternation(v.authorConjunctions.filter((w) => /^\p{L}+$/u.test(w)));
/** ", and the Reach", ", dan Migrasi": the last item of a serial list. */
const SERIES_END = new RegExp(`^\\s(?:${SERIES_WORDS})\\s\\p{L}`, 'u');
/** ", Borders, and the", ", Pasar, dan Migrasi": one or two capitalised words, then ", and" and a word. */
const SERIES_ITEM = new RegExp(`^\\s\\p{Lu}[\\p{L}'’-]{0,20}(?:\\s\\p{Lu}[\\p{L}'’-]{0,20})?,\\s(?:${SERIES_WORDS})\\s\\p{L}`, 'u');
/** " (Surabaya: Pustaka Telaah, 2016)": a book's imprint in brackets, which ends the title before it. */
const IMPRINT_PAREN = /\s\(\p{Lu}[^():]{1,40}:\s/u;
/** A law report's abbreviation, word by word: "F", "Supp.", "2d", "(1st)", and a series glued to it ("F.3d", "F.4th", "So.2d"). */
const REPORTER_TOKEN = /^(?:\p{Lu}[\p{L}.&']{0,12}|\p{Lu}[\p{L}.]{0,6}\d(?:d|th|st|nd|rd)|\d(?:d|th|st|nd|rd)|\(\d?\p{L}{1,4}\))$/u;
const NUMBER_TOKEN = /[A-Za-z]?\d+(?:\s?[-–—]{1,2}\s?[A-Za-z]?\d+)?(?:\.\d+)?/g;
/** Each opening quote mark and the marks that may close it. */
const CLOSING_QUOTES: Readonly<Record<string, string>> = { '“': '”"“', '"': '"”', '‘': '’\'', "'": "'’", '«': '»', '„': '“”"' };
const IN_CONTAINER = new RegExp(`^[\\s,.;]{0,3}(?:${CONTAINER_WORDS})\\b:?\\s`, 'iu');
/**
 * Editors opening an "In" container: "G. Wyatt & P. Sanders (Eds.), ", "Giles, C. L., Hanson, S. J.,
 * and Cowan, J. D., editors, " (the names captured, to be checked as names: "New Trends in
 * Macroeconomics, Diebolt, C., (eds.)" opens with the container), and "edited by J. Smith, ". The
 * name list may hold commas; it stops at the first bracket or colon, so each pattern scans a bounded
 * stretch once.
 */
const EDITOR_NAMES_AT_START = [
  new RegExp(`^([^:()]{1,200}?)\\s?\\((?:${EDITOR_WORDS})\\)[,:]?\\s`, 'iu'),
  new RegExp(`^([^:()]{1,200}?),\\s(?:${EDITOR_WORDS})[,:]\\s`, 'iu'),
];
const EDITED_BY_AT_START = new RegExp(`^(?:${EDITOR_WORDS})\\s(?:by\\s)?[^,:]{1,80}?[,:]\\s`, 'iu');
/** "What Is an Animal? Tim Ingold, ed.": an editor named after the container's title. */
const TRAILING_EDITOR = new RegExp(`(?<=[.?!,])\\s\\p{Lu}[\\p{L}.'’-]{0,20}(?:\\s\\p{Lu}[\\p{L}.'’-]{0,20}){0,3},?\\s\\(?(?:${alternation(withCapitals(v.editorWords))})\\)?[\\s.,]*$`, 'u');
/** ". In American Antislavery Writings", "? In Giles, …": a container marker after the title ran on past its end. */
const IN_AFTER_SENTENCE = new RegExp(`[.?!”"’]\\s(?:${alternation(withCapitals(v.containerWords))}):?\\s(?=\\p{Lu})`, 'u');
const YEAR_SPAN = /(?<![\d\p{L}])(?:1[5-9]\d\d|20[0-4]\d)\s?[-–]\s?(?:1[5-9]\d\d|20[0-4]\d)(?!\d)/gu;
/** A word of an edition statement ("2nd ed.", "3. Aufl.", "cetakan ke-2"). */
const EDITION = new RegExp(`(?<![\\p{L}])(?:${alternation(v.editionWords)})(?![\\p{L}])`, 'iu');
/** A word only journals are named with ("Journal", "Review", "Jurnal"). */
const JOURNAL_WORD = new RegExp(`(?<![\\p{L}])(?:${alternation(v.journalWords)})(?![\\p{L}])`, 'iu');
const PLACE_THEN_YEAR = /,\s\p{Lu}[\p{L}'-]{1,25}(?:[\s-]\p{Lu}[\p{L}'-]{1,25}){0,2},?\s(?:1[5-9]\d\d|20[0-4]\d)(?!\d)/u;
const NAME_PARTICLES = new Set(v.nameParticles.map((w) => w.toLowerCase()));
const PIN_AND_DATE = /\s(\d{1,5}(?:\s?[-–]\s?\d{1,5})?)\s?\((?:1[5-9]\d\d|20[0-4]\d)[a-z]?\)[\s.,]*$/u;
const SEASON_OR_MONTH = new RegExp(`(?<![\\p{L}])(?:${MONTHS}|${SEASONS})(?![\\p{L}])`, 'iu');
/** A volume straight after a name, then a bracket and pages: "88 (2011) 1681", "388 (6) 539" (not a book's "3 (2016)", pin and year). */
const JOURNAL_NUMBERS = /^\s?\d{1,5}\s?\(\d{1,4}\)[\s,:]{0,3}\d/;
/** A title that is only a chapter's number: "Chapter 29.", "Bab 3." */
const CHAPTER_ONLY = new RegExp(`^\\s?(?:${alternation(v.chapterWords)})\\s?(?:\\d{1,3}|[IVXLC]{1,6})[.:]?\\s?$`, 'iu');
/** "(n.d.)", "(t.t.)", "(s.d.)", "(o.J.)": no date. */
const NO_DATE = /^\s?\((?:n\.\s?d\.|t\.\s?t\.|s\.\s?d\.|o\.\s?J\.)\)[.,]?\s?/i;
/** A capitalised word naming a body ("Department", "Kementerian"): a first sentence holding one may be a corporate author. */
const CORPORATE = new RegExp(`(?<![\\p{L}])(?:${alternation(withCapitals(v.corporateWords))})(?![\\p{L}])`, 'u');
const AUTHOR_REMARK = new RegExp(
  `^\\s?(?:\\((?:\\p{Lu}[\\p{L}'’-]{0,20}|${alternation(withCapitals(v.editorWords))})\\)[.,:]?\\s|[“"]\\p{Lu}[\\p{L}'’-]{0,20}[”"][.,]?\\s(?=[“"‘]))`,
  'u',
);
/** "(1995, March). ": a date bracket opening the tail (title-first styles put it after the title). */
const LEADING_DATE_BRACKET = /^\((?:1[5-9]\d\d|20[0-4]\d)[a-z]?(?:,\s?[^()]{1,20})?\)[.,]?\s?/u;
const EDITORS_ANYWHERE = new RegExp(`,?\\s?\\(?(?<![\\p{L}])(?:${EDITOR_WORDS})(?![\\p{L}])\\)?\\s?(?:by\\s)?[^,;:()]{0,80}?(?=,|;|$|\\))`, 'iu');
const PLACE_PUBLISHER = /(?:^|[.,]\s|\()(\p{Lu}[\p{L} .'-]{1,40}?(?:,\s\p{Lu}[\p{L}.]{1,12})?)\s?:\s?(\p{Lu}[^,:;()]{1,80}?)(?=,|\.\s|\.?$|;|\s\(?\d{4})/u;

/** Parses one reference string by the rules alone. */
export function parseReferenceByRules(raw: string): ParsedReference {
  const fields = {
    doi: null as string | null,
    url: null as string | null,
    accessed: null as string | null,
  };
  let work = ` ${tidy(raw)} `;

  // Identifiers first: they contain dots, slashes and digits that would confuse every later rule.
  const dois = findDois(work);
  if (dois.length) {
    fields.doi = dois[0].doi;
    for (const d of [...dois].reverse()) work = `${work.slice(0, d.span.start)} ${work.slice(d.span.end)}`;
  }
  const accessed = ACCESSED_RE.exec(work);
  if (accessed) {
    fields.accessed = accessed[1].trim();
    work = `${work.slice(0, accessed.index)} ${work.slice(accessed.index + accessed[0].length)}`;
  }
  URL_RE.lastIndex = 0;
  const url = URL_RE.exec(work);
  if (url) {
    fields.url = url[0].replace(/[.,;:)\]]+$/, '');
    work = `${work.slice(0, url.index).replace(AVAILABLE_RE, '')} ${work.slice(url.index + url[0].length)}`;
  }
  work = work.replace(/\bdoi\s?:?\s?$/i, '').trim().replace(LEADING_NUMBER, '');

  // The author list, then the year written right after it (author–year styles).
  // "———." / "______." repeats the previous entry's authors (we cannot know them here).
  const repeated = /^[—–_-]{2,}[.,]?\s*/.exec(work);
  let scan: AuthorScan = repeated ? { authors: [], end: repeated[0].length } : (corporateAuthor(work) ?? scanAuthors(work));
  // "Applied Energy 88 (2011) 1681–1689": words running straight into a volume and its bracket are a
  // journal with no author and no title, not a name.
  const journalFirst = !repeated && scan.authors.length > 0 && !/[,;.]/.test(work.slice(0, scan.end).trim()) && JOURNAL_NUMBERS.test(work.slice(scan.end));
  if (journalFirst) scan = { authors: [], end: 0 };
  let rest = work.slice(scan.end);
  // What an author list may carry after its last name: a nickname or role in brackets ("Esty,
  // Joshua (Jed).", "Bell, Skip (ed.),") or in quotation marks before a quoted title ("Brown, Henry “Box”. “Narrative…").
  if (scan.authors.length) rest = rest.replace(AUTHOR_REMARK, ' ');
  let year: string | null = null;
  const lead = LEADING_YEAR.exec(rest);
  if (lead && (scan.authors.length || repeated)) {
    year = lead[1];
    rest = rest.slice(lead[0].length);
  } else if (NO_DATE.test(rest)) {
    rest = rest.replace(/^\s?\([^)]{1,8}\)[.,]?\s?/, '');
  }

  // Title: quoted, else the first sentence.
  let title: string | null = null;
  let titlePin: string | null = null;
  const quoted = quotedTitle(rest);
  const reporter = quoted ? null : reporterCitation(rest);
  const beforeNumbers = /^[^\d]{1,60}?(?=[\s,.]\(?[A-Z]?\d)/.exec(rest)?.[0] ?? '';
  if (quoted) {
    title = quoted.title;
    rest = rest.slice(quoted.end);
  } else if (reporter && (reporter.index === 0 || CASE_NAME.test(rest.slice(0, reporter.index)))) {
    // A case name runs up to its law-report citation: "Ortega v. Lindell, S.A., 512 F. Supp. 2d 310".
    if (reporter.index > 0) title = rest.slice(0, reporter.index);
    rest = rest.slice(reporter.index);
  } else if (journalFirst || looksLikeJournalAbbreviation(beforeNumbers.replace(/[\s,.]+$/, '.'))) {
    // No title, only the journal: "Phys. Rev. D 61, 2043 (1999)" (physics and astronomy styles).
  } else {
    let endAt = sentenceEnd(rest);
    // Comma styles ("…, Title, J. Logic Programming, 5 207-229 (1988).") put the whole tail in one
    // "sentence"; there the title ends at the first top-level comma.
    // A law-report citation starting inside the sentence counts, though its page lies past the sentence's
    // "." ("…, 88 OCEAN L. REV. 401").
    if (hasNumberBlock(rest.slice(0, endAt)) || (reporter && reporter.index < endAt)) endAt = Math.min(endAt, firstComma(rest));
    endAt = commaBeforeTitleEnd(rest, endAt);
    const imprint = IMPRINT_PAREN.exec(rest.slice(0, endAt));
    if (imprint && imprint.index > 0) endAt = imprint.index;
    const candidate = rest.slice(0, endAt);
    // A lone abbreviation ("Commun.") before numbers is a journal, not a title.
    // So is a chain of them ("Commun. Math. Phys. 9, 161", "ApJ, 447, 616") right before the numbers.
    const abbreviation = /^\s?\p{Lu}\p{L}{0,8}\.$/u.test(candidate) || (looksLikeJournalAbbreviation(candidate) && /^[\s,.:;]{0,3}\(?[A-Z]?\d/.test(rest.slice(endAt)));
    if (/\p{L}{2}/u.test(candidate) && !abbreviation && !/^\s?(?:[A-Za-z]?\d|\()/.test(candidate)) {
      title = candidate;
      rest = rest.slice(endAt);
      // "Fourier integral operators. I.": a numbered part continues the title.
      const part = /^\s?[IVX]{1,4}\.(?=\s)/.exec(rest);
      if (part) {
        title += part[0];
        rest = rest.slice(part[0].length);
      }
      // "Chapter 29. Intergenerational mobility …": a chapter's number goes on with its name.
      if (CHAPTER_ONLY.test(title)) {
        const next = sentenceEnd(rest);
        if (next < rest.length && /\p{L}{3}/u.test(rest.slice(0, next)) && !IN_CONTAINER.test(rest)) {
          title += rest.slice(0, next);
          rest = rest.slice(next);
        }
      }
      // "Analogy Watershed or Waterloo? Structural alignment … . In Giles, …": after a question the
      // title goes on with its subtitle when an "In" container follows that sentence.
      if (/[?!]\s?$/.test(title)) {
        const next = sentenceEnd(rest);
        if (next < rest.length && !hasNumberBlock(rest.slice(0, next)) && IN_CONTAINER.test(rest.slice(next)) && /\p{L}{3}/u.test(rest.slice(0, next))) {
          title += rest.slice(0, next);
          rest = rest.slice(next);
        }
      }
      // "… inequality 56 (9) 4668-4673": a volume block closing a title with no container is no part of it.
      title = title.replace(/\s\d{1,5}\s?\(\d{1,4}\)\s?\d{1,6}(?:\s?[-–]\s?\d{1,6})?[\s.,]*$/u, '');
      // "THE SHAPING OF MODERN IMMIGRATION LAW 4 (1995)" (a book cited at a page, Bluebook): the page
      // is the pinpoint, the bracket the date; neither is part of the title.
      const pinned = PIN_AND_DATE.exec(title);
      if (pinned && pinned.index > 0 && !isYear(pinned[1])) {
        titlePin = pinned[1].replace(/\s/g, '');
        title = title.slice(0, pinned.index);
      }
      // "Endangered Species Research (2008)": the date bracket closing the title is no part of it.
      title = title.replace(/\s?\((?:1[5-9]\d\d|20[0-4]\d)[a-z]?\)[\s.,]*$/u, '');
      // "(2nd edition ed.)", "(3. Aufl.)": the edition is no part of the title.
      const bracket = /\s?\(([^()]{1,40})\)[\s.,]*$/.exec(title);
      if (bracket && EDITION.test(bracket[1]) && bracket.index > 0) title = title.slice(0, bracket.index);
    }
  }

  const tail = parseTail(rest, year);
  if (titlePin && !tail.pages) {
    tail.pages = titlePin;
    if (!/[-–]/.test(titlePin)) tail.pinpoint = titlePin;
  }
  if (!year) year = pickYear(rest) ?? pickYear(work.slice(scan.end));
  return {
    raw,
    authors: scan.authors.map(formatAuthor),
    authorNames: scan.authors,
    year,
    title: clean(title),
    ...tail,
    ...fields,
  };
}

interface Tail {
  container: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  pinpoint: string | null;
  publisher: string | null;
  place: string | null;
}

/** What follows the title: container, volume/issue/pages, place and publisher. */
function parseTail(rest: string, knownYear: string | null): Tail {
  const tail: Tail = { container: null, volume: null, issue: null, pages: null, pinpoint: null, publisher: null, place: null };
  let s = rest.replace(/^[\s.,;:]+/, '').replace(LEADING_DATE_BRACKET, '');
  let hadIn = IN_CONTAINER.test(s);
  s = s.replace(IN_CONTAINER, '');
  if (!hadIn) {
    // The title ran on past its end ("Analogy Watershed or Waterloo? Structural alignment … In Giles, …"):
    // an "In" opening a sentence before any number still opens the container.
    const inside = IN_AFTER_SENTENCE.exec(s);
    if (inside && inside.index < 300 && !hasNumberBlock(s.slice(0, inside.index))) {
      s = s.slice(inside.index + inside[0].length);
      hadIn = true;
    }
  }
  if (hadIn) s = withoutEditorsAtStart(s);

  // Place: Publisher (books, Indonesian and English alike: "Jakarta: Kencana", "Cambridge, Mass.: Harvard University Press").
  // Right after "In" comes the container, never the imprint ("In Rogers' therapeutic conditions: Evolution, …").
  const pp = placePublisher(s, hadIn);
  // "The Electronic Library: The International Journal for …": a journal's name, not an imprint.
  if (pp && !/\d/.test(pp[1]) && !JOURNAL_WORD.test(pp[2])) {
    tail.place = pp[1].trim();
    tail.publisher = pp[2].trim();
  }

  // The page locator and the volume/issue block.
  const locator = PAGE_LOCATOR.exec(s);
  if (locator) {
    tail.pages = locator[1];
    if (!/[-–—]/.test(locator[1])) tail.pinpoint = locator[1];
  }
  let volParen = VOL_PAREN_ISSUE.exec(s);
  // "5, 205 (1967)", "5 207-229 (1988)": a number before a bracketed year that ends a number run is
  // the page, not a volume.
  if (volParen && isYear(volParen[2]) && /(?:\d[,;:]?\s?|[-–—]\s?)$/.test(s.slice(Math.max(0, volParen.index - 3), volParen.index))) volParen = null;
  // "1 Johnson 1 (1890)": the number before the bracketed year is a law report's first page.
  if (volParen && isYear(volParen[2])) {
    const cited = reporterCitation(s);
    if (cited && cited.index < volParen.index) volParen = null;
  }
  const volWord = VOLUME_RE.exec(s) ?? ROMAN_VOLUME_RE.exec(s);
  const issueWord = ISSUE_RE.exec(s);
  let blockStart = s.length;
  if (volParen) {
    tail.volume = volParen[1];
    if (!/^(?:1[5-9]\d\d|20[0-4]\d)$/.test(volParen[2]) && /^\d/.test(volParen[2])) tail.issue = volParen[2];
    blockStart = Math.min(blockStart, volParen.index);
    const after = s.slice(volParen.index + volParen[0].length);
    const pagesAfter = /^\s?[:,]?\s?(?:pp?\.\s?)?([A-Za-z]?\d+(?:\s?[-–—]{1,2}\s?[A-Za-z]?\d+)?)/.exec(after);
    if (pagesAfter && !tail.pages && !isYear(pagesAfter[1])) tail.pages = pagesAfter[1];
  }
  if (volWord) {
    tail.volume ??= volWord[1];
    blockStart = Math.min(blockStart, volWord.index);
  }
  if (issueWord) {
    tail.issue ??= issueWord[1];
    blockStart = Math.min(blockStart, issueWord.index);
  }
  if (locator) blockStart = Math.min(blockStart, locator.index);
  const reporter = !volParen && !volWord ? reporterCitation(s) : null;
  if (reporter) {
    // "427 F Supp 2d 1084", "1 U.S. 1", "2015 WL 2375225": volume, reporter, first page.
    tail.volume = reporter.volume;
    tail.pages ??= reporter.page;
    tail.container = reporter.reporter;
    return tail;
  }
  if (!volParen && !volWord) {
    // Bare numbers after the container: "China Brief, 9, 17, 7-9", "Surv Ophthalmol 1985; 29:387-409", "J. Instrum. 9 (2013) C04035".
    const numbers = numberRun(s);
    if (numbers) {
      blockStart = Math.min(blockStart, numbers.index);
      // A year-like number is the date only when no other date was read ("IJMPD, 13, 1549" after "2004").
      const parts = numbers.values.filter((n) => !isYear(n) || (knownYear != null && !n.startsWith(knownYear)));
      const ranges = parts.filter((n) => /[-–—]/.test(n));
      const singles = parts.filter((n) => !/[-–—]/.test(n));
      if (ranges.length && !tail.pages) tail.pages = ranges[0];
      if (singles.length) {
        tail.volume ??= singles[0];
        if (!ranges.length && singles.length >= 2 && !tail.pages) tail.pages = singles[singles.length - 1];
        if (singles.length >= 3 || (ranges.length && singles.length >= 2)) tail.issue ??= singles[1];
      }
    }
  }

  // The container is what precedes the numbers, unless it is a place/publisher imprint.
  let container = s.slice(0, blockStart);
  // "In …, Oral Literature and the Formula, Ann Arbor 1976, pp. 31-54": a "Place Year" imprint ends the container.
  const placeYear = hadIn ? PLACE_THEN_YEAR.exec(s) : null;
  if (placeYear && placeYear.index < container.length) container = container.slice(0, placeYear.index);
  if (pp && pp.index <= container.length && tail.place != null) container = container.slice(0, pp.index);
  // A DOI's leftovers ("Genome Res doi: gr.") and text after a cut-out identifier (", . PDF") are no part of the name.
  container = container.replace(/(?:\sdoi\b|,\s{1,3}\.\s).*$/isu, '');
  if (hadIn) container = container.replace(TRAILING_EDITOR, '');
  container = container.replace(EDITORS_ANYWHERE, '');
  const firstSentence = container.slice(0, sentenceEnd(container, true));
  if (!hadIn && firstSentence.length < container.trim().length && looksLikeImprint(container.slice(firstSentence.length))) container = firstSentence;
  if (hadIn) container = container.split(/,\s(?=\p{Lu}[\p{L}]+(?:,|\s\d|:|\s*$))/u)[0];
  // An unclosed parenthesis starts an editor or imprint note: "(R. Chellappa, ed.", "(Cambridge University Press".
  const open = container.lastIndexOf('(');
  if (open > 0 && container.indexOf(')', open) < 0) container = container.slice(0, open);
  // A trailing year is the date, and so is a bracketed imprint ending in one ("(Cambridge University
  // Press, 2004)"), but not a year closing a bracket that names something else ("(ION GNSS 2008)").
  container = container.replace(/\s?\([^()]{1,80},\s?(?:1[5-9]\d\d|20[0-4]\d)[a-z]?\)[.,;:\s]*$/u, '');
  container = container.replace(/(?:\((?:1[5-9]\d\d|20[0-4]\d)[a-z]?\)|(?<![(\p{L}\d])(?:1[5-9]\d\d|20[0-4]\d)[a-z]?)[.,;:\s]*$/u, '').replace(TRAILING_DATE_WORD, '');
  const c = clean(container);
  if (c && !GENRE.test(c) && !(PUBLISHER_WORDS.test(c) && !hadIn && !volParen && !volWord && !tail.volume)) tail.container = c;
  else if (c && PUBLISHER_WORDS.test(c) && !tail.publisher) tail.publisher = c.replace(/,\s?\p{Lu}[\p{L}]+$/u, '');
  return tail;
}

/**
 * Whether a stretch is only names, however ordered ("Lima E.F., Soto, G."): pieces between commas and
 * "and"s of one to four words, each capitalised, an initial or a name particle. "New Trends in
 * Macroeconomics" is not ("in").
 */
function looksLikeNames(s: string): boolean {
  const pieces = s.split(/,\s?|\s(?:and|&|und|dan|et|–)\s/u).map((p) => p.trim()).filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => {
    const words = p.split(/\s+/);
    return words.length <= 4 && words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.)+)$/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
  });
}

/**
 * A body as author ("U.S. Department of the Interior, National Park Service. (1998).", "Badan
 * Pengawas Obat dan Makanan. 2014."): a first sentence naming a body (a word of `corporateWords`)
 * followed by the year or "(n.d.)". Null otherwise, and the name scan decides.
 */
function corporateAuthor(work: string): AuthorScan | null {
  const end = sentenceEnd(work.slice(0, 200));
  const first = work.slice(0, end);
  // A body's name has no quotation, bracket or number ("Artificial Intelligence in Agency Adjudication, 89 U. CHI. L. REV." is a title).
  if (end >= work.length || !CORPORATE.test(first) || /[“"(\d]/.test(first)) return null;
  const after = work.slice(end);
  if (!LEADING_YEAR.test(after) && !NO_DATE.test(after)) return null;
  const name = clean(first);
  return name ? { authors: [{ family: name, given: null }], end } : null;
}

/** `s` without the editors that open it (see EDITOR_NAMES_AT_START), when what precedes the mark is all names. */
function withoutEditorsAtStart(s: string): string {
  for (const re of EDITOR_NAMES_AT_START) {
    const m = re.exec(s);
    if (!m) continue;
    const names = m[1].replace(/[\s,]+$/, '');
    const scan = scanAuthors(names.endsWith('.') ? `${names} ` : `${names}. `);
    if ((scan.authors.length && scan.end >= names.length) || looksLikeNames(names)) return s.slice(m[0].length);
  }
  return s.replace(EDITED_BY_AT_START, '');
}

/**
 * The first "Place: Publisher" imprint in `s`. Right after "In" comes the container, never the
 * imprint, so there a match at the very start ("In Rogers' therapeutic conditions: Evolution, …") is
 * passed over for the next one. The index is into `s`.
 */
function placePublisher(s: string, afterIn: boolean): RegExpExecArray | null {
  const first = PLACE_PUBLISHER.exec(s);
  if (!first || !(afterIn && first.index === 0)) return first;
  const from = first.index + first[1].length;
  const next = PLACE_PUBLISHER.exec(s.slice(from));
  if (next) next.index += from;
  return next;
}

/** Offset just after the first sentence: a "." "?" "!" followed by space and not ending an initial or abbreviation. */
function sentenceEnd(s: string, allowComma = false): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && (ch === '.' || ch === '?' || ch === '!') && (i + 1 >= s.length || /\s/.test(s[i + 1]))) {
      if (ch === '.' && endsAbbreviation(s, i)) continue;
      return i + 1;
    } else if (depth === 0 && !allowComma && (ch === ',' || ch === ':') && /^[,:]\s(?:in|In|dalam|Dalam)\s\p{Lu}/u.test(s.slice(i, i + 10))) return i + 1;
  }
  return s.length;
}

/** Whether the "." at i ends a single-letter initial ("J.") or a common short abbreviation ("Vol.", "Mass."). */
function endsAbbreviation(s: string, i: number): boolean {
  let j = i;
  while (j > 0 && /\p{L}/u.test(s[j - 1])) j--;
  const word = s.slice(j, i);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  // Journal abbreviation chains ("Phys. Rev. D", "Commun. Math. Phys."): a short capitalised word
  // followed by another abbreviation or a single capital.
  if (word.length <= 7 && /^\p{Lu}/u.test(word) && /^\s(?:\p{Lu}\p{L}{0,7}\.|\p{Lu}(?:\s|$))/u.test(s.slice(i + 1, i + 11))) return true;
  return /^(?:vs|v|eds?|no|vol|pp|cf|St|Dr|Mr|Mrs|Jr|Sr|Inc|Co|Ltd|et|al)$/i.test(word);
}

/**
 * A title in quotation marks at the start of `s`: the opening mark is paired with its own closing
 * mark, so a quote nested inside ("“‘Ecology’ and…”") and apostrophes ("l’Odyssée", a closing
 * mark followed by a letter) do not end it. A quoted word that the title goes on after ("“Like” and
 * language ideology") is not a quoted title. Scans once; null when there is none.
 */
function quotedTitle(s: string): { title: string; end: number } | null {
  let i = 0;
  while (i < s.length && i < 3 && /\s/.test(s[i])) i++;
  const open = s[i];
  const closers = CLOSING_QUOTES[open];
  if (!closers) return null;
  let start = i + 1;
  while (start < s.length && s[start] === open) start++; // "““The…”" (a doubled mark)
  for (let j = start; j < s.length && j < start + 500; j++) {
    // A closing single mark followed by a letter is an apostrophe ("l’Odyssée"); a double one ends the title (',"Phys. Rev.').
    if (!closers.includes(s[j]) || ((s[j] === '’' || s[j] === "'") && /\p{L}/u.test(s[j + 1] ?? ''))) continue;
    if (j - start < 2) return null;
    const after = s.slice(j + 1, j + 4);
    if (/^\s\p{Ll}/u.test(after) && !/^\s(?:in|dalam|im|dans)\b/.test(s.slice(j + 1, j + 9))) return null;
    let end = j + 1;
    while (end < s.length && /[,.]/.test(s[end])) end++;
    return { title: s.slice(start, j), end };
  }
  return null;
}

/** "Phys. Rev. D", "Commun. Math. Phys.", "J Mol Biol", "ApJ", "IJMPD": capitalised abbreviations and acronyms only. */
function looksLikeJournalAbbreviation(s: string): boolean {
  const words = s.trim().split(/[\s.]+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  const abbreviated = /\p{Lu}\p{L}{0,8}\.|\b\p{Lu}{2,}\b|\b\p{Lu}\p{Ll}*\p{Lu}/u.test(s);
  return abbreviated && words.every((w) => /^(?:\p{Lu}[\p{L}&]{0,10}|of|and|&|de|der|für)$/u.test(w)) && s.trim().length <= 40;
}

function looksLikeImprint(s: string): boolean {
  return PUBLISHER_WORDS.test(s) || /:\s/.test(s);
}

/** The first run of numbers (volume, issue, pages) in `s`, with where it starts. */
function numberRun(s: string): { index: number; values: string[] } | null {
  NUMBER_TOKEN.lastIndex = 0;
  const values: string[] = [];
  let index = -1;
  let lastEnd = -1;
  for (let m = NUMBER_TOKEN.exec(s); m; m = NUMBER_TOKEN.exec(s)) {
    const token = m[0];
    const before = s[m.index - 1] ?? ' ';
    // A number glued to letters is part of a name ("COVID-19", "H2O"), not the volume block.
    // Nor is an ordinal ("14th Symposium", "2nd ed.").
    // So is a year shortened after an apostrophe ("SuperComputing '95").
    if (/[\p{L}'’]/u.test(before) || /^(?:st|nd|rd|th|d)\b/.test(s.slice(m.index + token.length, m.index + token.length + 3))) continue;
    // Nor a year closing a bracket that names something ("(ION GNSS 2008)").
    if (s[m.index + token.length] === ')' && isYear(token) && namedBracketBefore(s, m.index)) continue;
    if (lastEnd >= 0 && /\p{L}{3}/u.test(s.slice(lastEnd, m.index))) break;
    if (index < 0) index = m.index;
    values.push(token.replace(/\s/g, ''));
    lastEnd = m.index + token.length;
    if (values.length >= 4) break;
  }
  return index < 0 ? null : { index, values };
}

/** Whether the bracket open at `at` began with words: "(NAVSURV " before "2012)". Looks back 40 characters. */
function namedBracketBefore(s: string, at: number): boolean {
  const from = Math.max(0, at - 40);
  const window = s.slice(from, at);
  const open = window.lastIndexOf('(');
  if (open < 0 || window.indexOf(')', open) >= 0) return false;
  const inner = window.slice(open + 1);
  // A name's bracket follows a word and holds words only: not a date ("(Dec. 2004)", "(Spring 2005)"),
  // an imprint ("(Princeton: … Press, 2004)") or a court ("(9th Cir. 2020)" opening the stretch).
  return /\p{L}{2}/u.test(inner) && !/[,:;.]/.test(inner) && !SEASON_OR_MONTH.test(inner) && /\p{L}\s$/u.test(s.slice(Math.max(0, from + open - 2), from + open));
}

/**
 * A law-report citation in `s`: volume, reporter abbreviation (one to five capitalised tokens,
 * ordinals like "2d", a court like "(1st)"), first page: "427 F Supp 2d 1084", "31 Ohio C. C. 270".
 * Reads whitespace tokens once; null when there is none.
 */
function reporterCitation(s: string): { index: number; volume: string; reporter: string; page: string } | null {
  const tokens = [...s.matchAll(/\S+/g)].slice(0, 80);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!/^\d{1,4}$/.test(tokens[i][0]) || /[\p{L}\d]$/u.test(s.slice(Math.max(0, tokens[i].index - 2), tokens[i].index).trim())) continue;
    let k = i + 1;
    while (k < tokens.length && k <= i + 5 && REPORTER_TOKEN.test(tokens[k][0]) && /\p{L}/u.test(tokens[k][0])) k++;
    if (k === i + 1 || k >= tokens.length) continue;
    const page = /^(\d{1,7}(?:-[A-Z])?)[.,;]?$/.exec(tokens[k][0]);
    if (!page) continue;
    const reporter = tokens.slice(i + 1, k).map((t) => t[0]).join(' ');
    if (!/\p{Lu}/u.test(reporter)) continue;
    return { index: tokens[i].index, volume: tokens[i][0], reporter, page: page[1] };
  }
  return null;
}

/** Whether a stretch holds a volume/pages/year block: "5 207-229", "73, 15 (2006)", "14(2009)". */
function hasNumberBlock(text: string): boolean {
  // A span of years ("Santana de Parnaíba, 1580–1822", "Periode 1900-2007") names a period, not pages.
  const s = text.replace(YEAR_SPAN, 'Y');
  return reporterCitation(s) != null || /(?<![\p{L}\d-])\d{1,5}(?:\s?[(,:;]\s?\d|\s\d|\s?[-–]\s?\d)|\((?:1[5-9]\d\d|20[0-4]\d)\)|,\s(?:1[5-9]\d\d|20[0-4]\d)\b/u.test(s);
}

/**
 * In comma styles the title ends at a top-level comma followed by what only follows titles: a
 * "Place Year" imprint ("…, München 1972", "…, Berlin and New York 1990"), an abbreviated journal
 * and its numbers ("…, Phys. Rev. D 91"), or a translator or editor ("…, trans. John Cumming").
 * Looks at commas before `limit` (the sentence's end); returns the offset of that comma, or `limit`.
 */
function commaBeforeTitleEnd(s: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < limit; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0) {
      const after = s.slice(i + 1, i + 80);
      if (PLACE_YEAR.test(after) || TRANSLATOR.test(after)) return i;
      const journal = /^\s?[^\d]{1,40}?(?=\s?\(?[A-Z]?\d)/.exec(after);
      if (journal && looksLikeJournalAbbreviation(journal[0].replace(/[\s,.]+$/, '.'))) return i;
    }
  }
  return limit;
}

/** Offset just after the first comma outside brackets, or the string's length. */
function firstComma(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && !continuesSeries(s, i)) return i + 1;
  }
  return s.length;
}

/**
 * Whether the comma at i is inside a serial list of a title ("Boats, Borders, and the Reach …",
 * "Negara, Pasar, dan Migrasi …"): the next item is followed by ", and"/", dan", or the comma itself
 * opens ", and …". The words are the author conjunctions; looks at a bounded stretch only.
 */
function continuesSeries(s: string, i: number): boolean {
  const after = s.slice(i + 1, i + 60);
  return SERIES_END.test(after) || SERIES_ITEM.test(after);
}

function pickYear(s: string): string | null {
  YEAR_RE.lastIndex = 0;
  let last: string | null = null;
  for (let m = YEAR_RE.exec(s); m; m = YEAR_RE.exec(s)) {
    const before = s.slice(Math.max(0, m.index - 1), m.index);
    // A year that opens or closes a bracket is the work's date: "(2007)", "(Jan. 26, 2007)", not
    // "the 1951 Convention" in its title.
    if (before === '(' || (s[m.index + m[0].length] === ')' && closesDate(s, m.index))) return m[1];
    if (!/[-–:]/.test(s[m.index + m[0].length] ?? '') && !/[-–:]/.test(before)) last ??= m[1];
  }
  return last;
}

/**
 * Whether the bracket the year at `at` closes holds only a date ("(Jan. 26, 2007)", "(26 Januari
 * 2007)") or a book's imprint ("(Florence: Olschki, 2003)"): then the year is the work's date.
 */
function closesDate(s: string, at: number): boolean {
  // Looks back 100 characters only, so a string of many brackets stays linear.
  const window = s.slice(Math.max(0, at - 100), at);
  const open = window.lastIndexOf('(');
  if (open < 0) return false;
  const inner = window.slice(open + 1);
  return BRACKET_DATE.test(inner) || BRACKET_IMPRINT.test(inner);
}

/** Whether `year` is written as the date closing a bracket in `raw` (see closesDate). */
export function yearClosesBracket(raw: string, year: string): boolean {
  for (let at = raw.indexOf(`${year})`); at >= 0; at = raw.indexOf(`${year})`, at + 1)) if (closesDate(raw, at)) return true;
  return false;
}

function isYear(s: string): boolean {
  return /^(?:1[5-9]\d\d|20[0-4]\d)[a-z]?$/.test(s);
}

/** Whitespace collapsed; spaces before punctuation removed ("M .Wagner ,Phys" → "M.Wagner, Phys"). */
function tidy(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/ (?=\p{M})/gu, '') // a combining accent set apart by extraction ("Guill ́en")
    .replace(/ ([,;])/g, '$1')
    .replace(/([,;])(?=\p{L})/gu, '$1 ')
    .replace(/ \.(?=\p{L})/gu, '. ')
    .replace(/(?<=\p{L}) \.(?=\d)/gu, '. ')
    .replace(/(?<=\s|^)(\p{Lu}\.)(?=\p{Lu}\p{Ll})/gu, '$1 ')
    .replace(/\( (?=\d)/g, '(')
    .trim();
}
