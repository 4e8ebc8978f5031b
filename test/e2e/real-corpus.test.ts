/**
 * A run over ../shared/corpus/real (24 real PDFs and texts: statutes, treaties, law-review articles and
 * hard cases): every document ends ok except those the MANIFEST marks as hard cases, which end with the
 * specific reason.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline, type RunSummary } from '../../src/pipeline.js';
import { sharedDir, tempDir } from '../helpers/temp-dir.js';

const corpus = path.join(sharedDir, 'corpus', 'real');
const manifest = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [file, sha256, bytes, pages, language, kind] = line.split('\t');
  return { file, sha256, bytes: Number(bytes), pages: pages === 'NA' ? null : Number(pages), language, kind };
});

const hardCaseOutcomes: Record<string, { status: string; reason: RegExp }> = {
  'article-brunnee-toope-responsibility-to-protect-garbled-font.pdf': { status: 'flagged', reason: /garbled|not (recognizable|readable)|character map|OCR/i },
  'damaged-zlib-stream-zen-of-python-printout.pdf': { status: 'flagged', reason: /damaged/i },
  'empty-zero-byte.pdf': { status: 'failed', reason: /empty \(0 bytes\)/ },
};

describe('a run over the real corpus', () => {
  const dir = tempDir('real-');
  const database = path.join(dir, 'real.sqlite');
  let summary: RunSummary;
  let docs: Map<string, { status: string; error: string | null; pages: number; sha256: string; language: string }>;

  beforeAll(async () => {
    summary = await runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 2 });
    const db = new Database(database, { readonly: true });
    docs = new Map((db.prepare('SELECT file, status, error, pages, sha256, language FROM documents').all() as { file: string; status: string; error: string | null; pages: number; sha256: string; language: string }[])
      .map((d) => [path.basename(d.file), d]));
    db.close();
  }, 600_000);

  it('stores every file of the manifest once, with the manifest\'s hash', () => {
    expect(docs.size).toBe(manifest.length);
    for (const m of manifest) expect(docs.get(m.file)?.sha256, m.file).toBe(m.sha256);
  });

  it.each(manifest.filter((m) => m.kind !== 'hard-case').map((m) => [m.file, m]))('%s ends ok with its pages and language', (file, m) => {
    const doc = docs.get(file)!;
    expect(doc.status, `${file}: ${doc.error}`).toBe('ok');
    if (m.pages !== null) expect(doc.pages).toBe(m.pages);
    if (m.language === 'id' || m.language === 'en') expect(doc.language).toBe(m.language);
  });

  it.each(Object.entries(hardCaseOutcomes))('hard case %s ends with its specific reason', (file, outcome) => {
    expect(manifest.find((m) => m.file === file)?.kind).toBe('hard-case');
    const doc = docs.get(file)!;
    expect(doc.status).toBe(outcome.status);
    expect(doc.error).toMatch(outcome.reason);
  });

  it('names the failures in the summary', () => {
    expect(summary.failures.map((f) => path.basename(f.file))).toEqual(['empty-zero-byte.pdf']);
    expect(summary.flaggedDocuments.map((f) => path.basename(f.file)).sort()).toEqual([
      'article-brunnee-toope-responsibility-to-protect-garbled-font.pdf', 'damaged-zlib-stream-zen-of-python-printout.pdf',
    ]);
  });

  it('does no extraction on a re-run', async () => {
    const again = await runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 2 });
    expect(again.extracted).toBe(0);
    expect(again.processedPages).toBe(0);
    // Skipped, unless an annotator's code or data changed in between (then only re-annotated).
    expect(again.skipped + again.reannotated + again.failed).toBe(manifest.length);
  });
});
