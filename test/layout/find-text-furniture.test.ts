import { describe, expect, it } from 'vitest';
import { layOutFile } from './lay-out-file.js';

describe('page furniture of plain-text extractions', () => {
  it('UU 18/2017 (hukumonline text): the repeated site line and "n / 43" page numbers leave the body and become 43 pages', async () => {
    const { laid, body, page } = await layOutFile('../shared/corpus/real/uu-18-2017-pelindungan-pekerja-migran.txt');
    const text = body.join('\n');
    expect(text).not.toContain('hukumonline');
    expect(text).not.toMatch(/\d \/ 43/);
    expect(laid.pages.map((p) => p.number)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expect(page(2)).toMatchObject({ label: '2', header: ['www.hukumonline.com/pusatdata'], footer: ['2 / 43'] });
    // The definition cut by the page number glued to its first line reads on across the page break.
    expect(body).toContain(
      '10. Mitra Usaha adalah instansi dan/atau badan usaha berbentuk badan hukum di negara tujuan penempatan yang bertanggung jawab menempatkan Pekerja Migran Indonesia pada pemberi kerja.',
    );
    // Text that starts page 3 lies on page 3.
    const p3 = page(3);
    expect(laid.text.slice(p3.start, p3.end)).toContain('penempatan yang bertanggung jawab');
  });

  it('corpus/catatan-kebijakan.txt: no page numbers, nothing removed', async () => {
    const { laid } = await layOutFile('corpus/catatan-kebijakan.txt');
    expect(laid.pages).toEqual([expect.objectContaining({ number: 1, label: null, header: [], footer: [] })]);
  });
});
