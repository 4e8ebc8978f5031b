/**
 * The reviewable things in one document, with their derived status: every machine annotation (keyed by
 * content hash, span, kind and `targetKey`) and every manual code (which exists only as decisions), plus
 * the decisions that no longer meet a target: made on an earlier version of the file (another content
 * hash) or on a span the current run no longer produces. Those are orphaned, shown, never dropped.
 */
import type { DecisionRow, ReviewAnnotation, ReviewDocumentRow, ReviewStore } from '../store/review-store.js';
import { deriveStatus, groupByTarget, targetId, type DerivedStatus } from './derive-status.js';
import type { Viewer } from './review-context.js';
import { targetKey } from './target-key.js';

export interface ReviewTarget {
  /** 'a<annotation id>' for machine annotations, 'm<decision id>' for manual codes. */
  readonly id: string;
  readonly origin: 'machine' | 'manual';
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly annotation: ReviewAnnotation | null;
  readonly derived: DerivedStatus;
}

export interface DocumentTargets {
  readonly targets: ReviewTarget[];
  readonly orphaned: DecisionRow[];
}

export function documentTargets(store: ReviewStore, doc: ReviewDocumentRow, viewer: Viewer): DocumentTargets {
  const sha = doc.sha256 ?? '';
  const decisions = sha ? store.decisions({ sha256: sha }) : [];
  const groups = groupByTarget(decisions);
  const targets: ReviewTarget[] = [];
  const met = new Set<string>();
  for (const a of store.annotations(doc.id)) {
    const key = targetKey(a);
    const id = targetId({ documentSha256: sha, targetKind: a.kind, start: a.start, end: a.end, targetKey: key });
    met.add(id);
    targets.push({ id: `a${a.id}`, origin: 'machine', kind: a.kind, start: a.start, end: a.end, key, annotation: a, derived: deriveStatus(groups.get(id) ?? [], viewer) });
  }
  for (const [id, list] of groups) {
    if (met.has(id)) continue;
    const manual = list.find((d) => d.action === 'manual');
    if (manual) {
      met.add(id);
      const derived = deriveStatus(list, viewer);
      // A manual code its author undid is gone; a blind reviewer does not see others' manual codes.
      const standing = list.some((d) => d.action === 'manual' && !list.some((u) => u.action === 'undo' && u.undoes === d.id));
      if (!standing || (viewer.blind && !derived.byReviewer.size && manual.reviewer !== viewer.reviewer)) continue;
      targets.push({ id: `m${manual.id}`, origin: 'manual', kind: manual.targetKind, start: manual.start, end: manual.end, key: manual.targetKey, annotation: null, derived });
    }
  }
  targets.sort((a, b) => a.start - b.start || b.end - a.end);
  const orphaned = decisions.filter((d) => !met.has(targetId(d)));
  const earlier = store.decisions({ file: doc.file }).filter((d) => d.documentSha256 !== sha);
  return { targets, orphaned: [...earlier, ...orphaned].sort((a, b) => a.id - b.id) };
}

/** Whether each decision still meets its target, for the audit log (documents looked up once each). */
export function orphanedDecisionIds(store: ReviewStore, decisions: readonly DecisionRow[]): Set<number> {
  const docs = store.documentsBySha();
  const live = new Map<string, Set<string>>();
  const orphaned = new Set<number>();
  const groups = groupByTarget(decisions);
  for (const [id, list] of groups) {
    const first = list[0];
    const doc = docs.get(first.documentSha256);
    if (!doc) {
      list.forEach((d) => orphaned.add(d.id));
      continue;
    }
    if (list.some((d) => d.action === 'manual')) continue;
    let ids = live.get(first.documentSha256);
    if (!ids) {
      ids = new Set(store.annotations(doc.id).map((a) => targetId({ documentSha256: first.documentSha256, targetKind: a.kind, start: a.start, end: a.end, targetKey: targetKey(a) })));
      live.set(first.documentSha256, ids);
    }
    if (!ids.has(id)) list.forEach((d) => orphaned.add(d.id));
  }
  return orphaned;
}
