import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/document.js';
import { Report } from '../../src/message.js';
import { segmentOptions } from '../../src/segment/options.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { joinWrappedBlocks, laidOutText } from './laid-out-text.js';

const shared = new URL('../../../shared/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared), 'utf8');
const options = segmentOptions.parse({});
const LONG_SEED = 'corpus/seeds/000_a8b5b348252ec0f7.txt';

interface GoldSentence {
  readonly start: number;
  readonly end: number;
  /** Footnote blocks interleaved in a sentence that runs over a page break. */
  readonly excluded?: readonly [number, number][];
}

function expectWellFormed(text: string, paragraphs: readonly Segment[], sentences: readonly Segment[]): void {
  let last = 0;
  for (const s of sentences) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    const p = paragraphs[s.paragraph!];
    expect(s.start >= p.start && s.end <= p.end).toBe(true);
    expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
    last = s.end;
  }
}

describe('segmentDocument on the long seed article (English abstract, Indonesian body)', () => {
  const text = read(LONG_SEED);
  const gold: GoldSentence[] = JSON.parse(read('gold/000_a8b5b348252ec0f7.themes.json')).sentences;
  const report = new Report('000_a8b5b348252ec0f7');
  const result = segmentDocument(laidOutText(text), options, report);

  it('reproduces at least 99% of the gold sentence boundaries', () => {
    // Each paragraph here is a blank-line block, and this text has blank lines inside paragraphs and
    // footnote blocks inside sentences, so whole-sentence matches are not the measure: boundaries are.
    const starts = new Set(result.sentences.map((s) => s.start));
    const ends = new Set(result.sentences.map((s) => s.end));
    const found = gold.filter((g) => starts.has(g.start)).length + gold.filter((g) => ends.has(g.end)).length;
    expect(gold.length).toBe(221);
    expect(found / (2 * gold.length)).toBeGreaterThanOrEqual(0.99);
  });

  it('reproduces at least 97% of the gold sentences exactly when wrapped lines are joined as layout would', () => {
    // Sentences interrupted by a footnote block at a page break need the real layout stage; the rest
    // (212 of 221) should come out whole.
    const joined = segmentDocument(joinWrappedBlocks(laidOutText(text)), options, new Report('joined'));
    const found = new Set(joined.sentences.map((s) => `${s.start}:${s.end}`));
    const whole = gold.filter((g) => !g.excluded);
    expect(whole.length).toBe(212);
    const exact = whole.filter((g) => found.has(`${g.start}:${g.end}`)).length;
    expect(exact / whole.length).toBeGreaterThanOrEqual(0.97);
  });

  it('never splits a gold sentence at a sentence-final mark', () => {
    // An end of ours that falls inside a gold sentence right after . ? ! (or a closing quote) is a false split.
    const falseSplits = result.sentences.filter((s) =>
      /[.?!]["”’)]*$/.test(text.slice(s.start, s.end)) && gold.some((g) => s.end > g.start && s.end < g.end && !g.excluded?.some(([a, b]) => s.end > a && s.end <= b)),
    );
    expect(falseSplits.map((s) => text.slice(s.start, s.end).slice(-40))).toEqual([]);
  });

  it('keeps glued footnote numbers out of the sentences', () => {
    const i = text.indexOf('opini politik.1');
    expect(result.sentences.some((s) => s.end === i + 'opini politik.'.length)).toBe(true);
    expect(result.sentences.some((s) => s.start <= i + 14 && s.end > i + 14)).toBe(false);
  });

  it('is Indonesian overall, with an English abstract and keyword line inheriting the document language', () => {
    expect(result.language).toBe('id');
    const paragraphAt = (needle: string) => result.paragraphs.find((p) => text.slice(p.start, p.end).startsWith(needle))!;
    expect(paragraphAt('Mass migration, a complex phenomenon').language).toBe('en');
    expect(paragraphAt('Migrasi massal, sebuah fenomena').language).toBe('id');
    // franc calls this line English; it has no function words, so it inherits.
    expect(paragraphAt('Kata Kunci: hukum internasional').language).toBe('id');
    const abstract = result.sentences.filter((s) => s.start >= text.indexOf('Mass migration') && s.end <= text.indexOf(' Abstrak'));
    expect(abstract.length).toBe(6);
    expect(abstract.every((s) => s.language === 'en')).toBe(true);
    expect(report.messages.map((m) => m.rule)).toContain('mixed-language');
  });

  it('emits well-formed, sorted spans inside their paragraphs', () => {
    expectWellFormed(text, result.paragraphs, result.sentences);
  });
});

describe('segmentDocument on whole documents', () => {
  it.each([
    ['corpus/seeds/003_0b94888e7e7436df.txt', 'id'],
    ['corpus/real/iccpr-1966.txt', 'en'],
    ['corpus/real/refugee-protocol-1967.txt', 'en'],
    ['corpus/real/uu-18-2017-pelindungan-pekerja-migran.txt', 'id'],
    ['corpus/real/report-kelley-scorecard-diplomacy-indonesia-trafficking.txt', 'en'],
  ])('%s is %s', (file, language) => {
    const text = read(file).replace(/\r\n?/g, '\n');
    const result = segmentDocument(laidOutText(text), options, new Report(file));
    expect(result.language).toBe(language);
    expectWellFormed(text, result.paragraphs, result.sentences);
  });

  it('marks footnote paragraphs and gives their sentences the footnote flag', () => {
    const text = 'Negara wajib melindungi pengungsi. Prinsip ini berlaku umum.\n\n1 Ibid. Lihat juga hlm. 5.';
    const notesStart = text.indexOf('1 Ibid');
    const result = segmentDocument(laidOutText(text, notesStart), options, new Report('t'));
    expect(result.paragraphs.map((p) => p.inFootnote)).toEqual([false, true]);
    expect(result.sentences.map((s) => [text.slice(s.start, s.end), s.inFootnote, s.paragraph])).toEqual([
      ['Negara wajib melindungi pengungsi.', false, 0],
      ['Prinsip ini berlaku umum.', false, 0],
      ['1 Ibid.', true, 1],
      ['Lihat juga hlm. 5.', true, 1],
    ]);
    // The footnote is too short to judge and inherits the body's language.
    expect(result.language).toBe('id');
    expect(result.paragraphs.map((p) => p.language)).toEqual(['id', 'id']);
  });

  it('has no document language when no paragraph can be judged', () => {
    const text = 'Pasal 5.\n\nCukup jelas.';
    const result = segmentDocument(laidOutText(text), options, new Report('t'));
    expect(result.language).toBe('und');
    expect(result.sentences.map((s) => s.language)).toEqual(['und', 'und']);
  });

  it('keeps its guarantees on arbitrary text and paragraphs', () => {
    const alphabet = fc.constantFrom(...'aB. .1(2)"”;:\n?!…No.hlm.U.S.'.split(''), 'No. ', 'e.g. ', ' Pasal ', '\n\n', '. . .');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        const result = segmentDocument(laidOutText(text), options, new Report('prop'));
        expectWellFormed(text, result.paragraphs, result.sentences);
      }),
      { numRuns: 300 },
    );
  });
});
