/**
 * Extraction speed: pages/s of `extractFile` (pdfjs text, line grouping, damaged-stream scan, text
 * quality judgement) against raw pdfjs `getTextContent` over the same PDFs of ../shared/corpus/real,
 * measured in the same run. The ratio is what the extract stage adds on top of pdfjs itself; the
 * pipeline target is ≥ 0.6× raw pdfjs for the whole run, so this stage should stay well above that.
 * Each side runs the corpus twice after a warm-up pass, alternating, to even out JIT and caching.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractFile } from '../../src/extract/extract-file.js';
import { DocumentFailure, Report } from '../../src/message.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.join(here, '../../../shared/corpus/real');
const standardFontDataUrl = path.join(here, '../../node_modules/pdfjs-dist/standard_fonts') + path.sep;

async function rawPdfjs(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, standardFontDataUrl }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

async function viaExtract(name: string, bytes: Uint8Array): Promise<number> {
  try {
    const raw = await extractFile(name, bytes, { minWordShare: 0.5, minCommonWordShare: 0.05 }, new Report(name));
    return raw.pages.length;
  } catch (error) {
    if (error instanceof DocumentFailure) return 0;
    throw error;
  }
}

export async function bench(): Promise<Record<string, number | string>> {
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(corpus, f))) }))
    .filter((f) => f.bytes.length > 0);
  const time = async (fn: (name: string, bytes: Uint8Array) => Promise<number>): Promise<{ pages: number; ms: number }> => {
    const t0 = performance.now();
    let pages = 0;
    for (const f of files) pages += await fn(f.name, f.bytes);
    return { pages, ms: performance.now() - t0 };
  };
  await time((_, bytes) => rawPdfjs(bytes)); // warm-up
  await time(viaExtract);
  const raw = { pages: 0, ms: 0 };
  const ours = { pages: 0, ms: 0 };
  for (let round = 0; round < 2; round++) {
    const r = await time((_, bytes) => rawPdfjs(bytes));
    const o = await time(viaExtract);
    raw.pages += r.pages;
    raw.ms += r.ms;
    ours.pages += o.pages;
    ours.ms += o.ms;
  }
  const rawPagesPerSecond = raw.pages / (raw.ms / 1000);
  const extractPagesPerSecond = ours.pages / (ours.ms / 1000);
  const result = {
    files: files.length,
    pages: raw.pages / 2,
    rawPdfjsPagesPerSecond: Number(rawPagesPerSecond.toFixed(1)),
    extractPagesPerSecond: Number(extractPagesPerSecond.toFixed(1)),
    ratioToRawPdfjs: Number((extractPagesPerSecond / rawPagesPerSecond).toFixed(3)),
  };
  console.log(`raw pdfjs getTextContent: ${result.rawPdfjsPagesPerSecond} pages/s over ${result.files} PDFs (${result.pages} pages)`);
  console.log(`extractFile:              ${result.extractPagesPerSecond} pages/s (${result.ratioToRawPdfjs}× raw pdfjs)`);
  return result;
}
