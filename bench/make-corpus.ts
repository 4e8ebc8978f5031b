/**
 * `npx tsx bench/make-corpus.ts --out DIR --count N [--seed S] [--pdf-share 0.5]`: writes N realistic
 * documents for the scale benchmark (issue 9): Indonesian and English journal articles and Indonesian
 * statutes, 5–60 pages (mean about 15), with footnotes (Ibid., Op. cit.), running headers, statute
 * citations and instruments, all from the templates in bench/templates/*.yaml. A `pdfShare` of them
 * are PDFs typeset by scripts/render-pdf.ts; the rest are .txt, most in the style of a PDF text
 * extraction (page headers, per-page footnote blocks, form feeds), some as clean word-processor text.
 * Files go 100 to a folder (DIR/0000/000042-id-article.pdf …) with DIR/MANIFEST.tsv listing them.
 *
 * Guarantees: deterministic by seed — the same (seed, index) gives the same bytes on any machine, and
 * document i does not depend on the count, so a 1,000-document corpus is the start of the 10,000 one;
 * streaming — one document is generated, written and dropped before the next, so memory does not
 * grow with N. `makeCorpus` returns counts and generation rates (documents/s, MB/s, time in PDF
 * rendering).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { parseCorpusSource } from '../scripts/corpus-source.js';
import { renderPdf } from '../scripts/render-pdf.js';
import { composeDocument } from './templates/compose-document.js';
import { loadTemplates, type Templates } from './templates/load-templates.js';
import { MAX_PAGES, MIN_PAGES, planDocument, type DocumentPlan } from './templates/plan-document.js';
import { seededRandom } from './templates/seeded-random.js';
import { writePlainText } from './templates/write-plain-text.js';

export interface MakeCorpusOptions {
  readonly out: string;
  readonly count: number;
  readonly seed?: number;
  /** Share of documents written as PDF, 0–1; the rest are plain text. */
  readonly pdfShare?: number;
  /** Folder of shared.yaml, id.yaml, en.yaml (default: bench/templates). */
  readonly templatesDir?: string;
  readonly onDocument?: (document: GeneratedDocument) => void;
}

export interface GeneratedDocument {
  readonly plan: DocumentPlan;
  readonly title: string;
  readonly pages: number;
  readonly bytes: Uint8Array;
  readonly footnotes: number;
}

export interface CorpusSummary {
  readonly documents: number;
  readonly pdfs: number;
  readonly texts: number;
  readonly pages: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly documentsPerSecond: number;
  readonly megabytesPerSecond: number;
  /** Seconds spent typesetting PDFs (renderPdf and counting their pages), part of `seconds`. */
  readonly pdfSeconds: number;
  /** CPU seconds of this process while generating: less disturbed than wall time on a shared machine. */
  readonly cpuSeconds: number;
}

// PDF typesetting is about 90% of generation time (measured on 200 documents: 25.7 documents per
// CPU-second at 0.5, 34.4 at 0.3), so 10,000 documents take about 6.5 CPU-minutes at 0.5, the share
// bench/cases/scale.ts uses, and about 5 at 0.3. On a busy machine wall time is a multiple of that.
export const DEFAULT_PDF_SHARE = 0.5;

// Characters of text and notes per page, measured on the renderer's A4 page (11 pt Times, notes at
// 8.5 pt): articles about 3,300; statutes, with centred headings and short ayat, about 1,900.
const CHARS_PER_PAGE = { article: 3_300, statute: 1_900 } as const;
const ATTEMPTS = 4;

async function pdfPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

/**
 * Generates one planned document. The length is aimed by a character budget; if the result falls
 * outside 5–60 pages (rare: a page is not a fixed number of characters) the budget is scaled and the
 * same content is drawn again with the same seed, so the outcome stays deterministic.
 */
export async function makeDocument(plan: DocumentPlan, templates: Templates): Promise<GeneratedDocument> {
  let budget = plan.targetPages * CHARS_PER_PAGE[plan.kind];
  for (let attempt = 0; ; attempt++) {
    const source = parseCorpusSource(composeDocument(plan, templates, seededRandom(plan.seed), budget), plan.file);
    let bytes: Uint8Array;
    let pages: number;
    if (plan.format === 'pdf') {
      bytes = await renderPdf(source);
      pages = await pdfPages(bytes);
    } else {
      const written = writePlainText(source, plan.textStyle ?? 'extracted', templates.languages[plan.lang].labels.notes);
      bytes = Buffer.from(written.text, 'utf8');
      pages = written.pages;
    }
    if ((pages >= MIN_PAGES && pages <= MAX_PAGES) || attempt + 1 >= ATTEMPTS) {
      if (pages < MIN_PAGES || pages > MAX_PAGES) throw new Error(`${plan.file}: ${pages} pages after ${ATTEMPTS} attempts (wanted ${MIN_PAGES}–${MAX_PAGES})`);
      return { plan, title: source.title, pages, bytes, footnotes: Object.keys(source.notes).length };
    }
    const aim = Math.min(MAX_PAGES - 2, Math.max(MIN_PAGES + 1, plan.targetPages));
    budget = Math.round((budget * aim) / pages);
  }
}

export async function makeCorpus(options: MakeCorpusOptions): Promise<CorpusSummary> {
  const { out, count } = options;
  const seed = options.seed ?? 1;
  const pdfShare = options.pdfShare ?? DEFAULT_PDF_SHARE;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${count}`);
  if (!(pdfShare >= 0 && pdfShare <= 1)) throw new Error(`pdfShare must be between 0 and 1, got ${pdfShare}`);
  const templates = loadTemplates(options.templatesDir);
  mkdirSync(out, { recursive: true });
  const manifest = openSync(path.join(out, 'MANIFEST.tsv'), 'w');
  writeSync(manifest, 'file\tlang\tkind\tformat\tstyle\tpages\tfootnotes\tbytes\ttitle\n');
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let pdfMs = 0;
  let pdfs = 0;
  let pages = 0;
  let bytes = 0;
  let folder = '';
  try {
    for (let index = 0; index < count; index++) {
      const plan = planDocument(seed, index, pdfShare);
      const t = performance.now();
      const doc = await makeDocument(plan, templates);
      if (plan.format === 'pdf') {
        pdfMs += performance.now() - t;
        pdfs++;
      }
      const file = path.join(out, ...plan.file.split('/'));
      if (path.dirname(file) !== folder) mkdirSync((folder = path.dirname(file)), { recursive: true });
      writeFileSync(file, doc.bytes);
      writeSync(manifest, [plan.file, plan.lang, plan.kind, plan.format, plan.textStyle ?? '', doc.pages, doc.footnotes, doc.bytes.length, doc.title].join('\t') + '\n');
      pages += doc.pages;
      bytes += doc.bytes.length;
      options.onDocument?.(doc);
    }
  } finally {
    closeSync(manifest);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    documents: count, pdfs, texts: count - pdfs, pages, bytes, seconds,
    documentsPerSecond: count / seconds, megabytesPerSecond: bytes / 1e6 / seconds, pdfSeconds: pdfMs / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

function argument(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = argument(args, '--out');
  const count = Number(argument(args, '--count'));
  if (!out || !Number.isInteger(count)) {
    console.error('usage: npx tsx bench/make-corpus.ts --out DIR --count N [--seed S] [--pdf-share 0.5]');
    process.exit(2);
  }
  const seed = Number(argument(args, '--seed') ?? 1);
  const pdfShare = Number(argument(args, '--pdf-share') ?? DEFAULT_PDF_SHARE);
  const every = Math.max(1, Math.round(count / 20));
  let done = 0;
  const s = await makeCorpus({
    out, count, seed, pdfShare,
    onDocument: () => {
      if (++done % every === 0) process.stderr.write(`\r${done}/${count} documents`);
    },
  });
  process.stderr.write('\n');
  console.log(`wrote ${s.documents} documents (${s.pdfs} PDF, ${s.texts} text), ${s.pages} pages, ${(s.bytes / 1e6).toFixed(1)} MB to ${out} in ${s.seconds.toFixed(1)} s`);
  console.log(`${s.documentsPerSecond.toFixed(1)} documents/s, ${s.megabytesPerSecond.toFixed(2)} MB/s, ${(s.pages / s.seconds).toFixed(0)} pages/s; ` +
    `PDF typesetting ${(s.pdfSeconds / Math.max(s.seconds, 1e-9) * 100).toFixed(0)}% of the time; ${s.cpuSeconds.toFixed(1)} CPU-s (${(s.documents / s.cpuSeconds).toFixed(1)} documents per CPU-s)`);
}
