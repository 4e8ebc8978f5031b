/**
 * Hostile and broken inputs through the real pipeline (runPipeline with the bundled pipeline file), all
 * in one batch: each file gets the right outcome (processed, or failed with a reason naming what to
 * do), the batch goes on, and the run is recorded as partial. Cases already covered by
 * test/pipeline.test.ts (zero-byte, truncated and random-bytes PDFs, Windows-1252 "café", UTF-16 LE
 * with BOM, a folder loop, a dangling link) are not repeated here.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline, type RunSummary } from '../../src/pipeline.js';
import { tempDir } from '../helpers/temp-dir.js';
import { textPdfObjects, writePdf } from '../extract/write-pdf.js';
import { brokenXrefPdf, CVE_GLOBAL, cveFontPdf, imageOnlyPdf, prevLoopPdf, selfPrevPdf, SENTENCE, tallPagePdf, tinyItemsPdf } from './hostile-files.js';

const isRoot = process.getuid?.() === 0;
const UTF16_TEXT = 'Pasal 1\nSetiap pekerja migran berhak atas perlindungan hukum.\n';
const WEIRD_NAMES = ['with space.txt', `quote's "double".txt`, 'Undang-Undang 日本語 عربي ελληνικά.md', '-leading-dash.txt', '--help.txt'];

interface Row { file: string; status: string; error: string | null; pages: number; text: string | null }

describe('hostile inputs in one batch', () => {
  const dir = tempDir('hostile-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  const payloadFile = path.join(dir, 'cve-2024-4367-payload-ran');
  let summary: RunSummary;
  let seconds = 0;
  let rows: Map<string, Row>;
  let messages: { file: string; rule: string; severity: string; reason: string }[];
  const doc = (name: string): Row => {
    const row = rows.get(name);
    if (!row) throw new Error(`${name} is not in the store`);
    return row;
  };

  beforeAll(async () => {
    mkdirSync(corpus, { recursive: true });
    const put = (name: string, bytes: Uint8Array | string) => writeFileSync(path.join(corpus, name), bytes);
    put('user-password.pdf', writePdf(textPdfObjects([SENTENCE]), { encryption: { userPassword: 'rahasia', ownerPassword: 'pemilik' } }));
    put('owner-password-only.pdf', writePdf(textPdfObjects([SENTENCE, 'Copying is restricted by an owner password.']), { encryption: { userPassword: '', ownerPassword: 'pemilik' } }));
    put('image-only.pdf', imageOnlyPdf());
    put('tiny-items.pdf', tinyItemsPdf(100_000));
    put('hundred-thousand-lines.pdf', tallPagePdf(100_000));
    put('broken-xref.pdf', brokenXrefPdf());
    put('prev-loop.pdf', prevLoopPdf());
    put('self-prev.pdf', selfPrevPdf());
    put('cve-2024-4367.pdf', cveFontPdf(payloadFile, [SENTENCE, 'The font of this page carries a script in its matrix.']));
    // NUL bytes scattered through UTF-8 text (well under the share that makes a file binary).
    put('nul-bytes.txt', Buffer.from('Pekerja migran\0 dilindungi oleh negara.\nHak atas\0 upah yang layak dijamin.\n'.repeat(20), 'utf8'));
    // Bytes that are not UTF-8: Windows-1252 curly quotes and dashes (0x93, 0x94, 0x96).
    put('windows-1252-quotes.txt', Buffer.from('Lihat \x93Pasal 28D\x94 UUD 1945 \x96 hak atas kepastian hukum.\n', 'latin1'));
    put('invalid-utf8.txt', Buffer.concat([Buffer.from('Perlindungan pekerja migran '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), Buffer.from(' di luar negeri.\n')]));
    put('utf16le-no-bom.txt', Buffer.from(UTF16_TEXT, 'utf16le'));
    put('utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(UTF16_TEXT, 'utf16le').swap16()]));
    for (const name of WEIRD_NAMES) put(name, `${name}\n\nThe State shall protect every migrant worker. This file has an awkward name.\n`);
    // Two file links pointing at each other (ELOOP when opened).
    symlinkSync(path.join(corpus, 'loop-b.pdf'), path.join(corpus, 'loop-a.pdf'));
    symlinkSync(path.join(corpus, 'loop-a.pdf'), path.join(corpus, 'loop-b.pdf'));
    // Root reads chmod-000 files, so an unreadable input is also made as a named pipe: opening it for
    // reading would block forever, the case discovery must not walk into.
    execFileSync('mkfifo', [path.join(corpus, 'named-pipe.pdf')]);
    put('no-permission.txt', 'Nobody but root may read this text about migrant workers.\n');
    chmodSync(path.join(corpus, 'no-permission.txt'), 0o000);

    const started = performance.now();
    summary = await runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 2 });
    seconds = (performance.now() - started) / 1000;
    const db = new Database(database, { readonly: true });
    try {
      const all = db.prepare(`SELECT d.file, d.status, d.error, d.pages, t.text FROM documents d LEFT JOIN document_texts t ON t.document = d.id`).all() as Row[];
      rows = new Map(all.map((r) => [path.relative(corpus, r.file), r]));
      messages = db.prepare('SELECT file, rule, severity, reason FROM messages').all() as typeof messages;
    } finally {
      db.close();
    }
  }, 120_000);

  it('fails a PDF that needs a user password, saying which setting opens it', () => {
    expect(doc('user-password.pdf')).toMatchObject({ status: 'failed', error: expect.stringContaining('password-protected') });
    expect(doc('user-password.pdf').error).toContain('set stages.extract.password in the pipeline file');
  });

  it('reads a PDF with only an owner password like any other', () => {
    expect(doc('owner-password-only.pdf')).toMatchObject({ status: 'ok', pages: 1 });
    expect(doc('owner-password-only.pdf').text).toContain('Copying is restricted by an owner password.');
  });

  it('fails an image-only page as having no text layer, suggesting OCR', () => {
    expect(doc('image-only.pdf')).toMatchObject({ status: 'failed', error: expect.stringMatching(/no text layer.*ocrmypdf/) });
  });

  it('reads a page of 100,000 one-letter items and flags its text as garbled, quickly', () => {
    expect(doc('tiny-items.pdf')).toMatchObject({ status: 'flagged', error: expect.stringMatching(/^the PDF's text layer is garbled/) });
    expect(doc('tiny-items.pdf').text!.replace(/\s/g, '').length).toBe(100_000);
  });

  it('reads a page of 100,000 lines in two columns, keeping every line', () => {
    expect(doc('hundred-thousand-lines.pdf')).toMatchObject({ status: 'ok', pages: 1 });
    expect(doc('hundred-thousand-lines.pdf').text!.match(/\b[a-z]+ \d+\b/gi)!.length).toBe(100_000);
  });

  it('recovers PDFs with a wrong cross-reference table and with looping /Prev trailers', () => {
    expect(doc('broken-xref.pdf')).toMatchObject({ status: 'ok', text: expect.stringContaining('The cross-reference table of this file is wrong.') });
    expect(doc('prev-loop.pdf')).toMatchObject({ status: 'ok', text: expect.stringContaining('The trailers of this file point at each other.') });
    expect(doc('self-prev.pdf')).toMatchObject({ status: 'ok', text: expect.stringContaining('The trailer of this file points at itself.') });
  });

  it('reads the CVE-2024-4367 font without running its payload (no file written)', () => {
    expect(doc('cve-2024-4367.pdf')).toMatchObject({ status: 'ok', text: expect.stringContaining('The font of this page carries a script in its matrix.') });
    expect(existsSync(payloadFile)).toBe(false);
    expect((globalThis as Record<string, unknown>)[CVE_GLOBAL]).toBeUndefined();
  });

  it('removes NUL bytes with a warning that counts them', () => {
    expect(doc('nul-bytes.txt')).toMatchObject({ status: 'ok' });
    expect(doc('nul-bytes.txt').text).not.toContain('\0');
    expect(doc('nul-bytes.txt').text).toContain('Pekerja migran dilindungi oleh negara.');
    expect(messages.find((m) => m.file.endsWith('nul-bytes.txt') && m.rule === 'nul-bytes')).toMatchObject({ severity: 'warning', reason: expect.stringMatching(/^40 NUL character/) });
  });

  it('decodes text that is not UTF-8 as Windows-1252, saying so', () => {
    expect(doc('windows-1252-quotes.txt').text).toContain('Lihat “Pasal 28D” UUD 1945 – hak atas kepastian hukum.');
    expect(doc('invalid-utf8.txt')).toMatchObject({ status: 'ok', text: expect.stringContaining('Perlindungan pekerja migran Ã(\u00a0¡â(¡ di luar negeri.') });
    expect(messages.filter((m) => m.rule === 'windows-1252').map((m) => path.basename(m.file)).sort()).toEqual(['invalid-utf8.txt', 'windows-1252-quotes.txt']);
  });

  it('decodes UTF-16 without a BOM and big-endian UTF-16 with one', () => {
    expect(doc('utf16le-no-bom.txt').text).toContain('Setiap pekerja migran berhak atas perlindungan hukum.');
    expect(doc('utf16be-bom.txt').text).toContain('Setiap pekerja migran berhak atas perlindungan hukum.');
  });

  it('processes files whose names have spaces, quotes, non-Latin letters and leading dashes', () => {
    for (const name of WEIRD_NAMES) {
      expect(doc(name), name).toMatchObject({ status: 'ok', file: path.join(corpus, name) });
      expect(doc(name).text).toContain('The State shall protect every migrant worker.');
    }
  });

  it('records a symbolic link loop, a named pipe and an unreadable file, without hanging', () => {
    expect(doc('loop-a.pdf')).toMatchObject({ status: 'failed', error: 'symbolic link loop; skipped' });
    expect(doc('loop-b.pdf')).toMatchObject({ status: 'failed', error: 'symbolic link loop; skipped' });
    expect(doc('named-pipe.pdf')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^not a regular file \(a named pipe\)/) });
    // Root may read a chmod-000 file, so there it is simply processed; anyone else gets EACCES.
    if (isRoot) expect(doc('no-permission.txt').status).toBe('ok');
    else expect(doc('no-permission.txt')).toMatchObject({ status: 'failed', error: expect.stringContaining('EACCES') });
  });

  it('goes on with the batch, names every failure, and records the run as partial', () => {
    const failed = ['image-only.pdf', 'loop-a.pdf', 'loop-b.pdf', 'named-pipe.pdf', 'user-password.pdf', ...(isRoot ? [] : ['no-permission.txt'])];
    expect(summary.failures.map((f) => path.relative(corpus, f.file)).sort()).toEqual(failed.sort());
    expect(summary.failed).toBe(failed.length);
    expect(summary.flagged).toBe(1);
    expect(summary.ok).toBe(rows.size - failed.length - 1);
    const db = new Database(database, { readonly: true });
    try {
      expect(db.prepare('SELECT status FROM runs').all()).toEqual([{ status: 'partial' }]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('takes seconds, not minutes, for the whole batch', () => {
    expect(seconds).toBeLessThan(60);
  });
});
