/**
 * Writes a CorpusSource as a plain-text file in one of two styles and returns the text and its page
 * count (pages are separated by form feeds, as the pipeline's text extractor reads them):
 * - `extracted`: what pdftotext gives for a typeset page: lines wrapped at a fixed width (a few long
 *   words hyphenated at the line end), the running header or masthead at the top, footnote markers
 *   glued to the word ("pengungsi.12"), the page's notes under a blank line at its foot ("12 Ibid."),
 *   then the printed page number;
 * - `clean`: text saved from a word processor: one line per paragraph, markers glued, all notes at
 *   the end under a heading, a form feed where a page would end.
 * Inline markup is dropped. Deterministic: the same source and style give the same text.
 */
import type { Block, CorpusSource } from '../../scripts/corpus-source.js';
import type { TextStyle } from './plan-document.js';

export interface PlainText {
  readonly text: string;
  readonly pages: number;
}

interface Unit {
  readonly text: string;
  readonly notes: readonly number[];
  /** Starts a new page (a page break in the source). */
  readonly pageBreak?: boolean;
}

const WIDTH = 86;
const LINES_PER_PAGE = 50;
const CLEAN_CHARS_PER_PAGE = 3_400;
const HYPHENATE_FROM = 11;

const MARKER = /\[\^(\d+)\]/g;

function plain(markup: string): { text: string; notes: number[] } {
  const notes: number[] = [];
  const text = markup
    .replace(MARKER, (_, n: string) => {
      notes.push(Number(n));
      return n;
    })
    .replace(/\\\*/g, '\u0000')
    .replace(/\*/g, '')
    .replace(/\u0000/g, '*');
  return { text, notes };
}

function unitsOf(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  const add = (markup: string, prefix = '') => {
    const { text, notes } = plain(markup);
    units.push({ text: prefix + text, notes });
  };
  for (const b of blocks) {
    if ('title' in b) {
      add(b.title);
      if (b.authors) add(b.authors);
      if (b.affiliation) add(b.affiliation);
    } else if ('abstract' in b) add(b.abstract, `${b.label}: `);
    else if ('keywords' in b) add(b.keywords, `${b.label}: `);
    else if ('h' in b) add(b.h);
    else if ('h2' in b) add(b.h2);
    else if ('p' in b) add(b.p);
    else if ('center' in b) add(b.center);
    else if ('item' in b) add(b.item, `${b.label} `);
    else if ('pre' in b) add(b.pre);
    else if ('quote' in b) add(b.quote);
    else if ('ref' in b) add(b.ref);
    else if ('pagebreak' in b) units.push({ text: '', notes: [], pageBreak: true });
    else if ('columns' in b) units.push(...unitsOf([{ h: b.columns.title }, ...b.columns.blocks]));
  }
  return units;
}

/** Wraps at WIDTH; a long word that would leave the line loose is split with a hyphen, as typeset. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= WIDTH) line += ` ${word}`;
    else {
      const room = WIDTH - line.length - 2;
      // Hyphenate only letters-only words, at a place leaving at least 4 letters on each side.
      if (word.length >= HYPHENATE_FROM && room >= 4 && /^\p{L}+$/u.test(word)) {
        const cut = Math.min(room, word.length - 4);
        lines.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
      } else {
        lines.push(line);
        line = word;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

function headerLine(source: CorpusSource, printed: number): string | null {
  if (!source.header) return null;
  const row = printed % 2 === 0 ? source.header.even : source.header.odd;
  const parts = row.map((cell) => cell.replace('{page}', String(printed))).filter(Boolean);
  return parts.length ? parts.join('  ') : null;
}

function writeExtracted(source: CorpusSource, units: readonly Unit[]): PlainText {
  const pages: string[] = [];
  const { position, first } = source.pageNumbers;
  let body: string[] = [];
  let foot: string[] = [];
  const start = () => {
    const printed = first + pages.length;
    body = [];
    foot = [];
    if (position === 'top-dash') body.push(`- ${printed} -`, '');
    const header = pages.length === 0 && source.masthead.length ? source.masthead.join('\n') : headerLine(source, printed);
    if (header) body.push(...header.split('\n'), '');
  };
  const finish = () => {
    const lines = [...body];
    if (foot.length) lines.push('', ...foot);
    if (position === 'bottom') lines.push('', String(first + pages.length));
    pages.push(lines.join('\n'));
  };
  const used = () => body.length + (foot.length ? foot.length + 1 : 0);
  start();
  for (const unit of units) {
    if (unit.pageBreak) {
      finish();
      start();
      continue;
    }
    const lines = wrap(unit.text);
    const pending = [...unit.notes];
    for (const line of lines) {
      // The notes whose markers are on this line go to this page's foot, as a typesetter does.
      const here: number[] = [];
      for (const match of line.matchAll(/\d+/g)) {
        if (pending[0] === Number(match[0])) here.push(pending.shift()!);
      }
      const noteLines = here.flatMap((n) => wrap(`${n} ${plain(source.notes[String(n)] ?? '').text}`));
      if (used() + 1 + noteLines.length + (foot.length ? 0 : 1) > LINES_PER_PAGE && body.length > 4) {
        finish();
        start();
      }
      body.push(line);
      foot.push(...noteLines);
    }
    // A marker glued to digits ("2011" + "3") is not found on its line; its note still goes here.
    foot.push(...pending.flatMap((n) => wrap(`${n} ${plain(source.notes[String(n)] ?? '').text}`)));
    body.push('');
  }
  finish();
  return { text: pages.join('\f'), pages: pages.length };
}

function writeClean(source: CorpusSource, units: readonly Unit[], notesLabel: string): PlainText {
  const pages: string[] = [];
  let page: string[] = [];
  let chars = 0;
  const breakPage = () => {
    if (page.length) pages.push(page.join('\n'));
    page = [];
    chars = 0;
  };
  const push = (line: string, blankAfter: boolean) => {
    if (chars + line.length > CLEAN_CHARS_PER_PAGE) breakPage();
    page.push(line);
    if (blankAfter) page.push('');
    chars += line.length;
  };
  for (const unit of units) {
    if (unit.pageBreak) breakPage();
    else push(unit.text, true);
  }
  const numbers = Object.keys(source.notes).map(Number).sort((a, b) => a - b);
  if (numbers.length) {
    push(notesLabel, false);
    // One note a line without blank lines between them, as a word processor exports endnotes.
    for (const n of numbers) push(`${n} ${plain(source.notes[String(n)]).text}`, false);
  }
  breakPage();
  return { text: pages.join('\f') + '\n', pages: pages.length };
}

export function writePlainText(source: CorpusSource, style: TextStyle, notesLabel: string): PlainText {
  const units = unitsOf(source.blocks);
  return style === 'extracted' ? writeExtracted(source, units) : writeClean(source, units, notesLabel);
}
