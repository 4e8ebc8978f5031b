import { describe, expect, it } from 'vitest';
import type { RawDocument, RawLine } from '../../src/document.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';
import { layOutFile } from './lay-out-file.js';

describe('a note wrapped onto a line that opens with a number is one note', () => {
  it('corpus/artikel-pengungsi.pdf: note 1 runs on over "2 (2019): 112-131" (superscript labels)', async () => {
    const { note, laid } = await layOutFile('corpus/artikel-pengungsi.pdf');
    expect(note(1)).toEqual({
      page: 1,
      text: 'Rina Maharani, "Indonesia sebagai Negara Transit: Dilema Kebijakan Pengungsi," Jurnal Hubungan Internasional Samudra 8, no. 2 (2019): 112-131, https://doi.org/10.5555/jhis.8.2.112.',
    });
    expect(note(2)).toEqual({
      page: 1,
      text: 'Indonesia tidak menandatangani maupun mengaksesi Konvensi tentang Status Pengungsi (1951) dan Protokol tentang Status Pengungsi (1967).',
    });
    expect(laid.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(laid.markers.filter((m) => !m.linked)).toEqual([]);
  });

  it('Harvard Law Review: note 1 ending in a perma.cc link is not merged with note 2', async () => {
    const { note } = await layOutFile('../shared/corpus/real/article-das-immigration-detention-harvard-lr.pdf');
    expect(note(2)).toEqual({ page: 2, text: 'See Redmon, supra note 1.' });
    expect(note(1)!.text.endsWith('YC9-N2QJ].')).toBe(true);
  });

  it('labels in the text size: a number after a full line, met again further down, continues the note above', () => {
    // One page: two body lines (11pt), then notes (8.5pt) whose labels are set in the notes' own size.
    const spec: [string, number, number, number][] = [
      ['Indonesia menjadi negara transit bagi pengungsi dari Afganistan dan Myanmar.1 Karena itu', 72, 700, 11],
      ['kebijakan Australia menutup jalur laut, banyak pengungsi tertahan di Indonesia selama', 72, 686, 11],
      ['bertahun-tahun, sementara Indonesia bukan pihak pada Konvensi 1951 dan Protokol 1967.2', 72, 672, 11],
      ['Kebijakan nasional tetap bertumpu pada hukum keimigrasian dan belum mengenal status', 72, 658, 11],
      ['pengungsi sebagai subjek hukum tersendiri.3', 72, 644, 11],
      ['1 Rina Maharani, "Indonesia sebagai Negara Transit," Jurnal Hubungan Internasional Samudra 8, no.', 72, 190, 8.5],
      ['2 (2019): 112-131.', 72, 180, 8.5],
      ['2 Indonesia belum mengaksesi Konvensi 1951.', 72, 170, 8.5],
      ['3 Maharani, Op. cit., hlm. 118.', 72, 160, 8.5],
    ];
    let at = 0;
    const lines: RawLine[] = spec.map(([text, x, y, fontSize]) => {
      const width = fontSize === 11 ? 451 : text.length >= 90 ? 451 : text.length * 4;
      const line: RawLine = { text, page: 1, sourceStart: at, sourceEnd: at + text.length, x, y, width, fontSize };
      at += text.length + 1;
      return line;
    });
    const raw: RawDocument = {
      file: 't.pdf',
      format: 'pdf',
      sourceText: spec.map((s) => s[0]).join('\n'),
      pages: [{ number: 1, width: 595, height: 842, lines }],
      info: {},
    };
    const laid = layOut(raw, layoutOptions.parse({}), new Report('t'));
    expect(laid.footnotes.map((f) => [f.number, laid.text.slice(f.start, f.end)])).toEqual([
      [1, 'Rina Maharani, "Indonesia sebagai Negara Transit," Jurnal Hubungan Internasional Samudra 8, no. 2 (2019): 112-131.'],
      [2, 'Indonesia belum mengaksesi Konvensi 1951.'],
      [3, 'Maharani, Op. cit., hlm. 118.'],
    ]);
  });
});
