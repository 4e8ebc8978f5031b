import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/document.js';
import { extractFile } from '../../src/extract/extract-file.js';
import { extractOptions } from '../../src/extract/options.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';
import { toSourceEnd, toSourceStart } from '../../src/offset-map.js';

async function layOutFile(file: string) {
  const report = new Report(file);
  const raw = await extractFile(file, readFileSync(file), extractOptions.parse({}), report);
  return { raw, laid: layOut(raw, layoutOptions.parse({}), report) };
}

function textDocument(text: string, format: 'txt' | 'md' = 'txt'): RawDocument {
  let offset = 0;
  const lines = text.split('\n').map((line) => {
    const l = { text: line, page: 1, sourceStart: offset, sourceEnd: offset + line.length };
    offset += line.length + 1;
    return l;
  });
  return { file: `t.${format}`, format, sourceText: text, pages: [{ number: 1, lines }], info: {} };
}

const lay = (text: string, format: 'txt' | 'md' = 'txt') => layOut(textDocument(text, format), layoutOptions.parse({}), new Report('t'));

describe('plain-text footnote separation on the long seed article', async () => {
  const seed = '../shared/corpus/seeds/000_a8b5b348252ec0f7.txt';
  const gold = JSON.parse(readFileSync('../shared/gold/000_a8b5b348252ec0f7.gold.json', 'utf8')) as {
    footnotes: { number: number; text: string }[];
    markers: { number: number; start: number; end: number }[];
  };
  const { raw, laid } = await layOutFile(seed);
  const body = laid.text.slice(0, laid.notesStart);

  it('finds every footnote, numbered, with the gold text', () => {
    expect(laid.footnotes.map((f) => f.number)).toEqual(gold.footnotes.map((f) => f.number));
    for (const g of gold.footnotes) {
      const note = laid.footnotes.find((f) => f.number === g.number)!;
      expect(laid.text.slice(note.start, note.end)).toBe(g.text);
    }
  });

  it('links every gold marker through its source offsets and removes it from the running text', () => {
    expect(laid.markers.map((m) => [m.number, m.sourceStart, m.sourceEnd, m.linked])).toEqual(
      gold.markers.map((m) => [m.number, m.start, m.end, true]),
    );
    for (const m of laid.markers) expect(raw.sourceText.slice(m.sourceStart, m.sourceEnd)).toBe(String(m.number));
    expect(body).toMatch(/opini politik\.\s+Negara-negara/);
  });

  it('leaves no footnote text in the body and rejoins the sentence a footnote block interrupted', () => {
    for (const g of gold.footnotes) expect(body).not.toContain(g.text.slice(0, 30));
    expect(body).toContain('negara berkewajiban untuk melindungi individu dari ancaman dan bahaya. Hak asasi');
    expect(body).toContain('sebanyak 7 (tujuh) juta orang pada tahun 2011');
  });

  it('lays the notes out after the body, one per line, and maps them back to the source', () => {
    expect(laid.text.slice(laid.notesStart - 2, laid.notesStart)).toBe('\n\n');
    expect(laid.text.slice(laid.notesStart).split('\n')).toHaveLength(18);
    const first = laid.footnotes[0];
    const src = toSourceStart(laid.sourceMap, first.start);
    expect(raw.sourceText.slice(src - 2, src + 6)).toBe('1 Ruggie');
    const last = laid.footnotes[17];
    expect(raw.sourceText.slice(toSourceStart(laid.sourceMap, last.start), toSourceEnd(laid.sourceMap, last.end)).replace(/\s+/g, ' ')).toBe(
      gold.footnotes[17].text,
    );
    expect(laid.paragraphs.slice(-18)).toEqual(laid.footnotes.map((f) => ({ start: f.start, end: f.end })));
  });

  it('mends the spaced-hyphen artefact and keeps real hyphens across line ends', () => {
    expect(body).toContain('hak-hak pengungsi');
    expect(body).toContain('Langkah-langkah ini');
    expect(body).not.toMatch(/\p{L} -\p{L}/u);
    expect(body).toContain('koordinasi antara negara-negara asal');
    expect(body).toContain('Prinsip-Prinsip Panduan PBB mengenai Bisnis');
    expect(body).toContain('hak untuk non-diskriminasi');
  });

  it('keeps numbered section headings as their own paragraphs, not as footnotes', () => {
    const paragraphs = laid.paragraphs.map((p) => laid.text.slice(p.start, p.end));
    expect(paragraphs).toContain('1. Pendahuluan');
    expect(paragraphs).toContain('2. Metode Penelitian');
    expect(paragraphs).toContain('3.1 Perjanjian Dan Protokol Internasional Yang Relevan Dengan Kasus Migrasi Massal');
  });
});

describe('footnotes in other plain-text shapes', () => {
  it('reads Markdown footnotes: references become markers, definitions footnotes', async () => {
    const { laid, raw } = await layOutFile('../shared/corpus/real/report-kelley-scorecard-diplomacy-indonesia-trafficking.txt');
    const n153 = laid.footnotes.find((f) => f.number === 153)!;
    expect(laid.text.slice(n153.start, n153.end)).toBe('News: 6/28/2007, 3/1/2007: 07JAKARTA590, 2/29/2008: 08JAKARTA415, 1/20/2009: 09JAKARTA105, 2/27/2010: 10JAKARTA258');
    const m = laid.markers.find((k) => k.number === 153)!;
    expect(m.linked).toBe(true);
    expect(raw.sourceText.slice(m.sourceStart - 2, m.sourceEnd + 1)).toBe('[^153]');
    expect(laid.text.slice(0, laid.notesStart)).toContain('implementation issues. Several of the mechanisms');
    expect(laid.text.slice(0, laid.notesStart)).not.toContain('[^');
  });

  it('does not take a numbered list without calls for footnotes', () => {
    const laid = lay('Dalam Undang-Undang ini yang dimaksud dengan:\n1. Calon Pekerja Migran adalah setiap tenaga kerja.\n2. Pekerja Migran adalah setiap warga negara.');
    expect(laid.footnotes).toEqual([]);
    expect(laid.markers).toEqual([]);
  });

  it('joins a note continued over lines and ends it at a blank line', () => {
    const laid = lay('Teks ini dikutip.1 Lalu berlanjut\n\n1 Smith, J. (2020). A Title\nof the Book. Oxford.\n\nke paragraf yang sama.');
    expect(laid.footnotes).toHaveLength(1);
    expect(laid.text.slice(laid.footnotes[0].start, laid.footnotes[0].end)).toBe('Smith, J. (2020). A Title of the Book. Oxford.');
    expect(laid.text.slice(0, laid.notesStart).trimEnd()).toBe('Teks ini dikutip. Lalu berlanjut ke paragraf yang sama.');
  });
});

describe('hyphenation at line ends', () => {
  const body = (t: string) => {
    const laid = lay(t);
    return laid.text.slice(0, laid.notesStart);
  };
  it.each([
    ['memberikan perlin-\ndungan kepada', 'memberikan perlindungan kepada'],
    ['hak-\nhak dasar', 'hak-hak dasar'],
    ['berdasarkan Undang-\nUndang Nomor 6', 'berdasarkan Undang-Undang Nomor 6'],
    ['prinsip non-\nrefoulement berlaku', 'prinsip non-refoulement berlaku'],
    ['hak -hak pengungsi', 'hak-hak pengungsi'],
    ['inter\u00ad\nnational law', 'international law'],
    ['a soft\u00adhyphen', 'a softhyphen'],
    ['see https://doi.org/10.1000/abc-\ndef now', 'see https://doi.org/10.1000/abc-def now'],
    ['jus cogens - a norm', 'jus cogens - a norm'],
  ])('%j → %j', (input, expected) => {
    expect(body(input)).toBe(expected);
  });
  it('joins a broken word when the document writes it whole elsewhere', () => {
    expect(body('the multi-\nlateral treaty and a multilateral one')).toBe('the multilateral treaty and a multilateral one');
  });
});

describe('adversarial input', () => {
  it.each([
    ['dots', '. '.repeat(50_000)],
    ['digits', '1'.repeat(100_000)],
    ['brackets', '[^'.repeat(50_000)],
    ['No.', 'No. '.repeat(25_000)],
    ['spaced hyphens', 'a -'.repeat(33_000)],
    ['letters and spaces', `a${' '.repeat(100_000)}b`],
  ])('lays out a 100 KB line of %s in linear time', (_name, line) => {
    const t0 = performance.now();
    lay(`${line}\n\n1 ${line}\n${line}`);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
