/**
 * Work goes to the workers largest file first, so a run with several workers ends on small documents
 * rather than one core finishing a large one alone; the order is the same on every run.
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFile, processingOrder, type PlannedWork } from '../src/plan-run.js';
import type { StoredFileState } from '../src/store/document-writer.js';
import { tempDir } from './helpers/temp-dir.js';

const work = (action: 'full' | 'annotations', file: string, bytes: number): PlannedWork =>
  action === 'full' ? { action, identity: { file, sha256: file, bytes, mtimeMs: 0 } } : { action, identity: { file, sha256: file, bytes, mtimeMs: 0 }, rerun: null };

describe('processingOrder', () => {
  it('puts cheap decisions first, then documents by size, largest first, ties by path', () => {
    const plans: PlannedWork[] = [
      work('full', '/c/a-small.txt', 8_000),
      { action: 'unreadable', file: '/c/loop', reason: 'a directory loop', rule: 'unreadable-input' },
      work('full', '/c/uu-6-2011.pdf', 450_000),
      work('annotations', '/c/harvard.pdf', 541_500),
      work('full', '/c/b-same.txt', 8_000),
    ];
    expect(processingOrder(plans).map((p) => (p.action === 'unreadable' ? p.file : p.identity.file))).toEqual([
      '/c/loop', '/c/harvard.pdf', '/c/uu-6-2011.pdf', '/c/a-small.txt', '/c/b-same.txt',
    ]);
    expect(plans[0].action).toBe('full'); // the input is left as it was
  });
});

describe('planFile', () => {
  const dir = tempDir('plan-');
  const file = path.join(dir, 'a.txt');
  writeFileSync(file, 'Pekerja migran dilindungi.\n');
  const { size, mtimeMs } = statSync(file);
  const stored = (over: Partial<StoredFileState> = {}): StoredFileState => ({
    id: 1, documentId: 'abc', file, sha256: 'f'.repeat(64), bytes: size, mtimeMs, status: 'ok', error: null,
    extractionVersion: 'x1', pipelineVersion: 'p1', pages: 1, annotatorVersions: { instruments: 'i1', themes: 't1' }, ...over,
  });
  const found = { file, bytes: size, mtimeMs };

  it('re-annotates a file whose size and mtime are as stored without reading it, when only an annotator changed', async () => {
    // The stored hash is not the file's: had the planner hashed the file, the plan would be a full run.
    const plan = await planFile(found, stored(), { extraction: 'x1', pipeline: 'p2', annotators: { instruments: 'i1', themes: 't2' } });
    expect(plan).toEqual({ action: 'annotations', identity: { file, sha256: 'f'.repeat(64), bytes: size, mtimeMs }, rerun: ['themes'] });
  });

  it('hashes a file whose mtime changed, and processes it fully when its content did', async () => {
    const plan = await planFile({ ...found, mtimeMs: mtimeMs + 1000 }, stored(), { extraction: 'x1', pipeline: 'p2', annotators: { instruments: 'i1', themes: 't2' } });
    expect(plan.action).toBe('full');
  });
});
