/**
 * The benchmarks' baseline: pdfjs-dist text extraction alone (getTextContent page by page, the same
 * options the pipeline uses). Returns the pages read and whether the whole file was read; a broken
 * file costs what it costs, as it does in the pipeline. Plain JavaScript, so that benchmark children
 * run on plain Node as the `telaah` command does (no TypeScript loader, no source maps).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const standardFontDataUrl = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'pdfjs-dist', 'standard_fonts') + path.sep;

/** @returns {Promise<{ pages: number, complete: boolean }>} */
export async function rawPdfjsPages(/** @type {string} */ file) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pages = 0;
  try {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, disableFontFace: true, verbosity: 0, standardFontDataUrl }).promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
      pages++;
    }
    await doc.destroy();
    return { pages, complete: true };
  } catch {
    return { pages, complete: false };
  }
}
