import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/document.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';
import { layOutFile } from './lay-out-file.js';

function paragraphsOf(text: string): string[] {
  let offset = 0;
  const lines = text.split('\n').map((line) => {
    const l = { text: line, page: 1, sourceStart: offset, sourceEnd: offset + line.length };
    offset += line.length + 1;
    return l;
  });
  const raw: RawDocument = { file: 't.txt', format: 'txt', sourceText: text, pages: [{ number: 1, lines }], info: {} };
  const laid = layOut(raw, layoutOptions.parse({}), new Report('t'));
  return laid.paragraphs.filter((p) => p.end <= laid.notesStart).map((p) => laid.text.slice(p.start, p.end));
}

describe('paragraphs of plain text', () => {
  it('corpus/catatan-kebijakan.txt: sentence-case headings without a full stop stand alone, before their list and their text', async () => {
    const { body } = await layOutFile('corpus/catatan-kebijakan.txt');
    expect(body.slice(0, 4)).toEqual([
      'CATATAN KEBIJAKAN',
      'Memperkuat Pencegahan Perdagangan Orang dalam Migrasi Kerja dari Daerah Asal',
      'Disusun untuk diskusi internal. Seluruh angka dalam catatan ini bersifat ilustratif (contoh untuk pengujian), bukan data resmi.',
      'Latar belakang',
    ]);
    const at = body.indexOf('Pokok masalah');
    expect(body.slice(at, at + 5)).toEqual([
      'Pokok masalah',
      '- perekrutan di desa masih didominasi perantara yang tidak terdaftar, pintu masuk utama perdagangan orang;',
      '- informasi tentang jalur penempatan yang sah belum menjangkau calon pekerja migran perempuan;',
      '- data pengaduan korban perdagangan orang tersebar di beberapa instansi sehingga pola kasus sulit dibaca.',
      'Indikator yang diusulkan',
    ]);
  });

  it('a short line leading a list starts a paragraph, and so does the list, with no blank lines at all', () => {
    expect(
      paragraphsOf(
        'Negara asal wajib mencegah perekrutan yang tidak sah dan menindak perantara yang memungut biaya.\nPokok masalah\n- perekrutan di desa masih didominasi perantara;\n- data pengaduan tersebar.',
      ),
    ).toEqual([
      'Negara asal wajib mencegah perekrutan yang tidak sah dan menindak perantara yang memungut biaya.',
      'Pokok masalah',
      '- perekrutan di desa masih didominasi perantara;',
      '- data pengaduan tersebar.',
    ]);
  });

  it('ICCPR (Markdown text, a blank line between blocks): an article heading is not run into its first paragraph', async () => {
    const { body } = await layOutFile('../shared/corpus/real/iccpr-1966.txt');
    const at = body.indexOf('### Article  14');
    expect(at).toBeGreaterThan(0);
    expect(body[at + 1].startsWith('1.  All persons shall be equal before the courts and tribunals.')).toBe(true);
  });

  it('double-spaced prose (a blank line after every wrapped line) keeps its paragraphs whole', () => {
    const lines = [
      'Migrasi tenaga kerja telah menjadi fenomena global yang signifikan, dengan jutaan',
      'buruh migran meninggalkan negara asal mereka untuk mencari peluang kerja yang lebih',
      'baik di luar negeri. Namun, buruh migran sering kali menghadapi berbagai permasalahan',
      'dan eksploitasi, sehingga hak-hak mereka perlu dilindungi oleh hukum internasional',
      'maupun hukum nasional negara asal dan negara tujuan.',
      'Hukum internasional memainkan peran penting dalam menyediakan kerangka kerja untuk',
      'perlindungan hak-hak buruh migran di seluruh tahapan migrasi.',
    ];
    // Only the short line ending a sentence ends a paragraph.
    expect(paragraphsOf(lines.join('\n\n'))).toEqual([lines.slice(0, 5).join(' '), lines.slice(5).join(' ')]);
  });
});
