/**
 * Turns decision requests from the browser into audit records and appends them in one transaction:
 * checks that the target exists (a current annotation with that content hash, span, kind and key, or a
 * standing manual code), fills in what the record must say on its own (status before and after, the
 * text of the span, the file), and resolves `undo` to the reviewer's latest standing decision.
 * Orphaned targets accept only memos and undos. Errors carry an HTTP status and a reason to show.
 */
import { z } from 'zod';
import type { DecisionRow, NewDecision, ReviewStore } from '../store/review-store.js';
import { deriveStatus } from './derive-status.js';
import { targetKey } from './target-key.js';

export class DecisionError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'DecisionError';
  }
}

// Reviewer names and keys are shown everywhere: printable text only, bounded.
const label = z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]+$/, 'printable text only');

export const decisionRequest = z
  .object({
    targetKind: z.enum(['theme-code', 'instrument-mention', 'reference', 'claim']).or(label),
    documentSha256: z.string().regex(/^[0-9a-f]{16,128}$/i),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    targetKey: label,
    action: z.enum(['accept', 'reject', 'recode', 'memo', 'manual', 'undo']),
    newKey: label.optional(),
    memo: z.string().max(4000).optional(),
    reviewer: label.max(80),
    blind: z.boolean().default(false),
    adjudication: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.end >= r.start, 'end must not be before start');
export type DecisionRequest = z.input<typeof decisionRequest>;

export function recordDecisions(store: ReviewStore, requests: readonly z.infer<typeof decisionRequest>[]): DecisionRow[] {
  const docs = store.documentsBySha();
  const texts = new Map<number, string>();
  const rows: NewDecision[] = [];
  for (const r of requests) {
    const doc = docs.get(r.documentSha256) ?? null;
    const history = store.decisionsForTarget(r.documentSha256, r.targetKind, r.start, r.end, r.targetKey);
    // Earlier requests in the same batch count too (bulk accept of the same target twice).
    const pending = rows.filter((p) => p.documentSha256 === r.documentSha256 && p.targetKind === r.targetKind && p.start === r.start && p.end === r.end && p.targetKey === r.targetKey);
    const viewer = { reviewer: r.reviewer, blind: r.blind };
    const before = deriveStatus(history, viewer);
    const hasManual = history.some((d) => d.action === 'manual' && !history.some((u) => u.action === 'undo' && u.undoes === d.id));
    const machine = doc ? store.annotationsAt(r.documentSha256, r.targetKind, r.start, r.end).some((a) => targetKey(a) === r.targetKey) : false;
    if (['accept', 'reject', 'recode'].includes(r.action) && !machine && !hasManual) {
      throw new DecisionError(doc ? 404 : 409, doc
        ? `no ${r.targetKind} "${r.targetKey}" at ${r.start}–${r.end} in this document; reload the page`
        : 'that document is no longer in the store (its decisions are kept as orphaned); only memos and undo are possible');
    }
    if (r.action === 'manual') {
      if (!doc) throw new DecisionError(404, 'no document with that content hash in the store');
      if (r.targetKind !== 'theme-code') throw new DecisionError(400, 'manual coding applies a theme (targetKind "theme-code")');
      if (r.end === r.start) throw new DecisionError(400, 'select some text to code');
    }
    if (r.action === 'recode' && (!r.newKey || r.newKey === r.targetKey)) throw new DecisionError(400, 'recode needs a newKey different from the current one');
    if (r.action === 'memo' && !r.memo?.trim()) throw new DecisionError(400, 'a memo needs text');
    let undoes: number | null = null;
    if (r.action === 'undo') {
      const last = before.undoable.get(r.reviewer);
      if (!last || pending.length) throw new DecisionError(409, `nothing of ${r.reviewer}'s to undo on this target`);
      undoes = last.id;
    }
    let surface: string | null = null;
    if (doc) {
      if (!texts.has(doc.id)) texts.set(doc.id, store.text(doc.id)?.text ?? '');
      const text = texts.get(doc.id)!;
      if (r.end > text.length) throw new DecisionError(400, `span ${r.start}–${r.end} lies beyond the document's text (${text.length} characters)`);
      surface = text.slice(r.start, Math.min(r.end, r.start + 1000));
    } else {
      surface = history.find((d) => d.surface)?.surface ?? null;
    }
    const row = {
      targetKind: r.targetKind, documentSha256: r.documentSha256, start: r.start, end: r.end, targetKey: r.targetKey,
      reviewer: r.reviewer, action: r.action, newKey: r.action === 'recode' ? r.newKey! : null, memo: r.memo?.trim() || null, undoes,
      blind: r.blind, adjudication: r.adjudication, surface, documentFile: doc?.file ?? history.find((d) => d.documentFile)?.documentFile ?? null,
    };
    const probe: DecisionRow = { ...row, id: Number.MAX_SAFE_INTEGER, previousStatus: null, newStatus: null, createdAt: '' };
    const after = deriveStatus([...history, probe], viewer);
    rows.push({ ...row, previousStatus: before.status, newStatus: after.status });
  }
  return store.appendDecisions(rows);
}
