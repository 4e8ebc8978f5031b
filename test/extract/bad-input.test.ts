import { readFileSync } from 'node:fs';
import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/extract-file.js';
import { DocumentFailure, Report } from '../../src/message.js';
import type { RawDocument } from '../../src/document.js';
import { textPdfObjects, writePdf } from './write-pdf.js';

const real = new URL('../../../shared/corpus/real/', import.meta.url);
const defaults = { minWordShare: 0.5, minCommonWordShare: 0.05 };
const sentence = 'Every migrant worker has the right to protection under the law of the State of employment.';

type Outcome = { status: 'ok' | 'flagged'; raw: RawDocument; report: Report } | { status: 'failed'; rule: string; reason: string; report: Report };

async function run(file: string, bytes: Uint8Array, options: Partial<typeof defaults> & { password?: string; maxPages?: number } = {}): Promise<Outcome> {
  const report = new Report(file);
  try {
    const raw = await extractFile(file, bytes, { ...defaults, ...options }, report);
    return { status: report.flagged ? 'flagged' : 'ok', raw, report };
  } catch (error) {
    if (!(error instanceof DocumentFailure)) throw error;
    return { status: 'failed', rule: error.detail.rule, reason: error.detail.reason, report };
  }
}

async function imagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([300, 400]).drawRectangle({ x: 20, y: 20, width: 200, height: 300, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}

async function textPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([400, 500]).drawText(`${sentence} Page ${i + 1}.`, { x: 20, y: 450, size: 8 });
  return doc.save({ useObjectStreams: false });
}

describe('extractFile on bad PDFs', () => {
  it('fails an empty file as empty', async () => {
    const outcome = await run('empty-zero-byte.pdf', new Uint8Array(readFileSync(new URL('empty-zero-byte.pdf', real))));
    expect(outcome).toMatchObject({ status: 'failed', rule: 'empty-file' });
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/empty \(0 bytes\)/);
  });

  it('fails random bytes named .pdf as not a PDF', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const outcome = await run('random.pdf', bytes);
    expect(outcome).toMatchObject({ status: 'failed', rule: 'not-a-pdf' });
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/^not a PDF/);
  });

  it('fails a truncated PDF as truncated', async () => {
    const whole = await textPdf(3);
    const outcome = await run('cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.4)));
    expect(outcome).toMatchObject({ status: 'failed', rule: 'truncated' });
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/truncated/);
  });

  it('fails a PDF that needs a user password, naming the setting to use', async () => {
    const bytes = writePdf(textPdfObjects([sentence]), { encryption: { userPassword: 'rahasia', ownerPassword: 'owner' } });
    const outcome = await run('locked.pdf', bytes);
    expect(outcome).toMatchObject({ status: 'failed', rule: 'password' });
    if (outcome.status === 'failed') expect(outcome.reason).toContain('set stages.extract.password in the pipeline file or remove it from the input');
  });

  it('opens a password-protected PDF with the configured password, and fails a wrong one', async () => {
    const bytes = writePdf(textPdfObjects([sentence]), { encryption: { userPassword: 'rahasia', ownerPassword: 'owner' } });
    const opened = await run('locked.pdf', bytes, { password: 'rahasia' });
    expect(opened.status).toBe('ok');
    if (opened.status !== 'failed') expect(opened.raw.sourceText).toBe(sentence);
    expect(await run('locked.pdf', bytes, { password: 'salah' })).toMatchObject({ status: 'failed', rule: 'wrong-password' });
  });

  it('extracts a PDF encrypted with only an owner password like any other', async () => {
    const bytes = writePdf(textPdfObjects([sentence, 'Pasal 1 ayat (2) berlaku.']), { encryption: { userPassword: '', ownerPassword: 'owner' } });
    const outcome = await run('owner-only.pdf', bytes);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'failed') expect(outcome.raw.sourceText).toBe(`${sentence}\nPasal 1 ayat (2) berlaku.`);
  });

  it('fails an image-only PDF, saying it has no text layer and suggesting OCR', async () => {
    const outcome = await run('scan.pdf', await imagePdf(2));
    expect(outcome).toMatchObject({ status: 'failed', rule: 'no-text-layer' });
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/no text layer.*ocrmypdf/);
  });

  it('fails a PDF whose only content stream is damaged, naming the damage', async () => {
    const objects = textPdfObjects([sentence, sentence, sentence]);
    const content = objects[3] as { dict: string; stream: Uint8Array };
    const broken = Buffer.from(content.stream);
    for (let i = 2; i < broken.length - 4; i++) broken[i] = 0xff; // keep the zlib header, destroy the data
    objects[3] = { dict: content.dict, stream: broken };
    const outcome = await run('damaged.pdf', writePdf(objects));
    expect(outcome).toMatchObject({ status: 'failed', rule: 'damaged-content' });
    if (outcome.status === 'failed') expect(outcome.reason).toMatch(/4 0 obj: .*little or no text/);
  });

  it('flags the real printout whose content stream fails its checksum, naming damaged content', async () => {
    const name = 'damaged-zlib-stream-zen-of-python-printout.pdf';
    const outcome = await run(name, new Uint8Array(readFileSync(new URL(name, real))));
    expect(outcome.status).toBe('flagged');
    expect(outcome.report.flagged).toBe('1 compressed stream(s) of the PDF are damaged and fail to decompress (5 0 obj: incorrect data check); the text read past the damage may be incomplete or wrong; compare it with the rendered pages or obtain an intact copy');
  });

  it('flags the real article whose fonts have no usable character map as garbled', async () => {
    const name = 'article-brunnee-toope-responsibility-to-protect-garbled-font.pdf';
    const outcome = await run(name, new Uint8Array(readFileSync(new URL(name, real))));
    expect(outcome.status).toBe('flagged');
    expect(outcome.report.messages[0]).toMatchObject({ rule: 'garbled-text', severity: 'warning', expected: '≥ 50%' });
    expect(outcome.report.flagged).toMatch(/^the PDF's text layer is garbled: only \d+% of its \d+ words are recognizable.*ocrmypdf/);
  });

  it('fails a PDF with more pages than limits.maxPages, saying how to raise it', async () => {
    const outcome = await run('long.pdf', await textPdf(3), { maxPages: 2 });
    expect(outcome).toMatchObject({ status: 'failed', rule: 'too-many-pages' });
    if (outcome.status === 'failed') expect(outcome.reason).toContain('raise limits.maxPages in the pipeline file');
    expect((await run('long.pdf', await textPdf(3), { maxPages: 3 })).status).toBe('ok');
  });
});

describe('extractFile on the real corpus', () => {
  const manifest = readFileSync(new URL('MANIFEST.tsv', real), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const good = manifest.filter((row) => row[5] !== 'hard-case').map((row) => row[0]);

  it.each(good)('%s extracts without failure or flag', async (name) => {
    const outcome = await run(name, new Uint8Array(readFileSync(new URL(name, real))));
    expect(outcome.report.messages.filter((m) => m.severity !== 'info' && m.rule !== 'garbled-pages')).toEqual([]);
    expect(outcome.status).toBe('ok');
  });
});
