import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layOutFile } from './lay-out-file.js';

describe('the long seed article typeset as a PDF', async () => {
  const gold = JSON.parse(readFileSync('../shared/gold/000_a8b5b348252ec0f7.pdf.gold.json', 'utf8')) as { footnotes: { number: number; text: string }[] };
  const { laid, body, note, raw } = await layOutFile('../shared/corpus/derived/000_a8b5b348252ec0f7.pdf');

  it('separates every footnote with its gold text, the one continued over a page joined', () => {
    expect(laid.footnotes.map((f) => f.number)).toEqual(gold.footnotes.map((f) => f.number));
    for (const g of gold.footnotes) expect(note(g.number)!.text.replace(/\s+/g, ' ')).toBe(g.text);
    expect(note(7)!.page).toBe(2);
  });

  it('links a superscript marker to every note and removes it from the word', () => {
    expect(new Set(laid.markers.filter((m) => m.linked).map((m) => m.number))).toEqual(new Set(gold.footnotes.map((f) => f.number)));
    for (const m of laid.markers) expect(raw.sourceText.slice(m.sourceStart, m.sourceEnd)).toBe(String(m.number));
    expect(body.join('\n')).toContain('opini politik. Negara-negara');
    expect(body.join('\n')).toContain('migran. Namun, mobilitas');
  });

  it('removes the running head and page numbers from the body and keeps them as page metadata', () => {
    for (const p of body) expect(p).not.toContain('Penerapan Hukum Internasional dalam Kasus Migrasi Massal');
    expect(laid.pages[1].header).toEqual(['Penerapan Hukum Internasional dalam Kasus Migrasi Massal']);
    expect(laid.pages[1].label).toBe('2');
    // The paragraph runs on over the page end, past the notes and the next running head.
    expect(body.join('\n')).toContain('penegakan hukum dengan menjunjung tinggi nilai-nilai martabat');
  });

  it('mends split reduplications and the spaced-hyphen artefact', () => {
    const all = body.join('\n');
    expect(all).toContain('antara negara-negara asal');
    expect(all).toContain('hak-hak pengungsi');
    expect(all).not.toMatch(/\p{L}- \p{L}+-/u);
  });
});

describe('named real PDFs', () => {
  it('Harvard Law Review article: alternating running heads and page numbers gone, note 61 on page 10', async () => {
    const { laid, body, note } = await layOutFile('../shared/corpus/real/article-das-immigration-detention-harvard-lr.pdf');
    expect(note(61)).toEqual({ page: 10, text: 'See infra pp. 1210–11.' });
    for (const p of body) {
      expect(p).not.toMatch(/HARVARD LAW REVIEW|\[Vol\. 138:1186/);
      expect(p).not.toMatch(/(?:^|\n)\d{4}$/);
    }
    expect(laid.pages[9].label).toBe('1195');
    expect(laid.footnotes.length).toBeGreaterThan(500);
  });

  it('Indonesian statute: "- 5 -" page numbers and "kepada . . ." catchwords are furniture, not body', async () => {
    const { laid, body } = await layOutFile('../shared/corpus/real/uu-6-2011-keimigrasian.pdf');
    expect(laid.pages[4]).toMatchObject({ label: '5', header: ['- 5 -'], footer: ['34. Ruang . . .'] });
    for (const p of body) {
      expect(p).not.toMatch(/- \d{1,3} -/);
      expect(p).not.toMatch(/\S \. \. \./);
    }
  });
});
