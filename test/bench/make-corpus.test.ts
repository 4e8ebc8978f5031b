/**
 * bench/make-corpus: the scale benchmark's corpora must be the same bytes for the same seed on any
 * machine, different for another seed, 5–60 pages long, and real input for the pipeline (a generated
 * PDF comes out ok with its footnotes found).
 */
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, type CorpusSummary } from '../../bench/make-corpus.js';
import { planDocument } from '../../bench/templates/plan-document.js';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline, type RunSummary } from '../../src/pipeline.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('make-corpus-');

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function manifest(root: string): Record<string, string>[] {
  const [head, ...rows] = readFileSync(path.join(root, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const keys = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [keys[i], v])));
}

async function pagesOf(file: string): Promise<number> {
  const bytes = readFileSync(file);
  if (file.endsWith('.pdf')) return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  return bytes.toString('utf8').split('\f').length;
}

describe('makeCorpus: deterministic by seed', () => {
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  const other = path.join(dir, 'other');
  let summary: CorpusSummary;

  beforeAll(async () => {
    summary = await makeCorpus({ out: a, count: 5, seed: 7, pdfShare: 0.6 });
    await makeCorpus({ out: b, count: 5, seed: 7, pdfShare: 0.6 });
    await makeCorpus({ out: other, count: 5, seed: 8, pdfShare: 0.6 });
  });

  it('writes the same files with the same bytes for the same seed', () => {
    const files = filesUnder(a);
    expect(files).toEqual(filesUnder(b));
    expect(files).toHaveLength(6); // five documents and MANIFEST.tsv
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
  });

  it('writes different documents for a different seed', () => {
    for (const row of manifest(other)) {
      const mine = path.join(other, row.file);
      const theirs = path.join(a, row.file);
      const same = filesUnder(a).includes(row.file) && readFileSync(theirs).equals(readFileSync(mine));
      expect(same, row.file).toBe(false);
    }
  });

  it('puts documents in numbered folders, PDFs and texts, and lists them in MANIFEST.tsv', () => {
    const rows = manifest(a);
    expect(rows.map((r) => r.file)).toEqual(filesUnder(a).filter((f) => f !== 'MANIFEST.tsv'));
    expect(rows.every((r) => /^0000\/00000\d-(id|en)-(article|statute)\.(pdf|txt)$/.test(r.file))).toBe(true);
    expect(summary.pdfs + summary.texts).toBe(5);
    expect(summary.pdfs).toBe(rows.filter((r) => r.format === 'pdf').length);
    expect(summary.bytes).toBe(rows.reduce((n, r) => n + Number(r.bytes), 0));
  });

  it('makes every document 5–60 pages, as its file shows and its manifest row says', async () => {
    for (const root of [a, other]) for (const row of manifest(root)) {
      const pages = await pagesOf(path.join(root, row.file));
      expect(pages, row.file).toBe(Number(row.pages));
      expect(pages, row.file).toBeGreaterThanOrEqual(5);
      expect(pages, row.file).toBeLessThanOrEqual(60);
    }
  });
});

describe('planDocument: the corpus mix', () => {
  const plans = Array.from({ length: 4000 }, (_, i) => planDocument(3, i, 0.5));

  it('aims at 5–60 pages, about 15 on average', () => {
    const pages = plans.map((p) => p.targetPages);
    expect(Math.min(...pages)).toBe(5);
    expect(Math.max(...pages)).toBeLessThanOrEqual(60);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(40);
    const mean = pages.reduce((n, p) => n + p, 0) / pages.length;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(16);
  });

  it('writes about pdfShare of them as PDF, both languages, statutes only in Indonesian, 100 per folder', () => {
    const share = plans.filter((p) => p.format === 'pdf').length / plans.length;
    expect(share).toBeGreaterThan(0.46);
    expect(share).toBeLessThan(0.54);
    expect(new Set(plans.map((p) => p.lang))).toEqual(new Set(['id', 'en']));
    expect(plans.filter((p) => p.kind === 'statute').every((p) => p.lang === 'id')).toBe(true);
    expect(plans[99].file.startsWith('0000/')).toBe(true);
    expect(plans[100].file.startsWith('0001/')).toBe(true);
    expect(planDocument(3, 42, 0.5)).toEqual(plans[42]);
  });
});

describe('a generated corpus through the real pipeline', () => {
  const corpus = path.join(dir, 'pipeline');
  const database = path.join(dir, 'store.sqlite');
  let run: RunSummary;

  beforeAll(async () => {
    // Seed 8 gives an Indonesian article as PDF, an English one as clean text and one as an extraction.
    await makeCorpus({ out: corpus, count: 3, seed: 8, pdfShare: 0.6 });
    run = await runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 1 });
  });

  it('processes all three documents; the PDF and the extraction-style text come out ok with all their footnotes found', () => {
    expect(run.failed).toBe(0);
    const db = new Database(database, { readonly: true });
    try {
      const rows = db.prepare(`SELECT d.file AS file, d.status AS status, d.pages AS pages, COUNT(f.number) AS footnotes
        FROM documents d LEFT JOIN footnotes f ON f.document = d.id GROUP BY d.id ORDER BY d.file`).all() as { file: string; status: string; pages: number; footnotes: number }[];
      const made = manifest(corpus);
      expect(rows.map((r) => path.relative(corpus, r.file).split(path.sep).join('/'))).toEqual(made.map((m) => m.file));
      const pdf = rows.find((r) => r.file.endsWith('.pdf'))!;
      const pdfRow = made.find((m) => m.format === 'pdf')!;
      expect(pdf.status).toBe('ok');
      expect(pdf.pages).toBe(Number(pdfRow.pages));
      expect(pdf.footnotes).toBe(Number(pdfRow.footnotes));
      // The text written as pdftotext would give it: every per-page footnote block is found too.
      const extractedRow = made.find((m) => m.style === 'extracted')!;
      const extracted = rows.find((r) => r.file.endsWith(extractedRow.file))!;
      expect(extracted.status).toBe('ok');
      expect(extracted.pages).toBe(Number(extractedRow.pages));
      expect(extracted.footnotes).toBe(Number(extractedRow.footnotes));
    } finally {
      db.close();
    }
  });
});
