import { describe, expect, it } from 'vitest';
import { layOutFile } from './lay-out-file.js';

describe('running lines of the sample article corpus/artikel-pekerja-migran.pdf (4 pages, headers alternate)', async () => {
  const { laid, body, note, page } = await layOutFile('corpus/artikel-pekerja-migran.pdf');

  it('keeps a short footnote that repeats another page\'s text ("Ibid., hlm. N") as a footnote, not a footer', () => {
    expect(note(6)).toEqual({ page: 1, text: 'Ibid., hlm. 241.' });
    expect(note(21)).toEqual({ page: 3, text: 'Ibid., hlm. 201.' });
    expect(page(1).footer).toEqual(['141']);
    expect(page(3).footer).toEqual(['143']);
    expect(laid.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(laid.markers.filter((m) => !m.linked)).toEqual([]);
  });

  it('removes the odd-page running head printed only once (page 3) and keeps it as page metadata', () => {
    expect(page(3).header).toEqual(['Wibisono & Kusumadewa', 'Pelindungan Pekerja Migran Indonesia']);
    expect(page(2).header).toEqual(['Jurnal Hukum dan Migrasi Internasional', 'Vol. 9 No. 2 (2023)']);
    for (const p of body) expect(p).not.toContain('Wibisono & Kusumadewa');
    // The sentence running from page 2 to page 3 reads on without the header.
    expect(body.join('\n')).toContain(
      'pekerja migran tidak dapat dibebani biaya penempatan (Pasal 30), suatu langkah yang secara konseptual mendekati prinsip employer pays dalam Konvensi ILO No. 181.',
    );
  });
});

describe('running lines of real PDFs', () => {
  it('California Law Review: the article title on the first page is the title, not a running head', async () => {
    const { body, page } = await layOutFile('../shared/corpus/real/article-sayed-affirmative-asylum-california-lr.pdf');
    expect(page(1).header).toEqual([]);
    expect(body[0]).toBe('Reimagining Affirmative Asylum');
    expect(page(2).header).toEqual(['1096', 'CALIFORNIA LAW REVIEW', '[Vol. 113:1095']);
  });

  it('UNHCR booklet: the small-type colophon of the back cover is not taken for a running head', async () => {
    const { page } = await layOutFile('../shared/corpus/real/refugee-convention-1951-protocol-1967-unhcr.pdf');
    expect(page(56).header).toEqual([]);
  });
});
