/**
 * The change that turns one annotator's stored rows of a document into its fresh output: the stored
 * rows to delete and the fresh annotations to insert. A row whose annotation is produced again (same
 * kind, span, page, rule and data) is neither: it stays, with its id. A codebook edit changes a few codes
 * among the hundreds a document has, so a re-code writes a few rows instead of rewriting them all with
 * their index entries. Computed in the worker, which has the stored rows at hand, so the single writer
 * only applies it.
 */
import { annotationIdentity, type EncodedAnnotation } from './encoded-annotation.js';

/** A stored row: its id and its content identity (`annotationIdentity`, built by SQLite as it reads the row). */
export interface StoredAnnotationRow {
  readonly id: number;
  readonly identity: string;
}

export interface AnnotationDelta {
  readonly remove: readonly number[];
  readonly insert: readonly EncodedAnnotation[];
}

export function annotationDelta(stored: readonly StoredAnnotationRow[], fresh: readonly EncodedAnnotation[]): AnnotationDelta {
  // Identity → ids: a document may hold the same annotation twice (two rules, one surface), so a list.
  const ids = new Map<string, number[]>();
  for (const row of stored) {
    const same = ids.get(row.identity);
    if (same) same.push(row.id);
    else ids.set(row.identity, [row.id]);
  }
  const insert: EncodedAnnotation[] = [];
  for (const a of fresh) {
    const same = ids.get(annotationIdentity(a));
    if (same?.length) same.shift(); // the oldest row of equal ones stays
    else insert.push(a);
  }
  const remove: number[] = [];
  for (const same of ids.values()) remove.push(...same);
  return { remove: remove.sort((a, b) => a - b), insert };
}
