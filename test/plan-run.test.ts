/**
 * Work goes to the workers largest file first, so a run with several workers ends on small documents
 * rather than one core finishing a large one alone; the order is the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { processingOrder, type PlannedWork } from '../src/plan-run.js';

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
