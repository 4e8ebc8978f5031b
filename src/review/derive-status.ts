/**
 * The current status of a review target, derived from its append-only decisions (oldest first): undo
 * records cancel the decision they name; memos never change a status. Each reviewer has a status of their
 * own (their latest standing decision); the shared status is the latest standing adjudication if there is
 * one, else the latest standing decision by anyone. A blind reviewer sees only their own.
 */
import type { DecisionRow } from '../store/review-store.js';

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'recoded';

export interface ReviewerStatus {
  readonly status: ReviewStatus;
  /** The theme (or key) a recode chose. */
  readonly newKey: string | null;
  readonly decision: DecisionRow;
}

export interface DerivedStatus {
  readonly status: ReviewStatus;
  readonly newKey: string | null;
  readonly byReviewer: ReadonlyMap<string, ReviewerStatus>;
  readonly adjudicated: boolean;
  readonly memos: readonly DecisionRow[];
  /** The decision an `undo` by this reviewer would cancel, per reviewer. */
  readonly undoable: ReadonlyMap<string, DecisionRow>;
}

const STATUS_OF: Partial<Record<DecisionRow['action'], ReviewStatus>> = {
  accept: 'accepted', reject: 'rejected', recode: 'recoded', manual: 'accepted',
};

export function statusOfAction(action: DecisionRow['action']): ReviewStatus | null {
  return STATUS_OF[action] ?? null;
}

export function deriveStatus(decisions: readonly DecisionRow[], viewer?: { reviewer: string; blind: boolean }): DerivedStatus {
  const undone = new Set<number>();
  for (const d of decisions) if (d.action === 'undo' && d.undoes !== null) undone.add(d.undoes);
  const standing = decisions.filter((d) => !undone.has(d.id) && d.action !== 'undo');
  const byReviewer = new Map<string, ReviewerStatus>();
  const undoable = new Map<string, DecisionRow>();
  let shared: DecisionRow | null = null;
  let adjudication: DecisionRow | null = null;
  for (const d of standing) {
    undoable.set(d.reviewer, d);
    const status = statusOfAction(d.action);
    if (!status) continue;
    if (d.adjudication) adjudication = d;
    else byReviewer.set(d.reviewer, { status, newKey: d.newKey, decision: d });
    shared = d;
  }
  const memos = standing.filter((d) => d.memo);
  if (viewer?.blind) {
    const own = byReviewer.get(viewer.reviewer);
    const ownOnly = new Map(own ? [[viewer.reviewer, own]] : []);
    return {
      status: own?.status ?? 'pending', newKey: own?.newKey ?? null, byReviewer: ownOnly, adjudicated: false,
      memos: memos.filter((m) => m.reviewer === viewer.reviewer), undoable,
    };
  }
  const winner = adjudication ?? shared;
  return {
    status: winner ? (statusOfAction(winner.action) ?? 'pending') : 'pending',
    newKey: winner?.newKey ?? null,
    byReviewer, adjudicated: adjudication !== null, memos, undoable,
  };
}

/** Groups decisions by their target identity. */
export function targetId(t: { documentSha256: string; targetKind: string; start: number; end: number; targetKey: string }): string {
  return `${t.documentSha256}|${t.targetKind}|${t.start}|${t.end}|${t.targetKey}`;
}

export function groupByTarget(decisions: readonly DecisionRow[]): Map<string, DecisionRow[]> {
  const map = new Map<string, DecisionRow[]>();
  for (const d of decisions) {
    const id = targetId(d);
    const list = map.get(id);
    if (list) list.push(d);
    else map.set(id, [d]);
  }
  return map;
}
