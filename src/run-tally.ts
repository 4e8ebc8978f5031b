/**
 * The running account of one `telaah run`: counts by status, the failed and flagged documents with
 * their reasons, and how many documents were extracted, re-annotated or skipped. It becomes the run's
 * summary and the counts stored with the run.
 */
import type { RunCounts } from './store/runs.js';
import type { ProcessedDocument } from './processed-document.js';
import type { StoredFileState } from './store/document-writer.js';

export interface RunTallyResult extends RunCounts {
  readonly failures: { file: string; reason: string; unchanged: boolean }[];
  readonly flaggedDocuments: { file: string; reason: string }[];
  /** Pages of the documents extracted in this run (not skipped, not only re-annotated). */
  readonly processedPages: number;
  /** Documents extracted from their files in this run, and documents only re-annotated from the store. */
  readonly extracted: number;
  readonly reannotated: number;
}

export class RunTally {
  readonly counts: RunCounts = { ok: 0, flagged: 0, failed: 0, skipped: 0, missing: 0, pages: 0 };
  readonly failures: RunTallyResult['failures'] = [];
  readonly flaggedDocuments: RunTallyResult['flaggedDocuments'] = [];
  processedPages = 0;
  extracted = 0;
  reannotated = 0;
  /** Annotators whose output was rewritten in this run: 'all' once any document was fully processed. */
  annotatorsChanged: Set<string> | 'all' = new Set();

  /** Documents written in this run (processed, re-annotated or failed). */
  get written(): number {
    return this.extracted + this.reannotated;
  }

  processed(doc: ProcessedDocument): void {
    this.counts[doc.status]++;
    this.counts.pages += doc.pageCount;
    if (doc.mode === 'annotations') {
      this.reannotated++;
      if (this.annotatorsChanged !== 'all') {
        if (doc.rerun) for (const id of doc.rerun) this.annotatorsChanged.add(id);
        else this.annotatorsChanged = 'all';
      }
    } else {
      this.annotatorsChanged = 'all';
      this.extracted++;
      this.processedPages += doc.pageCount;
    }
    if (doc.status === 'failed') this.failures.push({ file: doc.file, reason: doc.error ?? 'unknown', unchanged: false });
    if (doc.status === 'flagged') this.flaggedDocuments.push({ file: doc.file, reason: doc.error ?? '' });
  }

  /** An unchanged document: its earlier outcome still stands and is reported again. */
  skipped(file: string, stored: StoredFileState): void {
    this.counts.skipped++;
    this.counts.pages += stored.pages;
    if (stored.status === 'failed') this.failures.push({ file, reason: stored.error ?? '', unchanged: true });
    if (stored.status === 'flagged') this.flaggedDocuments.push({ file, reason: stored.error ?? '' });
  }

  result(): RunTallyResult {
    const { failures, flaggedDocuments, processedPages, extracted, reannotated } = this;
    return { ...this.counts, failures, flaggedDocuments, processedPages, extracted, reannotated };
  }
}
