/**
 * The one shape of an annotator: `create(options)` reads its options once and returns the function
 * that runs per document. The id and version are stored with everything it produces, so each row in
 * the store is traceable to the rule and version that made it. Annotators run in order and see the
 * annotations of the ones before them in `doc.annotations` (claims read instrument mentions, themes
 * read instruments, citations read footnotes).
 */
import type { Annotation, TelaahDocument } from '../document.js';
import type { Report } from '../message.js';

export type AnnotateFn = (doc: TelaahDocument, report: Report) => readonly Annotation[];

export interface AnnotatorDefinition<O> {
  readonly id: string;
  readonly version: string;
  /**
   * The annotators whose annotations it reads from `doc.annotations` (they run before it). Its effective
   * version includes theirs, and a re-run from the store hands it only their stored annotations.
   */
  readonly reads: readonly string[];
  create(options: O): AnnotateFn;
}
