/**
 * What processing one file yields, sent from a worker thread to the single store writer: either a
 * full document (extracted, laid out, segmented, annotated), annotations only (re-annotation of a
 * stored document after an annotator changed), or a failure with its messages.
 */
import type { Language, LaidOutText, Segment, SourceFormat } from './document.js';
import type { AnnotationCount, EncodedAnnotation } from './store/encoded-annotation.js';
import type { Message } from './message.js';

export type DocumentStatus = 'ok' | 'flagged' | 'failed' | 'missing';

export interface FileIdentity {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly mtimeMs: number;
}

export interface ProcessedDocument extends FileIdentity {
  readonly mode: 'full' | 'annotations';
  readonly format: SourceFormat;
  readonly status: Exclude<DocumentStatus, 'missing'>;
  readonly error: string | null;
  readonly title: string | null;
  readonly language: Language;
  readonly pageCount: number;
  readonly layout: LaidOutText | null;
  readonly segments: { readonly paragraphs: readonly Segment[]; readonly sentences: readonly Segment[] } | null;
  /** The annotations to insert, encoded in the worker (all of them, but in a re-run: only the new ones). */
  readonly annotations: readonly EncodedAnnotation[];
  /**
   * In mode 'annotations' with `rerun`: per re-run annotator, its version and the ids of its stored rows
   * that its fresh output no longer has; its other stored rows are kept as they are (same ids).
   */
  readonly replaced?: readonly {
    readonly source: string;
    readonly version: string;
    readonly remove: readonly number[];
    /** Its output (versions included) is the stored one: nothing of it is written, counts included. */
    readonly unchanged?: boolean;
  }[];
  /**
   * The document's annotation counts for every annotator that ran (all of them, or the re-run ones),
   * replacing those annotators' stored counts; counted from the whole output, not only the new rows.
   */
  readonly annotationCounts?: readonly AnnotationCount[];
  /**
   * `outputDigest` of each annotator, the document's whole set: in mode 'annotations' with `rerun`, the
   * re-run annotators' fresh digests and the others' as stored.
   */
  readonly outputDigests?: Readonly<Record<string, string>>;
  readonly messages: readonly Message[];
  readonly extractionVersion: string;
  readonly pipelineVersion: string;
  /** Effective version of each annotator whose output the document now holds. */
  readonly annotatorVersions: Readonly<Record<string, string>>;
  /** In mode 'annotations': the annotators re-run (their stored output is replaced); null = all. */
  readonly rerun: readonly string[] | null;
  /** Milliseconds spent in the worker, by stage. */
  readonly timings: Readonly<Record<string, number>>;
}
