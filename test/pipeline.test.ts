import Database from 'better-sqlite3';
import { mkdirSync, rmSync, symlinkSync, writeFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../src/config.js';
import { runPipeline, type RunSummary } from '../src/pipeline.js';
import { tempDir } from './helpers/temp-dir.js';

const config = defaultPipeline();
const run = (inputs: string[], database: string) => runPipeline({ config, inputs, database, jobs: 2 });

function rows<T>(database: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(database, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([595, 842]);
  text.split('\n').forEach((line, i) => page.drawText(line, { x: 72, y: 770 - i * 14, size: 11, font }));
  return pdf.save();
}

const ARTICLE = `Perlindungan Pekerja Migran dalam Hukum Internasional

Indonesia telah meratifikasi Konvensi Internasional tentang Perlindungan Hak-Hak Seluruh Pekerja Migran dan Anggota Keluarganya melalui UU No. 6 Tahun 2012. Namun, pelaksanaannya masih menghadapi hambatan.

Pasal 28D ayat (1) UUD NRI 1945 menjamin kepastian hukum yang adil bagi setiap orang.
`;

describe('telaah run: incremental, atomic per document, nothing lost', () => {
  const dir = tempDir('pipeline-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  let first: RunSummary;

  beforeAll(async () => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'artikel.txt'), ARTICLE);
    writeFileSync(path.join(corpus, 'notes.md'), '# Non-refoulement\n\nThe principle of non-refoulement binds every State. It is part of customary international law.\n');
    writeFileSync(path.join(corpus, 'memo.pdf'), await onePagePdf('Refugee protection memo\nThe 1951 Refugee Convention protects refugees.'));
    writeFileSync(path.join(corpus, 'ignored.docx'), 'not an input');
    first = await run([corpus], database);
  });

  it('processes every .pdf, .txt and .md file and nothing else', () => {
    expect(first.ok).toBe(3);
    expect(first.failed).toBe(0);
    const docs = rows<{ file: string; status: string; pages: number }>(database, 'SELECT file, status, pages FROM documents ORDER BY file');
    expect(docs.map((d) => path.basename(d.file))).toEqual(['artikel.txt', 'memo.pdf', 'notes.md']);
    expect(docs.every((d) => d.status === 'ok' && d.pages === 1)).toBe(true);
  });

  it('stores sentences whose spans slice the stored text, and indexes them for search', () => {
    const [{ text }] = rows<{ text: string }>(database, `SELECT t.text FROM document_texts t JOIN documents d ON d.id = t.document WHERE d.file LIKE '%artikel.txt'`);
    const sentences = rows<{ start: number; end: number }>(database, `SELECT s.start, s."end" AS "end" FROM segments s JOIN documents d ON d.id = s.document
      WHERE d.file LIKE '%artikel.txt' AND s.kind = 'sentence' ORDER BY s.idx`);
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    for (const s of sentences) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    const hits = rows<{ text: string }>(database, `SELECT text FROM segments_fts WHERE segments_fts MATCH '"non-refoulement"'`);
    expect(hits.length).toBeGreaterThan(0);
  });

  it('skips unchanged documents on a re-run, doing no extraction', async () => {
    const again = await run([corpus], database);
    expect(again.skipped).toBe(3);
    expect(again.extracted + again.reannotated).toBe(0);
    expect(again.processedPages).toBe(0);
  });

  it('skips a file whose mtime changed but whose content did not', async () => {
    const file = path.join(corpus, 'notes.md');
    utimesSync(file, new Date(), new Date('2030-01-01'));
    const again = await run([corpus], database);
    expect(again.skipped).toBe(3);
  });

  it('replaces a changed file\'s rows atomically, without duplicates', async () => {
    writeFileSync(path.join(corpus, 'notes.md'), '# Non-refoulement\n\nA changed text. It has three sentences. Really.\n');
    const again = await run([corpus], database);
    expect(again.ok).toBe(1);
    expect(again.skipped).toBe(2);
    const docs = rows<{ n: number }>(database, `SELECT COUNT(*) AS n FROM documents WHERE file LIKE '%notes.md'`);
    expect(docs[0].n).toBe(1);
    const sentences = rows<{ text: string }>(database, `SELECT f.text FROM segments_fts f JOIN segments s ON s.id = f.rowid
      JOIN documents d ON d.id = s.document WHERE d.file LIKE '%notes.md' AND s.kind = 'sentence'`);
    expect(sentences.map((s) => s.text)).toContain('A changed text.');
    expect(sentences.map((s) => s.text).join(' ')).not.toContain('customary');
  });

  it('marks a file that disappeared as missing and keeps its rows', async () => {
    rmSync(path.join(corpus, 'memo.pdf'));
    const again = await run([corpus], database);
    expect(again.missing).toBe(1);
    const [memo] = rows<{ status: string; id: number }>(database, `SELECT status, id FROM documents WHERE file LIKE '%memo.pdf'`);
    expect(memo.status).toBe('missing');
    expect(rows(database, 'SELECT 1 FROM segments WHERE document = ?', memo.id).length).toBeGreaterThan(0);
  });

  it('records each run with its configuration and counts', () => {
    const runs = rows<{ status: string; config_json: string; documents_ok: number }>(database, 'SELECT status, config_json, documents_ok FROM runs ORDER BY id');
    expect(runs).toHaveLength(5);
    expect(runs[0].documents_ok).toBe(3);
    expect(JSON.parse(runs[0].config_json).limits.maxPages).toBe(3000);
    expect(runs.every((r) => r.status === 'complete')).toBe(true);
  });
});

describe('bad input: a clear message, nothing lost, the batch goes on', () => {
  const dir = tempDir('bad-input-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  let summary: RunSummary;
  const status = (name: string) =>
    rows<{ status: string; error: string | null }>(database, 'SELECT status, error FROM documents WHERE file = ?', path.join(corpus, name))[0];

  beforeAll(async () => {
    mkdirSync(path.join(corpus, 'nested'), { recursive: true });
    const good = await onePagePdf('A readable page about the 1951 Refugee Convention and non-refoulement.');
    writeFileSync(path.join(corpus, 'good.pdf'), good);
    writeFileSync(path.join(corpus, 'zero.pdf'), new Uint8Array());
    writeFileSync(path.join(corpus, 'truncated.pdf'), good.slice(0, Math.floor(good.length / 3)));
    writeFileSync(path.join(corpus, 'random.pdf'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    // "Pengungsi … café": Windows-1252 bytes (0xE9 is é) that are invalid UTF-8.
    writeFileSync(path.join(corpus, 'cp1252.txt'), Buffer.from('Pengungsi dan pencari suaka di caf\xe9 perbatasan.\r\n', 'latin1'));
    writeFileSync(path.join(corpus, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hak atas suaka dijamin.\r\n', 'utf16le')]));
    writeFileSync(path.join(corpus, 'bom-crlf.txt'), '\uFEFFPasal 1\r\nDalam Undang-Undang ini yang dimaksud dengan keimigrasian.\r\n');
    symlinkSync('..', path.join(corpus, 'nested', 'loop'));
    symlinkSync(path.join(dir, 'nowhere.pdf'), path.join(corpus, 'dangling.pdf'));
    summary = await run([corpus], database);
  });

  it('processes the readable documents', () => {
    expect(status('good.pdf').status).toBe('ok');
    expect(status('cp1252.txt').status).toBe('ok');
    expect(status('utf16.txt').status).toBe('ok');
    expect(status('bom-crlf.txt').status).toBe('ok');
  });

  it('decodes Windows-1252, UTF-16 and BOM + CRLF text', () => {
    const text = (name: string) =>
      rows<{ text: string }>(database, 'SELECT t.text FROM document_texts t JOIN documents d ON d.id = t.document WHERE d.file = ?', path.join(corpus, name))[0].text;
    expect(text('cp1252.txt')).toContain('café');
    expect(text('utf16.txt')).toContain('Hak atas suaka dijamin.');
    expect(text('bom-crlf.txt')).not.toMatch(/\uFEFF|\r/);
  });

  it('fails broken files with a reason and records them', () => {
    expect(status('zero.pdf')).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty/) });
    expect(status('truncated.pdf').status).toBe('failed');
    expect(status('random.pdf')).toMatchObject({ status: 'failed', error: expect.stringMatching(/not a PDF|invalid|damaged/i) });
  });

  it('names every failure in the summary, including a dangling link, and visits a folder loop once', () => {
    const failed = summary.failures.map((f) => path.basename(f.file)).sort();
    expect(failed).toEqual(['dangling.pdf', 'loop', 'random.pdf', 'truncated.pdf', 'zero.pdf']);
    expect(summary.failures.find((f) => f.file.endsWith('dangling.pdf'))!.reason).toMatch(/broken symbolic link/);
    expect(summary.failures.find((f) => f.file.endsWith('loop'))!.reason).toMatch(/folder loop/);
    expect(status('nested/loop')).toMatchObject({ status: 'failed', error: expect.stringMatching(/folder loop/) });
    expect(rows(database, 'SELECT 1 FROM documents').length).toBe(9);
  });
});

describe('a first run', () => {
  it('creates the folder of a store that does not exist yet', async () => {
    const dir = tempDir('first-');
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus', 'a.txt'), 'Pasal 1 mengatur keimigrasian.\n');
    const summary = await runPipeline({ config, inputs: [path.join(dir, 'corpus')], database: path.join(dir, 'new', 'folder', 'telaah.sqlite'), jobs: 1 });
    expect(summary.ok).toBe(1);
  });
});

describe('per-document limits', () => {
  const dir = tempDir('limits-');
  const corpus = path.join(dir, 'corpus');

  it('fails a file above limits.maxFileMegabytes, naming the limit, and processes the rest', async () => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'big.txt'), 'Pasal 1. '.repeat(150_000)); // about 1.3 MB
    writeFileSync(path.join(corpus, 'small.txt'), 'Pasal 1 mengatur keimigrasian.\n');
    const limited = { ...config, limits: { ...config.limits, maxFileMegabytes: 1 } };
    const summary = await runPipeline({ config: limited, inputs: [corpus], database: path.join(dir, 's.sqlite'), jobs: 1 });
    expect(summary.ok).toBe(1);
    expect(summary.failures).toEqual([{ file: path.join(corpus, 'big.txt'), unchanged: false,
      reason: 'the file is 1.3 MB, above limits.maxFileMegabytes (1); raise that limit in the pipeline file to process it' }]);
  });
});
