/**
 * Property-based tests (fast-check) of the span invariants, over random documents put through the real
 * layout and segmentation: random plain-text and Markdown files (page breaks, running headers, page
 * numbers, hyphenated line ends, footnote markers and notes, statute headings, astral-plane letters),
 * and random PDF-like pages with geometry (body lines, smaller footnote lines at the foot, superscript
 * markers, a repeated header). For every document:
 *  - every page, footnote, marker, provision, paragraph and sentence lies inside the text;
 *  - pages, footnotes, paragraphs and sentences are sorted and do not overlap; footnotes follow
 *    `notesStart`; markers are zero-width and in the body; a sentence lies inside its paragraph;
 *  - a segment's `page` is pageAt(start) and `inFootnote` is start >= notesStart;
 *  - the source map round-trips: copied runs read the same in the source text, runs tile the text,
 *    and a body offset maps back to a source offset on the page pageAt gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageAt, type LaidOutText, type RawDocument, type RawLine, type RawPage } from '../../src/document.js';
import { extractFile } from '../../src/extract/extract-file.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';
import { toSourceStart } from '../../src/offset-map.js';
import { segmentDocument, type Segmentation } from '../../src/segment/segment-document.js';
import { segmentOptions } from '../../src/segment/options.js';
import type { Span } from '../../src/span.js';

export const RUNS = 300;
const layoutDefaults = layoutOptions.parse({});
const segmentDefaults = segmentOptions.parse({});

const pieces = [
  'Pekerja', 'migran', 'dilindungi', 'negara', 'The', 'State', 'shall', 'protect', 'workers', 'UU', 'No.', '6', 'Tahun', '2011',
  'Pasal', '28D', 'ayat', '(1)', 'huruf', 'a.', 'Ibid.', 'et al.', 'p.', '12', 'i.e.', 'Art.', '3', '§', '“quoted”', '(see', 'note)',
  'peker-', 'ja', '𝐀𝐁', 'é', 'café', '—', '...', '?', '!', ';', ':', '1.', 'II.', 'A.', 'Dr.', 'Mr.', '[1]', '¹', '²', '12)', '*',
];
const word = fc.constantFrom(...pieces);
const lineText = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' ') + (ws.length > 3 ? '.' : ''));

/** Lines of a plain-text or Markdown page: body lines, blank lines, headings, footnotes. */
const textLine = fc.oneof(
  { weight: 6, arbitrary: lineText },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `Pasal ${n}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), lineText).map(([n, t]) => `${n} ${t}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), lineText).map(([n, t]) => `[^${n}]: ${t}`) },
  { weight: 1, arbitrary: fc.tuple(lineText, fc.integer({ min: 1, max: 9 })).map(([t, n]) => `${t}[^${n}]`) },
  { weight: 1, arbitrary: fc.constant('JURNAL HUKUM MIGRASI') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map(String) },
);
const textDocument = fc.record({
  markdown: fc.boolean(),
  pages: fc.array(fc.array(textLine, { minLength: 0, maxLength: 18 }), { minLength: 1, maxLength: 5 }),
  crlf: fc.boolean(),
}).map(({ markdown, pages, crlf }) => ({
  file: markdown ? 'random.md' : 'random.txt',
  // A title line first: an empty file is (rightly) a failed document, not a layout case.
  text: `Perlindungan Pekerja Migran${crlf ? '\r\n' : '\n'}` + pages.map((lines) => lines.join(crlf ? '\r\n' : '\n')).join('\f'),
}));

/** PDF-like pages: lines with geometry, smaller notes at the foot, a header, superscript markers. */
function pdfDocument(pages: { body: string[]; notes: string[]; header: boolean; marker: boolean }[]): RawDocument {
  let sourceText = '';
  const out: RawPage[] = [];
  pages.forEach((p, index) => {
    if (index) sourceText += '\f';
    const lines: RawLine[] = [];
    const add = (text: string, x: number, y: number, fontSize: number, items?: RawLine['items']) => {
      if (lines.length) sourceText += '\n';
      const sourceStart = sourceText.length;
      sourceText += text;
      lines.push({ text, page: index + 1, sourceStart, sourceEnd: sourceText.length, x, y, width: text.length * fontSize * 0.5, fontSize, items });
    };
    if (p.header) add('Jurnal Hukum Migrasi Vol. 3', 72, 760, 9);
    p.body.forEach((text, i) => {
      const y = 720 - i * 14;
      if (p.marker && i === 0) {
        const main = { text, x: 72, y, width: text.length * 5.5, height: 11, fontSize: 11, fontName: 'F1' };
        const sup = { text: '1', x: 72 + text.length * 5.5, y: y + 4, width: 4, height: 7, fontSize: 7, fontName: 'F1' };
        add(`${text}1`, 72, y, 11, [main, sup]);
      } else add(text, 72, y, 11);
    });
    p.notes.forEach((text, i) => add(`${i + 1} ${text}`, 72, 90 - i * 10, 8));
    add(String(index + 1), 300, 40, 9);
    out.push({ number: index + 1, width: 612, height: 792, lines });
  });
  return { file: 'random.pdf', format: 'pdf', sourceText, pages: out, info: {} };
}
const pdfArbitrary = fc.array(
  fc.record({ body: fc.array(lineText, { minLength: 0, maxLength: 25 }), notes: fc.array(lineText, { maxLength: 3 }), header: fc.boolean(), marker: fc.boolean() }),
  { minLength: 1, maxLength: 4 },
).map(pdfDocument);

function inside(span: Span, from: number, to: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && from <= span.start && span.start <= span.end && span.end <= to;
}

function sortedDisjoint(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return false;
  return true;
}

/** Page of a source offset in the raw document: the line that holds it, or the nearest line before. */
function rawPageAt(raw: RawDocument, sourceOffset: number): number {
  let page = raw.pages[0]?.number ?? 1;
  for (const p of raw.pages) for (const line of p.lines) if (line.sourceStart <= sourceOffset) page = p.number;
  return page;
}

function checkInvariants(raw: RawDocument, doc: LaidOutText, seg: Segmentation): void {
  const n = doc.text.length;
  expect(doc.notesStart).toBeGreaterThanOrEqual(0);
  expect(doc.notesStart).toBeLessThanOrEqual(n);
  for (const p of doc.pages) expect(inside(p, 0, n), `page ${p.number} ${p.start}-${p.end}`).toBe(true);
  expect(sortedDisjoint(doc.pages)).toBe(true);
  for (const f of doc.footnotes) expect(inside(f, doc.notesStart, n), `footnote ${f.number}`).toBe(true);
  expect(sortedDisjoint(doc.footnotes)).toBe(true);
  for (const m of doc.markers) {
    expect(m.start, `marker ${m.number}`).toBe(m.end);
    expect(inside(m, 0, doc.notesStart)).toBe(true);
    expect(inside({ start: m.sourceStart, end: m.sourceEnd }, 0, raw.sourceText.length)).toBe(true);
  }
  for (const p of doc.provisions) expect(inside(p, 0, n), `provision ${p.label}`).toBe(true);
  for (const p of doc.paragraphs) expect(inside(p, 0, n)).toBe(true);
  expect(sortedDisjoint(doc.paragraphs)).toBe(true);

  for (const list of [seg.paragraphs, seg.sentences]) {
    expect(sortedDisjoint(list)).toBe(true);
    for (const s of list) {
      expect(inside(s, 0, n) && s.start < s.end, `${s.kind} ${s.start}-${s.end}`).toBe(true);
      expect(s.page, `${s.kind} at ${s.start}`).toBe(pageAt(doc, s.start));
      expect(s.inFootnote).toBe(s.start >= doc.notesStart);
    }
  }
  for (const s of seg.sentences) {
    const p = seg.paragraphs[s.paragraph!];
    expect(p && p.start <= s.start && s.end <= p.end, `sentence ${s.start}-${s.end} in paragraph ${s.paragraph}`).toBe(true);
  }

  const map = doc.sourceMap;
  let at = 0;
  for (let i = 0; i < map.norm.length; i++) {
    expect(map.norm[i], `run ${i} starts where the previous ends`).toBe(at);
    at += map.normLength[i];
    if (map.normLength[i] === map.srcLength[i]) {
      expect(doc.text.slice(map.norm[i], map.norm[i] + map.normLength[i])).toBe(raw.sourceText.slice(map.src[i], map.src[i] + map.srcLength[i]));
    }
  }
  expect(at, 'runs tile the text').toBe(n);
  for (const s of seg.sentences) {
    if (s.inFootnote) continue;
    expect(rawPageAt(raw, toSourceStart(map, s.start)), `sentence at ${s.start} maps back to its page`).toBe(s.page);
  }
}

describe('span invariants over random documents (fast-check)', () => {
  it(`hold for random plain-text and Markdown files (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(textDocument, async ({ file, text }) => {
        const report = new Report(file);
        const raw = await extractFile(file, Buffer.from(text, 'utf8'), { minWordShare: 0, minCommonWordShare: 0 }, report);
        const doc = layOut(raw, layoutDefaults, report);
        checkInvariants(raw, doc, segmentDocument(doc, segmentDefaults, report));
      }),
      { numRuns: RUNS, seed: 4367 },
    );
  });

  it(`hold for random PDF pages with headers, notes and superscript markers (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(pdfArbitrary, (raw) => {
        const report = new Report(raw.file);
        const doc = layOut(raw, layoutDefaults, report);
        checkInvariants(raw, doc, segmentDocument(doc, segmentDefaults, report));
      }),
      { numRuns: RUNS, seed: 2024 },
    );
  });
});
