/**
 * renderPdf on a constructed source: a footnote too long for the room left under its marker's line
 * starts at the foot of the marker's page and continues, unnumbered, at the top of the next page's
 * foot area, before that page's own notes — the way a journal sets it, and the case the layout stage
 * must rejoin. Also: the same source renders to the same bytes twice.
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseCorpusSource } from '../../scripts/corpus-source.js';
import { renderPdf } from '../../scripts/render-pdf.js';

interface Line {
  readonly text: string;
  readonly y: number;
  readonly size: number;
}

/** Text lines of each page, top to bottom: items sharing a baseline joined with their spacing. */
async function pageLines(bytes: Uint8Array): Promise<Line[][]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const byY = new Map<number, { x: number; str: string; size: number }[]>();
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const y = Math.round(item.transform[5]);
        const size = Math.hypot(item.transform[0], item.transform[1]);
        byY.set(y, [...(byY.get(y) ?? []), { x: item.transform[4], str: item.str, size }]);
      }
      pages.push(
        [...byY.entries()]
          .sort((a, b) => b[0] - a[0])
          .map(([y, items]) => {
            const sorted = items.sort((a, b) => a.x - b.x);
            return { y, text: sorted.map((i) => i.str).join(' '), size: Math.max(...sorted.map((i) => i.size)) };
          }),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const filler =
  'Pemerintah daerah menyelenggarakan pelayanan penempatan dan pelindungan bagi calon pekerja migran ' +
  'melalui layanan terpadu satu atap, dengan memperhatikan kebutuhan pelatihan, pemeriksaan kesehatan, ' +
  'dan penyediaan informasi yang benar mengenai jalur penempatan yang sah.';

// Sentences numbered so the test can say exactly where the note breaks without knowing the widths.
const longNote = Array.from({ length: 24 }, (_, i) => `Kalimat catatan nomor ${i + 1} menguraikan praktik penempatan di daerah asal secara rinci.`).join(' ');

const source = parseCorpusSource({
  file: 'continued-note',
  lang: 'id',
  title: 'Uji catatan kaki bersambung',
  author: 'Telaah',
  pageNumbers: { position: 'bottom', first: 1 },
  blocks: [
    // Eleven paragraphs fill about two thirds of page 1, leaving less room than the note needs.
    ...Array.from({ length: 11 }, () => ({ p: filler })),
    // The marker sits mid-paragraph: a paragraph's first line is kept with its second, never split.
    { p: `${filler} Kalimat ini memuat penanda catatan yang panjang.[^1] ${filler}` },
    ...Array.from({ length: 8 }, () => ({ p: filler })),
    { p: 'Halaman kedua memuat catatannya sendiri.[^2]' },
  ],
  notes: { '1': longNote, '2': 'Catatan kedua, pendek.' },
});

describe('renderPdf: a footnote longer than the room under its marker', async () => {
  const bytes = await renderPdf(source);
  const pages = await pageLines(bytes);
  // Foot lines: small type not on a body line's baseline (body markers are small too, but raised
  // within a body line); a note's raised number is a line of its own just above its first line.
  const footOf = (page: number) => {
    const lines = pages[page - 1];
    return lines.filter((l) => l.size < 9 && !lines.some((b) => b.size >= 10 && Math.abs(b.y - l.y) < 6));
  };
  const footText = (page: number) => footOf(page).map((l) => l.text).join(' ');

  it('starts at the foot of the marker page, numbered, and breaks between its first and last sentence', () => {
    expect(footText(1).startsWith('1 Kalimat catatan nomor 1 menguraikan')).toBe(true);
    expect(footText(1)).not.toContain('nomor 24 ');
    expect(footText(2)).toContain('nomor 24 menguraikan');
  });

  it('continues on the next page above that page’s own note, without a number', () => {
    const foot2 = footOf(2);
    expect(foot2[0].text).toMatch(/^[a-z]/);
    const continuation = foot2.findIndex((l) => l.text.includes('nomor 24'));
    const own = foot2.findIndex((l) => l.text === 'Catatan kedua, pendek.');
    expect(continuation).toBeGreaterThanOrEqual(0);
    expect(own).toBeGreaterThan(continuation);
    expect(foot2[own - 1].text).toBe('2');
  });

  it('loses no sentence of the note across the break', () => {
    const joined = `${footText(1)} ${footText(2)}`.replace(/- /g, '');
    for (let i = 1; i <= 24; i++) expect(joined, `sentence ${i}`).toContain(`nomor ${i} menguraikan`);
  });

  it('renders the same bytes twice', async () => {
    expect(Buffer.from(await renderPdf(source)).equals(Buffer.from(bytes))).toBe(true);
  });
});
