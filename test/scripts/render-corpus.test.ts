/**
 * The bundled sample corpus is reproducible and shows what its sources describe: re-rendering
 * corpus/sources/*.yaml gives the committed corpus/*.pdf byte for byte, and the PDFs, read back with
 * pdfjs (legacy build, as the pipeline reads them), carry footnotes at the foot of the page where their
 * marker is and running headers and page numbers where a journal or a regulation prints them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadCorpusSources, renderCorpus } from '../../scripts/render-corpus.js';
import { repoRoot, tempDir } from '../helpers/temp-dir.js';

const corpus = path.join(repoRoot, 'corpus');

interface TextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** Text items of every page (index 0 = page 1) with their baseline position and font size. */
async function pageItems(file: string): Promise<TextItem[][]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: TextItem[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim()
            ? [{ str: item.str, x: item.transform[4], y: item.transform[5], size: Math.hypot(item.transform[0], item.transform[1]) }]
            : [],
        ),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Pages (from 1) on which some item contains `text`. */
function pagesWith(pages: TextItem[][], text: string): number[] {
  return pages.flatMap((items, i) => (items.some((it) => it.str.includes(text)) ? [i + 1] : []));
}

function itemWith(pages: TextItem[][], page: number, text: string): TextItem {
  const found = pages[page - 1].find((it) => it.str.includes(text));
  if (!found) throw new Error(`page ${page} has no text "${text}"`);
  return found;
}

// A4 geometry of scripts/render-pdf.ts: body between y = 72 and y = 770; headers print at y ≈ 798.
const headerBaseline = 841.89 - 44;

describe('renderCorpus', () => {
  it('re-renders every source to the committed PDF, byte for byte', async () => {
    const out = tempDir('render-corpus-');
    const written = await renderCorpus({ outDir: out });

    const committed = readdirSync(corpus).filter((f) => f.endsWith('.pdf')).sort();
    expect(written.map((f) => path.basename(f))).toEqual(committed);
    expect(committed).toEqual(loadCorpusSources().map((s) => `${s.file}.pdf`));
    for (const name of committed) {
      const fresh = readFileSync(path.join(out, name));
      expect(fresh.equals(readFileSync(path.join(corpus, name))), `${name} differs from the committed file`).toBe(true);
    }
  });
});

describe('the Indonesian journal article (artikel-pekerja-migran.pdf)', async () => {
  const pages = await pageItems(path.join(corpus, 'artikel-pekerja-migran.pdf'));

  it('has four pages numbered 141-144 at the foot', () => {
    expect(pages).toHaveLength(4);
    pages.forEach((items, i) => {
      const number = items.find((it) => it.str === String(141 + i));
      expect(number?.y).toBe(40);
    });
  });

  it('prints footnote 8 (the ratifying law) at the foot of page 2, under its marker on the same page', () => {
    const noteText = 'Undang-Undang Nomor 6 Tahun 2012 tentang Pengesahan International Convention';
    expect(pagesWith(pages, noteText)).toEqual([2]);
    const note = itemWith(pages, 2, noteText);
    expect(note.y).toBeLessThan(260);
    expect(note.size).toBe(8.5);
    // The note number is a raised, smaller "8" just left of and above the note's first line.
    const number = pages[1].find((it) => it.str === '8' && it.size < 8.5 && Math.abs(it.y - note.y) < 5);
    expect(number?.x).toBe(72);
    // Its marker in the body, after "secara hukum.", is a raised small 8 on the same page.
    const marker = pages[1].find((it) => it.str === '8' && it.size < 11 && it.y > 300);
    expect(marker).toBeDefined();
  });

  it('runs the journal header on even pages and the authors header on odd pages, not on the first', () => {
    expect(pagesWith(pages, 'Vol. 9 No. 2 (2023)')).toEqual([2, 4]);
    expect(pagesWith(pages, 'Wibisono & Kusumadewa')).toEqual([3]);
    const left = itemWith(pages, 3, 'Wibisono & Kusumadewa');
    expect([left.x, left.y]).toEqual([72, headerBaseline]);
    // Page 1 carries the masthead (centred) instead of a header.
    const masthead = itemWith(pages, 1, 'Volume 9 Nomor 2, Desember 2023');
    expect(masthead.y).toBeLessThan(headerBaseline);
  });
});

describe('the English law-review essay (essay-non-refoulement.pdf)', async () => {
  const pages = await pageItems(path.join(corpus, 'essay-non-refoulement.pdf'));

  it('prints the supra back-reference and the case in the foot of page 1, the page number in the header of page 2', () => {
    // Note 7 reads "Hart, *supra* note 2, at 130-31": the italic word is its own text run.
    expect(pagesWith(pages, 'note 2, at 130-31')).toEqual([1]);
    expect(itemWith(pages, 1, 'note 2, at 130-31').y).toBeLessThan(200);
    expect(pagesWith(pages, 'Sale v. Haitian Ctrs. Council, Inc., 509 U.S. 155 (1993).')).toEqual([1]);
    const header = itemWith(pages, 2, '[Vol. 14:203');
    expect(header.y).toBe(headerBaseline);
    expect(itemWith(pages, 2, '204').y).toBe(headerBaseline);
  });
});

describe('the fictional regional regulation (perda-contoh-perlindungan-pmi.pdf)', async () => {
  const pages = await pageItems(path.join(corpus, 'perda-contoh-perlindungan-pmi.pdf'));

  it('says it is a fictional sample on its first page and numbers later pages "- n -" at the top', () => {
    expect(pagesWith(pages, '(contoh fiktif untuk pengujian)')).toEqual([1]);
    expect(pages[0].some((it) => /^- \d+ -$/.test(it.str))).toBe(false);
    for (let n = 2; n <= pages.length; n++) expect(itemWith(pages, n, `- ${n} -`).y).toBe(headerBaseline);
  });
});
