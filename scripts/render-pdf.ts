/**
 * Renders one CorpusSource to PDF bytes the way a journal or a regulation is typeset: A4, Times
 * (standard 14 fonts, WinAnsi only — text is transliterated first), running header or masthead,
 * page numbers, 11 pt justified body wrapped by measured width, a few hyphenated line breaks,
 * footnote markers as raised small digits, footnotes at the foot of the page under a short rule
 * (a note that does not fit continues on the next page), and optional two-column sections under a
 * full-width title.
 *
 * Guarantee: the output depends only on the source and `options.date` — fixed metadata (producer,
 * creator, creation and modification dates), no object ids or timestamps from the clock — so
 * rendering the same source twice gives byte-identical files.
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, setWordSpacing, rgb } from 'pdf-lib';
import type { Block, CorpusSource } from './corpus-source.js';
import { toWinAnsi } from './to-win-ansi.js';

export interface RenderOptions {
  /** Written as both creation and modification date. */
  readonly date?: Date;
}

export const defaultRenderDate = new Date('2024-06-01T00:00:00Z');

type FontKey = 'R' | 'B' | 'I' | 'BI';

interface Piece {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly rise: number;
}

interface Word {
  readonly pieces: readonly Piece[];
  readonly width: number;
  readonly notes: readonly number[];
}

interface Run extends Piece {
  /** Offset from the row's left edge, justification included. */
  readonly x: number;
}

interface Row {
  readonly spaceBefore: number;
  readonly leading: number;
  /** Left edge relative to the column. */
  readonly x: number;
  readonly runs: readonly Run[];
  /** Extra width per space (PDF word spacing, Tw) for justified rows. */
  readonly wordSpacing: number;
  readonly notes: readonly number[];
  readonly keepWithNext: boolean;
}

type Item = { kind: 'row'; row: Row } | { kind: 'pagebreak' } | { kind: 'columns'; title: Row[]; rows: Row[] };

// Page geometry in points (A4).
const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = 72;
const bodyTop = pageHeight - margin;
const bodyBottom = margin;
const bodyWidth = pageWidth - 2 * margin;
const columnGap = 18;

const body = { size: 11, leading: 14.2 };
const note = { size: 8.5, leading: 10.2, ruleGap: 9 };
const supScale = 0.62;
const supRise = 0.38;

// Hyphenate only long words, and only when the line would otherwise be left this loose (points):
// real typesetting does it sparingly, and the pipeline must repair a few, not every line.
const hyphenMinWord = 10;
const hyphenMinGap = 38;
const maxWordSpacing = 9;

const fontNames: Record<FontKey, StandardFonts> = {
  R: StandardFonts.TimesRoman,
  B: StandardFonts.TimesRomanBold,
  I: StandardFonts.TimesRomanItalic,
  BI: StandardFonts.TimesRomanBoldItalic,
};

class Metrics {
  private readonly cache = new Map<FontKey, Map<string, number>>();
  constructor(readonly fonts: Record<FontKey, PDFFont>) {}

  width(text: string, font: FontKey, size: number): number {
    let table = this.cache.get(font);
    if (!table) this.cache.set(font, (table = new Map()));
    let units = 0;
    for (const ch of text) {
      let w = table.get(ch);
      if (w === undefined) table.set(ch, (w = this.fonts[font].widthOfTextAtSize(ch, 1000)));
      units += w;
    }
    return (units * size) / 1000;
  }
}

function fontOf(bold: boolean, italic: boolean): FontKey {
  return bold ? (italic ? 'BI' : 'B') : italic ? 'I' : 'R';
}

/** Splits marked-up text into words: `*italic*` flips italic, `**bold**` sets bold, `[^n]` is note n. */
function parseInline(source: string, size: number, base: FontKey, m: Metrics): Word[] {
  const text = toWinAnsi(source);
  const words: Word[] = [];
  let pieces: Piece[] = [];
  let notes: number[] = [];
  let buf = '';
  let italicToggle = false;
  let bold = base === 'B' || base === 'BI';
  const baseItalic = base === 'I' || base === 'BI';
  const font = (): FontKey => fontOf(bold, baseItalic !== italicToggle);
  const flushPiece = () => {
    if (buf) pieces.push({ text: buf, font: font(), size, rise: 0 });
    buf = '';
  };
  const flushWord = () => {
    flushPiece();
    if (pieces.length) {
      const width = pieces.reduce((w, p) => w + m.width(p.text, p.font, p.size), 0);
      words.push({ pieces, width, notes });
    }
    pieces = [];
    notes = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '*') {
      buf += '*';
      i++;
    } else if (ch === '*' && text[i + 1] === '*') {
      flushPiece();
      bold = !bold;
      i++;
    } else if (ch === '*') {
      flushPiece();
      italicToggle = !italicToggle;
    } else if (ch === '[' && text[i + 1] === '^') {
      let j = i + 2;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
      if (j > i + 2 && text[j] === ']') {
        flushPiece();
        const n = text.slice(i + 2, j);
        pieces.push({ text: n, font: 'R', size: size * supScale, rise: size * supRise });
        notes.push(Number(n));
        i = j;
      } else buf += ch;
    } else if (ch === ' ' || ch === '\n' || ch === '\t') {
      flushWord();
    } else buf += ch;
  }
  flushWord();
  return words;
}

const vowels = new Set('aeiouAEIOU');
const isLetter = (c: string) => /[A-Za-z]/.test(c);
// Consonant pairs that spell one sound in Indonesian and are never split.
const digraphs = new Set(['ng', 'ny', 'kh', 'sy', 'ch', 'th', 'sh', 'ph']);

/** Break points (indexes into the word) by a plain syllable rule: V-CV and VC-CV, not inside digraphs. */
function hyphenPoints(word: string): number[] {
  const points: number[] = [];
  for (let i = 3; i <= word.length - 4; i++) {
    const [a, b, c] = [word[i - 1], word[i], word[i + 1]];
    if (!isLetter(a) || !isLetter(b) || !isLetter(c)) continue;
    if (vowels.has(a) && !vowels.has(b) && vowels.has(c)) points.push(i);
    else if (!vowels.has(a) && !vowels.has(b) && vowels.has(c) && vowels.has(word[i - 2] ?? '') &&
      !digraphs.has((a + b).toLowerCase())) points.push(i);
  }
  return points;
}

function splitWord(w: Word, room: number, m: Metrics): [Word, Word] | undefined {
  if (w.pieces.length !== 1 || w.notes.length) return undefined;
  const p = w.pieces[0];
  const letters = p.text.replace(/[^A-Za-z]/g, '');
  if (letters.length < hyphenMinWord || !/^[A-Za-z]+[.,;:)]?$/.test(p.text)) return undefined;
  const points = hyphenPoints(p.text).reverse();
  for (const at of points) {
    const head = p.text.slice(0, at) + '-';
    const width = m.width(head, p.font, p.size);
    if (width <= room) {
      const tail = p.text.slice(at);
      return [
        { pieces: [{ ...p, text: head }], width, notes: [] },
        { pieces: [{ ...p, text: tail }], width: m.width(tail, p.font, p.size), notes: [] },
      ];
    }
  }
  return undefined;
}

interface LineOpts {
  readonly width: number;
  readonly firstIndent?: number;
  readonly restIndent?: number;
  readonly align: 'justify' | 'left' | 'center';
  readonly size: number;
  readonly leading: number;
  readonly spaceBefore?: number;
  readonly keepWithNext?: boolean;
}

/** Greedy line breaking by measured width; justified rows get PDF word spacing. */
function wrap(words: Word[], o: LineOpts, m: Metrics): Row[] {
  const space = m.width(' ', 'R', o.size);
  const lines: Word[][] = [];
  let cur: Word[] = [];
  let curW = 0;
  const avail = (n: number) => o.width - (n === 0 ? (o.firstIndent ?? 0) : (o.restIndent ?? 0));
  const queue = [...words];
  while (queue.length) {
    const w = queue.shift()!;
    const room = avail(lines.length) - curW - (cur.length ? space : 0);
    if (w.width <= room || !cur.length) {
      if (w.width > room && !cur.length) {
        const parts = splitWord(w, room, m);
        if (parts) {
          lines.push([parts[0]]);
          queue.unshift(parts[1]);
          continue;
        }
      }
      cur.push(w);
      curW += (cur.length > 1 ? space : 0) + w.width;
      continue;
    }
    const parts = room > hyphenMinGap ? splitWord(w, room, m) : undefined;
    if (parts) {
      cur.push(parts[0]);
      queue.unshift(parts[1]);
    } else queue.unshift(w);
    lines.push(cur);
    cur = [];
    curW = 0;
  }
  if (cur.length) lines.push(cur);

  return lines.map((line, n) => {
    const indent = n === 0 ? (o.firstIndent ?? 0) : (o.restIndent ?? 0);
    const natural = line.reduce((s, w) => s + w.width, 0) + space * (line.length - 1);
    const last = n === lines.length - 1;
    let tw = 0;
    let x = indent;
    if (o.align === 'justify' && !last && line.length > 1) {
      tw = (avail(n) - natural) / (line.length - 1);
      if (tw > maxWordSpacing) tw = 0;
    } else if (o.align === 'center') x = (o.width - natural) / 2;
    const runs: Run[] = [];
    let pending: { text: string; font: FontKey; size: number; rise: number; x: number } | undefined;
    line.forEach((w, wi) => {
      w.pieces.forEach((p, pi) => {
        const gap = wi > 0 && pi === 0;
        if (pending && pending.font === p.font && pending.size === p.size && pending.rise === p.rise) {
          pending.text += (gap ? ' ' : '') + p.text;
        } else {
          if (pending) runs.push(pending);
          pending = { ...p, x: x + (gap ? space + tw : 0) };
        }
        x += (gap ? space + tw : 0) + m.width(p.text, p.font, p.size);
      });
    });
    if (pending) runs.push(pending);
    return {
      spaceBefore: n === 0 ? (o.spaceBefore ?? 0) : 0,
      leading: o.leading,
      x: 0,
      runs,
      wordSpacing: tw,
      notes: line.flatMap((w) => w.notes),
      keepWithNext: (o.keepWithNext ?? false) || (lines.length > 1 && n === 0),
    };
  });
}

function layoutBlock(b: Block, width: number, m: Metrics): Item[] {
  const rows = (rs: Row[]): Item[] => rs.map((row) => ({ kind: 'row', row }));
  const W = width;
  if ('title' in b) {
    const out = wrap(parseInline(b.title, 15, 'B', m), { width: W, align: 'center', size: 15, leading: 19, keepWithNext: true }, m);
    if (b.authors) out.push(...wrap(parseInline(b.authors, 11, 'R', m), { width: W, align: 'center', size: 11, leading: 14, spaceBefore: 10, keepWithNext: true }, m));
    if (b.affiliation) out.push(...wrap(parseInline(b.affiliation, 9.5, 'I', m), { width: W, align: 'center', size: 9.5, leading: 12, keepWithNext: true }, m));
    return rows(out);
  }
  if ('abstract' in b) {
    const label = wrap(parseInline(b.label, 10, 'B', m), { width: W, align: 'center', size: 10, leading: 13, spaceBefore: 16, keepWithNext: true }, m);
    const text = wrap(parseInline(b.abstract, 10, 'I', m), { width: W - 56, align: 'justify', size: 10, leading: 12.4, spaceBefore: 2 }, m).map((r) => ({ ...r, x: 28 }));
    return rows([...label, ...text]);
  }
  if ('keywords' in b) {
    return rows(wrap(parseInline(`**${b.label}:** ${b.keywords}`, 10, 'I', m), { width: W - 56, align: 'left', size: 10, leading: 12.4, spaceBefore: 6 }, m).map((r) => ({ ...r, x: 28 })));
  }
  if ('h' in b) return rows(wrap(parseInline(b.h, body.size, 'B', m), { width: W, align: 'left', size: body.size, leading: body.leading, spaceBefore: 13, keepWithNext: true }, m));
  if ('h2' in b) return rows(wrap(parseInline(b.h2, body.size, 'BI', m), { width: W, align: 'left', size: body.size, leading: body.leading, spaceBefore: 8, keepWithNext: true }, m));
  if ('p' in b) {
    return rows(wrap(parseInline(b.p, body.size, 'R', m), { width: W, align: 'justify', firstIndent: b.indent === false ? 0 : 20, size: body.size, leading: body.leading, spaceBefore: 3 }, m));
  }
  if ('center' in b) {
    return rows(wrap(parseInline(b.center, body.size, b.bold ? 'B' : 'R', m), { width: W, align: 'center', size: body.size, leading: body.leading, spaceBefore: 5, keepWithNext: true }, m));
  }
  if ('item' in b) {
    const level = b.level ?? 0;
    const labelW = m.width(toWinAnsi(b.label), 'R', body.size);
    const hang = Math.max(labelW + 6, 22);
    const left = level * 22;
    const text = wrap(parseInline(b.item, body.size, 'R', m), { width: W - left - hang, align: 'justify', size: body.size, leading: body.leading, spaceBefore: 3 }, m);
    return rows(
      text.map((r, i) => ({
        ...r,
        x: left + hang,
        runs: i === 0 ? [{ text: toWinAnsi(b.label), font: 'R' as const, size: body.size, rise: 0, x: -hang }, ...r.runs] : r.runs,
      })),
    );
  }
  if ('pre' in b) {
    return rows(
      b.pre.split('\n').map((line, i) => ({
        spaceBefore: i === 0 ? 6 : 0,
        leading: 13,
        x: 40,
        runs: [{ text: toWinAnsi(line), font: 'R' as const, size: 10.5, rise: 0, x: 0 }],
        wordSpacing: 0,
        notes: [],
        keepWithNext: false,
      })),
    );
  }
  if ('quote' in b) {
    return rows(wrap(parseInline(b.quote, 10, 'R', m), { width: W - 56, align: 'justify', size: 10, leading: 12.4, spaceBefore: 6 }, m).map((r) => ({ ...r, x: 28 })));
  }
  if ('ref' in b) {
    return rows(wrap(parseInline(b.ref, 10.5, 'R', m), { width: W, align: 'justify', restIndent: 22, size: 10.5, leading: 13, spaceBefore: 4 }, m));
  }
  if ('pagebreak' in b) return [{ kind: 'pagebreak' }];
  const colW = (W - columnGap) / 2;
  const title = wrap(parseInline(b.columns.title, 13, 'B', m), { width: W, align: 'center', size: 13, leading: 17, spaceBefore: 0, keepWithNext: true }, m);
  const colRows = b.columns.blocks.flatMap((inner) => layoutBlock(inner, colW, m)).flatMap((it) => (it.kind === 'row' ? [it.row] : []));
  return [{ kind: 'columns', title, rows: colRows }];
}

function noteRows(n: number, textOf: string, width: number, m: Metrics): Row[] {
  const words = parseInline(textOf, note.size, 'R', m);
  const num: Word = {
    pieces: [{ text: String(n), font: 'R', size: note.size * 0.72, rise: note.size * 0.4 }],
    width: m.width(String(n), 'R', note.size * 0.72),
    notes: [],
  };
  return wrap([num, ...words], { width, align: 'justify', size: note.size, leading: note.leading }, m);
}

/** Places rows on pages, keeping each row's footnotes on its page; owns page decoration. */
class Paginator {
  private page!: PDFPage;
  private pageIndex = -1;
  private yTop = bodyTop;
  private minY = bodyTop;
  private empty = true;
  private foot: Row[] = [];
  private carry: Row[] = [];
  private readonly placed = new Set<number>();
  private columns: { top: number; col: 0 | 1 } | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly src: CorpusSource,
    private readonly m: Metrics,
  ) {
    this.newPage();
  }

  private get colX(): number {
    return margin + (this.columns ? this.columns.col * ((bodyWidth + columnGap) / 2) : 0);
  }

  private footHeight(rows: number): number {
    return rows ? note.ruleGap + rows * note.leading : 0;
  }

  newPage(): void {
    if (this.pageIndex >= 0) this.finishPage();
    this.page = this.doc.addPage([pageWidth, pageHeight]);
    this.pageIndex++;
    this.yTop = bodyTop;
    this.minY = bodyTop;
    this.empty = true;
    this.foot = this.carry;
    this.carry = [];
    if (this.columns) this.columns = { top: bodyTop, col: 0 };
  }

  /** Height left in the current column above the foot area. */
  get columnRoom(): number {
    return this.yTop - bodyBottom - this.footHeight(this.foot.length);
  }

  breakColumn(): void {
    if (this.columns && this.columns.col === 0) {
      this.columns.col = 1;
      this.yTop = this.columns.top;
    } else this.newPage();
  }

  private notesFor(row: Row): Row[] {
    const width = bodyWidth;
    return row.notes
      .filter((n) => !this.placed.has(n))
      .flatMap((n) => {
        const t = this.src.notes[String(n)];
        if (t === undefined) throw new Error(`${this.src.file}: footnote marker [^${n}] has no note text`);
        return noteRows(n, t, width, this.m);
      });
  }

  /** `keepBelow`: height of the rows this one must share a page with (see `keepHeight`). */
  place(row: Row, keepBelow = 0): void {
    for (let attempt = 0; ; attempt++) {
      const columnStart = this.yTop === bodyTop || (this.columns !== undefined && this.yTop === this.columns.top);
      const top = this.yTop - (columnStart ? 0 : row.spaceBefore);
      const bottom = top - row.leading;
      const fresh = this.notesFor(row);
      const limit = Math.min(bottom, this.minY);
      const need = bodyBottom + this.footHeight(this.foot.length + fresh.length);
      const keep = row.keepWithNext ? keepBelow : 0;
      const fitsAll = limit >= need && (keep === 0 || limit - keep >= need);
      let take = fresh.length;
      if (!fitsAll) {
        // Partial: the line fits with at least two lines of its note; the rest continues overleaf.
        take = 0;
        while (take < fresh.length && limit >= bodyBottom + this.footHeight(this.foot.length + take + 1)) take++;
        const lineFits = limit >= bodyBottom + this.footHeight(this.foot.length);
        if (!(lineFits && fresh.length && take >= 2 && keep === 0) && !(this.empty && attempt > 0)) {
          this.breakColumn();
          continue;
        }
      }
      this.draw(row, top - row.leading * 0.78);
      this.yTop = bottom;
      this.minY = Math.min(this.minY, bottom);
      this.empty = false;
      this.foot.push(...fresh.slice(0, take));
      this.carry.push(...fresh.slice(take));
      row.notes.forEach((n) => this.placed.add(n));
      return;
    }
  }

  pageBreak(): void {
    if (!this.empty || this.columns) {
      this.columns = undefined;
      this.newPage();
    }
  }

  startColumns(title: Row[]): void {
    this.pageBreak();
    title.forEach((r, i) => this.place(r, keepHeight(title, i)));
    this.columns = { top: this.yTop - 10, col: 0 };
    this.yTop = this.columns.top;
  }

  endColumns(): void {
    this.columns = undefined;
    this.newPage();
  }

  private draw(row: Row, baseline: number, x0 = this.colX): void {
    if (row.wordSpacing) this.page.pushOperators(setWordSpacing(row.wordSpacing));
    for (const r of row.runs) {
      this.page.drawText(r.text, { x: x0 + row.x + r.x, y: baseline + r.rise, size: r.size, font: this.m.fonts[r.font] });
    }
    if (row.wordSpacing) this.page.pushOperators(setWordSpacing(0));
  }

  private text(t: string, x: number, y: number, size: number, font: FontKey, align: 'left' | 'center' | 'right'): void {
    const s = toWinAnsi(t);
    if (!s) return;
    const w = this.m.width(s, font, size);
    const at = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
    this.page.drawText(s, { x: at, y, size, font: this.m.fonts[font] });
  }

  finishPage(): void {
    const printed = this.src.pageNumbers.first + this.pageIndex;
    const headerY = pageHeight - 44;
    if (this.pageIndex === 0 && this.src.masthead.length) {
      this.src.masthead.forEach((line, i) => this.text(line, pageWidth / 2, headerY - i * 11, 9, 'I', 'center'));
      this.page.drawLine({ start: { x: margin, y: headerY - this.src.masthead.length * 11 + 4 }, end: { x: pageWidth - margin, y: headerY - this.src.masthead.length * 11 + 4 }, thickness: 0.5, color: rgb(0, 0, 0) });
    } else if (this.pageIndex > 0 && this.src.header) {
      const row = printed % 2 === 0 ? this.src.header.even : this.src.header.odd;
      const [l, c, r] = row.map((s) => s.replace('{page}', String(printed)));
      this.text(l, margin, headerY, 9, 'R', 'left');
      this.text(c, pageWidth / 2, headerY, 9, 'I', 'center');
      this.text(r, pageWidth - margin, headerY, 9, 'R', 'right');
      this.page.drawLine({ start: { x: margin, y: headerY - 5 }, end: { x: pageWidth - margin, y: headerY - 5 }, thickness: 0.4, color: rgb(0, 0, 0) });
    }
    if (this.src.pageNumbers.position === 'bottom') this.text(String(printed), pageWidth / 2, 40, 10, 'R', 'center');
    else if (this.src.pageNumbers.position === 'top-dash' && this.pageIndex > 0) this.text(`- ${printed} -`, pageWidth / 2, headerY, 11, 'R', 'center');

    if (this.foot.length) {
      const top = bodyBottom + this.footHeight(this.foot.length);
      this.page.drawLine({ start: { x: margin, y: top - 2 }, end: { x: margin + 144, y: top - 2 }, thickness: 0.5, color: rgb(0, 0, 0) });
      this.foot.forEach((r, i) => this.draw(r, top - note.ruleGap - i * note.leading - note.leading * 0.78, margin));
    }
  }

  finish(): void {
    if (this.carry.length) this.newPage();
    this.finishPage();
  }
}

// A heading chain (BAB, its title, Bagian, its title, Pasal) is kept with the first ordinary row
// after it; the cap stops a long run of kept rows from pushing everything to the next page.
const maxKeptRows = 8;

/** Height of the rows after `rows[i]` that must stay on its page: the kept chain and the row ending it. */
function keepHeight(rows: readonly (Row | undefined)[], i: number): number {
  let height = 0;
  for (let j = i + 1; j < rows.length && j <= i + maxKeptRows; j++) {
    const next = rows[j];
    if (!next) break;
    height += next.spaceBefore + next.leading;
    if (!next.keepWithNext) break;
  }
  return height;
}

/**
 * Where a two-column section that fits on one page moves to the right column: the first row at or
 * past half its height, so the columns end level as a typesetter balances them (a short right
 * column would not be how a journal prints it). Returns -1 when the section runs past one page.
 */
function balancedSplit(rows: readonly Row[], room: number): number {
  const total = rows.reduce((h, r) => h + r.spaceBefore + r.leading, 0);
  if (total > 2 * room) return -1;
  let height = 0;
  for (let j = 0; j < rows.length; j++) {
    if (height >= total / 2) return j;
    height += rows[j].spaceBefore + rows[j].leading;
  }
  return -1;
}

export async function renderPdf(src: CorpusSource, options: RenderOptions = {}): Promise<Uint8Array> {
  const date = options.date ?? defaultRenderDate;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = {} as Record<FontKey, PDFFont>;
  for (const key of Object.keys(fontNames) as FontKey[]) fonts[key] = await doc.embedFont(fontNames[key]);
  const m = new Metrics(fonts);
  const items = src.blocks.flatMap((b) => layoutBlock(b, bodyWidth, m));
  const p = new Paginator(doc, src, m);
  const flowRows = items.map((it) => (it.kind === 'row' ? it.row : undefined));
  items.forEach((it, i) => {
    if (it.kind === 'row') p.place(it.row, keepHeight(flowRows, i));
    else if (it.kind === 'pagebreak') p.pageBreak();
    else {
      p.startColumns(it.title);
      const split = balancedSplit(it.rows, p.columnRoom);
      it.rows.forEach((r, j) => {
        if (j === split) p.breakColumn();
        p.place(r, keepHeight(it.rows, j));
      });
      if (i < items.length - 1) p.endColumns();
    }
  });
  p.finish();

  doc.setTitle(toWinAnsi(src.title));
  doc.setAuthor(toWinAnsi(src.author));
  doc.setLanguage(src.lang === 'id' ? 'id-ID' : 'en-GB');
  doc.setProducer('Telaah corpus renderer (pdf-lib)');
  doc.setCreator('telaah scripts/render-corpus.ts');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save();
}
