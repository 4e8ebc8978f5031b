/**
 * Writes processed documents, one transaction each: a changed file replaces its old rows atomically,
 * a re-annotated document replaces only its annotations, a failed one keeps a row with its reason,
 * and a file gone from the input is marked missing, never deleted. Statements are prepared once.
 */
import path from 'node:path';
import type { Db } from './open-store.js';
import type { DocumentStatus, ProcessedDocument } from '../processed-document.js';
import type { Message } from '../message.js';
import { countAnnotations, type AnnotationCount, type EncodedAnnotation } from './encoded-annotation.js';

export interface StoredFileState {
  readonly id: number;
  readonly documentId: string;
  readonly file: string;
  readonly sha256: string | null;
  readonly bytes: number | null;
  readonly mtimeMs: number | null;
  readonly status: DocumentStatus;
  readonly error: string | null;
  readonly extractionVersion: string | null;
  readonly pipelineVersion: string | null;
  readonly pages: number;
  readonly annotatorVersions: Readonly<Record<string, string>> | null;
}

export interface DocumentWriter {
  /** Stored state of every file, keyed by absolute path. */
  fileStates(): Map<string, StoredFileState>;
  write(doc: ProcessedDocument, runId: number): { documentId: string };
  markMissing(file: string, runId: number): void;
  /** Marks stored files under `roots` that are not in `present` as missing; returns how many. */
  markMissingUnder(roots: readonly string[], present: ReadonlySet<string>, runId: number): number;
  /** Records a new mtime for an unchanged file, so the next run skips it without hashing. */
  touch(file: string, mtimeMs: number): void;
}

/** A document id derived from content: the first 16 hex digits of its SHA-256, suffixed on collision. */
function uniqueDocumentId(db: Db, sha256: string, file: string): string {
  const base = sha256.slice(0, 16);
  const taken = db.prepare('SELECT file FROM documents WHERE document_id = ?');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const row = taken.get(candidate) as { file: string } | undefined;
    if (!row || row.file === file) return candidate;
  }
}

export function createDocumentWriter(db: Db): DocumentWriter {
  const now = () => new Date().toISOString();
  const s = {
    states: db.prepare(`SELECT id, document_id AS documentId, file, sha256, bytes, mtime_ms AS mtimeMs, status, error,
      extraction_version AS extractionVersion, pipeline_version AS pipelineVersion, pages, annotator_versions AS annotatorVersions FROM documents`),
    byFile: db.prepare('SELECT id, document_id AS documentId, sha256 FROM documents WHERE file = ?'),
    insertDoc: db.prepare(`INSERT INTO documents (document_id, file, sha256, bytes, mtime_ms, format, title, language, pages,
      status, error, extraction_version, pipeline_version, run_id, updated_at, annotator_versions, output_digests)
      VALUES (@documentId, @file, @sha256, @bytes, @mtimeMs, @format, @title, @language, @pages, @status, @error,
      @extractionVersion, @pipelineVersion, @runId, @updatedAt, @annotatorVersions, @outputDigests)`),
    updateDoc: db.prepare(`UPDATE documents SET document_id = @documentId, sha256 = @sha256, bytes = @bytes, mtime_ms = @mtimeMs,
      format = @format, title = @title, language = @language, pages = @pages, status = @status, error = @error,
      extraction_version = @extractionVersion, pipeline_version = @pipelineVersion, run_id = @runId, updated_at = @updatedAt,
      annotator_versions = @annotatorVersions, output_digests = @outputDigests WHERE id = @id`),
    touchAnnotated: db.prepare(`UPDATE documents SET pipeline_version = ?, status = ?, error = ?, run_id = ?, updated_at = ?,
      mtime_ms = ?, annotator_versions = ?, output_digests = ? WHERE id = ?`),
    deleteAnnotationsOf: db.prepare('DELETE FROM annotations WHERE document = ? AND source = ?'),
    deleteAnnotation: db.prepare('DELETE FROM annotations WHERE id = ? AND document = ? AND source = ?'),
    restampAnnotationsOf: db.prepare('UPDATE annotations SET version = ? WHERE document = ? AND source = ? AND version IS NOT ?'),
    deleteAnnotateMessagesOf: db.prepare("DELETE FROM messages WHERE document = ? AND stage = 'annotate' AND source = ?"),
    deleteFts: db.prepare('DELETE FROM segments_fts WHERE rowid IN (SELECT id FROM segments WHERE document = ?)'),
    deleteChildren: ['document_texts', 'pages', 'footnotes', 'markers', 'provisions', 'segments', 'annotations', 'annotation_counts', 'messages'].map((t) =>
      db.prepare(`DELETE FROM ${t} WHERE document = ?`),
    ),
    deleteAnnotations: db.prepare('DELETE FROM annotations WHERE document = ?'),
    deleteCounts: db.prepare('DELETE FROM annotation_counts WHERE document = ?'),
    deleteCountsOf: db.prepare('DELETE FROM annotation_counts WHERE document = ? AND source = ?'),
    insertCount: db.prepare('INSERT INTO annotation_counts (document, source, kind, key, level, in_footnote, n) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteAnnotateMessages: db.prepare("DELETE FROM messages WHERE document = ? AND stage = 'annotate'"),
    insertText: db.prepare('INSERT INTO document_texts (document, text, notes_start, source_map, layout_paragraphs) VALUES (?, ?, ?, ?, ?)'),
    insertPage: db.prepare('INSERT INTO pages (document, number, label, start, "end", header, footer) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertFootnote: db.prepare('INSERT INTO footnotes (document, number, page, start, "end") VALUES (?, ?, ?, ?, ?)'),
    insertMarker: db.prepare('INSERT INTO markers (document, number, page, start, "end", source_start, source_end, linked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertProvision: db.prepare('INSERT INTO provisions (document, kind, label, start, "end") VALUES (?, ?, ?, ?, ?)'),
    insertSegment: db.prepare(`INSERT INTO segments (document, kind, idx, start, "end", page, language, in_footnote, paragraph)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertFts: db.prepare('INSERT INTO segments_fts (rowid, text) VALUES (?, ?)'),
    insertAnnotation: db.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data, key, level)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertMessage: db.prepare(`INSERT INTO messages (run_id, document, file, stage, source, rule, severity, reason, page, start, "end")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    touch: db.prepare('UPDATE documents SET mtime_ms = ? WHERE file = ? AND mtime_ms IS NOT ?'),
    markMissing: db.prepare("UPDATE documents SET status = 'missing', error = ?, run_id = ?, updated_at = ? WHERE file = ?"),
  };

  function insertMessages(runId: number, docRow: number, file: string, messages: readonly Message[]): void {
    for (const m of messages) {
      s.insertMessage.run(runId, docRow, file, m.stage, m.source, m.rule, m.severity, m.reason, m.page ?? null, m.span?.start ?? null, m.span?.end ?? null);
    }
  }

  function insertAnnotations(docRow: number, annotations: readonly EncodedAnnotation[]): void {
    for (const a of annotations) {
      s.insertAnnotation.run(docRow, a.kind, a.start, a.end, a.page, a.source, a.version, a.rule, a.inFootnote, a.data, a.key, a.level);
    }
  }

  /** Replaces the counts of the annotators that ran (`sources`; null: all) by the document's fresh counts. */
  function replaceCounts(docRow: number, sources: readonly string[] | null, counts: readonly AnnotationCount[]): void {
    if (sources) for (const source of sources) s.deleteCountsOf.run(docRow, source);
    else s.deleteCounts.run(docRow);
    for (const c of counts) s.insertCount.run(docRow, c.source, c.kind, c.key, c.level, c.inFootnote, c.n);
  }

  const writeFull = (doc: ProcessedDocument, runId: number): { documentId: string } => {
    const existing = s.byFile.get(doc.file) as { id: number; documentId: string; sha256: string | null } | undefined;
    const documentId = uniqueDocumentId(db, doc.sha256, doc.file);
    const row = {
      documentId, file: doc.file, sha256: doc.sha256, bytes: doc.bytes, mtimeMs: doc.mtimeMs, format: doc.format,
      title: doc.title, language: doc.language, pages: doc.pageCount, status: doc.status, error: doc.error,
      extractionVersion: doc.extractionVersion, pipelineVersion: doc.pipelineVersion, runId, updatedAt: now(),
      annotatorVersions: doc.status === 'failed' ? null : JSON.stringify(doc.annotatorVersions),
      outputDigests: doc.outputDigests ? JSON.stringify(doc.outputDigests) : null,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      s.deleteFts.run(id);
      for (const del of s.deleteChildren) del.run(id);
      s.updateDoc.run({ ...row, id });
    } else {
      id = Number(s.insertDoc.run(row).lastInsertRowid);
    }
    const layout = doc.layout;
    if (layout) {
      s.insertText.run(id, layout.text, layout.notesStart, JSON.stringify(layout.sourceMap), JSON.stringify(layout.paragraphs.map((p) => [p.start, p.end])));
      for (const p of layout.pages) s.insertPage.run(id, p.number, p.label, p.start, p.end, JSON.stringify(p.header), JSON.stringify(p.footer));
      for (const f of layout.footnotes) s.insertFootnote.run(id, f.number, f.page, f.start, f.end);
      for (const m of layout.markers) s.insertMarker.run(id, m.number, m.page, m.start, m.end, m.sourceStart, m.sourceEnd, m.linked ? 1 : 0);
      for (const p of layout.provisions) s.insertProvision.run(id, p.kind, p.label, p.start, p.end);
    }
    if (doc.segments && layout) {
      doc.segments.paragraphs.forEach((p, i) => {
        s.insertSegment.run(id, 'paragraph', i, p.start, p.end, p.page, p.language, p.inFootnote ? 1 : 0, null);
      });
      doc.segments.sentences.forEach((sentence, i) => {
        const segmentId = s.insertSegment.run(id, 'sentence', i, sentence.start, sentence.end, sentence.page, sentence.language,
          sentence.inFootnote ? 1 : 0, sentence.paragraph ?? null).lastInsertRowid;
        s.insertFts.run(segmentId, layout.text.slice(sentence.start, sentence.end));
      });
    }
    insertAnnotations(id, doc.annotations);
    if (doc.annotationCounts) replaceCounts(id, null, doc.annotationCounts);
    insertMessages(runId, id, doc.file, doc.messages);
    return { documentId };
  };

  const writeAnnotations = (doc: ProcessedDocument, runId: number): { documentId: string } => {
    const existing = s.byFile.get(doc.file) as { id: number; documentId: string } | undefined;
    if (!existing) throw new Error(`re-annotation of ${doc.file}, which is not in the store`);
    if (doc.rerun) {
      // Only the re-run annotators' rows change, and of those only the ones their fresh output lacks;
      // the rows they produced again stay (same ids) and are stamped with the version that re-ran. An
      // annotator re-run for being disabled has no fresh output: its rows go.
      const replaced = new Map((doc.replaced ?? []).map((r) => [r.source, r]));
      for (const source of doc.rerun) {
        const r = replaced.get(source);
        // An unchanged output (the same rows, versions and counts as stored) writes nothing but its messages.
        if (r && !r.unchanged) {
          for (const id of r.remove) s.deleteAnnotation.run(id, existing.id, source);
          s.restampAnnotationsOf.run(r.version, existing.id, source, r.version);
        } else if (!r) {
          s.deleteAnnotationsOf.run(existing.id, source);
        }
        s.deleteAnnotateMessagesOf.run(existing.id, source);
      }
    } else {
      s.deleteAnnotations.run(existing.id);
      s.deleteAnnotateMessages.run(existing.id);
    }
    insertAnnotations(existing.id, doc.annotations);
    const recounted = doc.rerun?.filter((source) => !doc.replaced?.some((r) => r.unchanged && r.source === source)) ?? null;
    replaceCounts(existing.id, recounted, doc.annotationCounts ?? countAnnotations(doc.annotations));
    insertMessages(runId, existing.id, doc.file, doc.messages.filter((m) => m.stage === 'annotate'));
    // The worker sends the document's whole set of digests (the stored ones of annotators not re-run included).
    const digests = doc.outputDigests ? JSON.stringify(doc.outputDigests) : null;
    s.touchAnnotated.run(doc.pipelineVersion, doc.status, doc.error, runId, now(), doc.mtimeMs, JSON.stringify(doc.annotatorVersions), digests, existing.id);
    return { documentId: existing.documentId };
  };

  const writeTx = db.transaction((doc: ProcessedDocument, runId: number) =>
    doc.mode === 'annotations' ? writeAnnotations(doc, runId) : writeFull(doc, runId),
  );

  return {
    fileStates() {
      const map = new Map<string, StoredFileState>();
      for (const row of s.states.all() as (Omit<StoredFileState, 'annotatorVersions'> & { annotatorVersions: string | null })[]) {
        map.set(row.file, { ...row, annotatorVersions: row.annotatorVersions ? JSON.parse(row.annotatorVersions) : null });
      }
      return map;
    },
    write: (doc, runId) => writeTx.immediate(doc, runId),
    touch(file, mtimeMs) {
      s.touch.run(mtimeMs, file, mtimeMs);
    },
    markMissingUnder(roots, present, runId) {
      let n = 0;
      for (const state of this.fileStates().values()) {
        const under = roots.some((r) => state.file === r || state.file.startsWith(r + path.sep));
        if (under && !present.has(state.file) && state.status !== 'missing') {
          this.markMissing(state.file, runId);
          n++;
        }
      }
      return n;
    },
    markMissing(file, runId) {
      s.markMissing.run('the file is no longer in the input; its rows are kept from the earlier run', runId, now(), file);
    },
  };
}
