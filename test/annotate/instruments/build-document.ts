/**
 * Test and evaluation helper: builds a TelaahDocument the way the pipeline does, by running the real
 * stages from src/ (extractFile → layOut → segmentDocument), so the annotators are exercised on what
 * the other stages really produce. `documentFromText` writes nothing to disk: it feeds the bytes of a
 * .txt file to the extractor directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Annotation, TelaahDocument } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { extractFile } from '../../../src/extract/extract-file.js';
import { extractOptions } from '../../../src/extract/options.js';
import { layOut } from '../../../src/layout/lay-out.js';
import { layoutOptions } from '../../../src/layout/options.js';
import { segmentDocument } from '../../../src/segment/segment-document.js';
import { segmentOptions } from '../../../src/segment/options.js';

export const REGISTRY_DIR = path.resolve(import.meta.dirname, '../../../pipelines/registry');

export async function documentFromBytes(file: string, bytes: Uint8Array, annotations: readonly Annotation[] = []): Promise<TelaahDocument> {
  const report = new Report(path.basename(file));
  const raw = await extractFile(file, bytes, extractOptions.parse({}), report);
  const laid = layOut(raw, layoutOptions.parse({}), report);
  const seg = segmentDocument(laid, segmentOptions.parse({}), report);
  return {
    ...laid,
    id: path.basename(file).replace(/\.[^.]+$/, ''),
    file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: raw.format,
    title: raw.info.title ?? null,
    language: seg.language,
    pageCount: raw.pages.length,
    segments: { paragraphs: seg.paragraphs, sentences: seg.sentences },
    annotations,
  };
}

export function documentFromText(text: string, name = 'case.txt'): Promise<TelaahDocument> {
  return documentFromBytes(name, new TextEncoder().encode(text));
}

export function documentFromFile(file: string): Promise<TelaahDocument> {
  return documentFromBytes(file, readFileSync(file));
}
