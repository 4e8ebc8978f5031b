import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/extract-file.js';
import { Report } from '../../src/message.js';
import type { RawDocument } from '../../src/document.js';

const real = new URL('../../../shared/corpus/real/', import.meta.url);
const options = { minWordShare: 0.5 };

async function extractReal(name: string): Promise<{ raw: RawDocument; report: Report }> {
  const report = new Report(name);
  const raw = await extractFile(name, new Uint8Array(readFileSync(new URL(name, real))), options, report);
  return { raw, report };
}

describe('extractFile on real PDFs', () => {
  it('reads a journal page into lines with geometry, markers kept on their lines', async () => {
    const { raw } = await extractReal('article-ji-north-korean-refugee-settlement-jilir.pdf');
    expect(raw.format).toBe('pdf');
    expect(raw.pages).toHaveLength(30);
    const page = raw.pages[2];
    expect(page).toMatchObject({ number: 3, width: 432, height: 648 });
    expect(page.lines.slice(0, 3).map((l) => l.text)).toEqual([
      'MULTILATERAL SOLUTION FOR NORTH KOREAN REFUGEES 55',
      'Koreans9 and, for fiscal years 2005-2008, authorized an annual budget of up',
      'to $20 million for the assistance of North Korean refugees.10',
    ]);
    const line = page.lines[1];
    expect(line.x).toBeCloseTo(53.45, 1);
    expect(line.y).toBeCloseTo(578.88, 1);
    expect(line.fontSize).toBeCloseTo(9.84, 1);
    expect(line.items!.map((i) => i.text).join('')).toBe(line.text);
    expect(line.items![1]).toMatchObject({ text: '9 ', fontSize: 6 });
    expect(page.lines.map((l) => l.text)).toContain('9 Eligibility for North Koreans seeking refugee and asylum status under the NKHRA is defined');
  });

  it('indexes every line in sourceText: lines joined by newline, pages by form feed', async () => {
    const { raw } = await extractReal('uu-6-2012-penjelasan-pengesahan-icrmw.pdf');
    expect(raw.sourceText.split('\f')).toHaveLength(raw.pages.length);
    for (const page of raw.pages) {
      for (const line of page.lines) {
        expect(raw.sourceText.slice(line.sourceStart, line.sourceEnd)).toBe(line.text);
        expect(line.page).toBe(page.number);
      }
      expect(raw.sourceText.slice(page.lines[0].sourceStart, page.lines.at(-1)!.sourceEnd).split('\n')).toEqual(page.lines.map((l) => l.text));
    }
  });

  it('keeps the two columns of an Official Journal page apart', async () => {
    const { raw } = await extractReal('eu-dublin-regulation-604-2013.pdf');
    const texts = raw.pages[1].lines.map((l) => l.text);
    expect(texts).toContain('Furthermore it emphasised that the Dublin system');
    expect(texts).toContain('the Member State responsible as regulated under this');
    expect(raw.info.title).toMatch(/^Regulation \(EU\) No 604\/2013/);
  });

  it('ignores producer boilerplate as a title', async () => {
    const { raw } = await extractReal('article-ji-north-korean-refugee-settlement-jilir.pdf');
    expect(raw.info.title).toBeNull(); // "Microsoft Word - 6.2 draft compile.docx"
  });
});
