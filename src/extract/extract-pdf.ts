/**
 * PDF extraction with pdfjs: bytes → RawDocument with one RawLine per visual line and its geometry.
 *
 * Takes the file's bytes and the extract options; returns pages numbered from 1 with their size in
 * points and lines top to bottom (see group-lines.ts for how items become lines). Problems that stop
 * the document (not a PDF, truncated, password, too many pages, no text layer, damaged content) go
 * through `report.fail` with a reason that says what to do next. The pdfjs document is always
 * destroyed, also on failure, so a long-lived worker does not leak memory.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RawDocument } from '../document.js';
import type { Report } from '../message.js';
import { assemblePages, type PageDraft } from './assemble-pages.js';
import { describeDamagedStreams, type DamagedStream } from './find-damaged-streams.js';
import { groupLines, type PositionedText } from './group-lines.js';
import { pdfTitle } from './pdf-title.js';
import type { ExtractOptions } from './options.js';

const SOURCE = 'extract-pdf';
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs in Node reads these through the file system; the trailing separator is required. */
const standardFontDataUrl = path.join(pdfjsRoot, 'standard_fonts') + path.sep;
const cMapUrl = path.join(pdfjsRoot, 'cmaps') + path.sep;

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
const loadPdfjs = (): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export interface PdfExtraction {
  readonly raw: RawDocument;
  /** Pages whose text could not be read at all (getTextContent threw), from 1. */
  readonly unreadablePages: readonly number[];
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow some junk bytes; readers accept it within the first KB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 2048);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.length - from).toString('latin1').includes('%%EOF');
}

export async function extractPdf(
  file: string,
  bytes: Uint8Array,
  options: ExtractOptions & { maxPages?: number },
  report: Report,
  damagedStreams: readonly DamagedStream[] = [],
): Promise<PdfExtraction> {
  if (!hasPdfHeader(bytes)) {
    report.fail('extract', SOURCE, 'not-a-pdf', 'not a PDF: the file has no %PDF- header (it may be another format renamed to .pdf); convert it to PDF or remove it from the input');
  }
  const truncated = !hasEndMarker(bytes);
  const { getDocument } = await loadPdfjs();
  // pdfjs may detach the buffer it is given; hand it a copy so the caller's bytes stay intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    password: options.password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy | null = null;
  try {
    try {
      doc = await task.promise;
    } catch (error) {
      failOpen(error, truncated, options, report);
    }
    return await readDocument(file, doc, truncated, damagedStreams, options, report);
  } finally {
    await (doc ? doc.destroy() : task.destroy()).catch(() => undefined);
  }
}

function failOpen(error: unknown, truncated: boolean, options: ExtractOptions, report: Report): never {
  const name = (error as { name?: string } | null)?.name;
  const code = (error as { code?: number } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    if (code === 2 || options.password) {
      report.fail('extract', SOURCE, 'wrong-password', 'the PDF is password-protected and stages.extract.password does not open it; correct the password in the pipeline file or remove the file from the input');
    }
    report.fail('extract', SOURCE, 'password', 'the PDF is password-protected (it needs a password to open); set stages.extract.password in the pipeline file or remove it from the input');
  }
  if (truncated) {
    report.fail('extract', SOURCE, 'truncated', `the PDF is truncated or damaged (no %%EOF end marker, and it cannot be opened: ${detail}); download or copy the file again`);
  }
  report.fail('extract', SOURCE, 'unreadable-pdf', `the PDF cannot be opened (${detail}); it is damaged; repair it (e.g. qpdf or "Save as PDF" again) or remove it from the input`);
}

async function readDocument(
  file: string,
  doc: PDFDocumentProxy,
  truncated: boolean,
  damagedStreams: readonly DamagedStream[],
  options: ExtractOptions & { maxPages?: number },
  report: Report,
): Promise<PdfExtraction> {
  const numPages = doc.numPages;
  if (options.maxPages !== undefined && numPages > options.maxPages) {
    report.fail('extract', SOURCE, 'too-many-pages', `the PDF has ${numPages} pages, more than limits.maxPages (${options.maxPages}); raise limits.maxPages in the pipeline file to process it, or split the file`);
  }
  const drafts: PageDraft[] = [];
  const unreadablePages: number[] = [];
  for (let n = 1; n <= numPages; n++) {
    let page;
    try {
      page = await doc.getPage(n);
    } catch (error) {
      unreadablePages.push(n);
      drafts.push({ number: n, lines: [] });
      void error;
      continue;
    }
    const [x0, y0, x1, y1] = page.view;
    try {
      const content = await page.getTextContent();
      const items = content.items.filter((i) => 'str' in i) as PositionedText[];
      drafts.push({ number: n, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), lines: groupLines(items) });
    } catch {
      unreadablePages.push(n);
      drafts.push({ number: n, width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), lines: [] });
    } finally {
      page.cleanup();
    }
  }
  if (unreadablePages.length === numPages && numPages > 0) {
    if (truncated) {
      report.fail('extract', SOURCE, 'truncated', 'the PDF is truncated (no %%EOF end marker) and none of its pages can be read; download or copy the file again');
    }
    const damage = damagedStreams.length ? `${describeDamagedStreams(damagedStreams)}, and` : 'the PDF is damaged:';
    report.fail('extract', SOURCE, 'damaged-content', `${damage} none of its pages' content can be read, so little or no text could be extracted; obtain an intact copy of the file, or repair it (e.g. print it to a new PDF)`);
  }
  if (unreadablePages.length) {
    report.warn('extract', SOURCE, truncated ? 'truncated' : 'damaged-pages', `${unreadablePages.length} of ${numPages} pages could not be read (pages ${unreadablePages.join(', ')})${truncated ? '; the file is truncated (no %%EOF end marker)' : ''}; their text is missing; obtain an intact copy of the file`);
  } else if (truncated) {
    report.info('extract', SOURCE, 'no-end-marker', 'the PDF has no %%EOF end marker (it may be truncated), but all pages were read');
  }
  const { sourceText, pages } = assemblePages(drafts);
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const xmpTitle = meta?.metadata?.get('dc:title') ?? null;
  const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : null;
  return {
    raw: { file, format: 'pdf', sourceText, pages, info: { title: pdfTitle(info.Title, xmpTitle), author } },
    unreadablePages,
  };
}
