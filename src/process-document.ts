/**
 * One document's journey through the CPU-bound stages, run inside a worker thread:
 * extract → lay out → segment → annotate. Returns a ProcessedDocument for the store writer; never
 * throws for bad input (a fatal message becomes a `failed` result with its reason).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation, TelaahDocument } from './document.js';
import { DocumentFailure, Report } from './message.js';
import type { PipelineConfig } from './config.js';
import { extractFile } from './extract/extract-file.js';
import { layOut } from './layout/lay-out.js';
import { segmentDocument } from './segment/segment-document.js';
import { createAnnotators, type CreatedAnnotator } from './annotate/annotators.js';
import type { FileIdentity, ProcessedDocument } from './processed-document.js';
import { documentTitle } from './document-title.js';
import { openDatabase, type Db } from './store/open-store.js';
import { readAnnotationRows, readAnnotations, readDocument, readOutputDigests } from './store/read-document.js';
import { countAnnotations, encodeAnnotation, outputDigests } from './store/encoded-annotation.js';
import { annotationDelta } from './store/annotation-delta.js';

export interface ProcessTask {
  readonly identity: FileIdentity;
  readonly mode: 'full' | 'annotations';
  readonly config: PipelineConfig;
  readonly extractionVersion: string;
  readonly pipelineVersion: string;
  readonly annotatorVersions: Readonly<Record<string, string>>;
  /** For mode 'annotations': the store to read the document from (read-only). */
  readonly database?: string;
  /** For mode 'annotations': the annotators to re-run (null: all); the others' stored output is kept. */
  readonly rerun?: readonly string[] | null;
}

let cachedStore: { file: string; db: Db } | null = null;

function storeAt(database: string): Db {
  if (cachedStore?.file !== database) {
    cachedStore?.db.close();
    cachedStore = { file: database, db: openDatabase(database, { readonly: true }) };
  }
  return cachedStore.db;
}

let cachedAnnotators: { key: string; annotators: CreatedAnnotator[] } | null = null;

function annotatorsFor(config: PipelineConfig): CreatedAnnotator[] {
  const key = JSON.stringify(config);
  if (cachedAnnotators?.key !== key) cachedAnnotators = { key, annotators: createAnnotators(config) };
  return cachedAnnotators.annotators;
}

/**
 * Runs the annotators (all, or only `rerun`) over a document. `kept` are stored annotations of the
 * annotators not re-run: later annotators read them (themes read instrument mentions), but only the
 * new annotations are returned.
 */
function annotate(doc: Omit<TelaahDocument, 'annotations'>, config: PipelineConfig, report: Report, timings: Record<string, number>,
  rerun: readonly string[] | null = null, kept: readonly Annotation[] = []): Annotation[] {
  const all: Annotation[] = [...kept];
  const current: TelaahDocument = { ...doc, annotations: all };
  for (const annotator of annotatorsFor(config)) {
    if (rerun && !rerun.includes(annotator.id)) continue;
    const t = performance.now();
    try {
      // A loop, not push(...spread): a document can yield more annotations than the call stack has room for.
      for (const annotation of annotator.annotate(current, report)) all.push(annotation);
    } catch (error) {
      if (error instanceof DocumentFailure) throw error;
      // A bug in one annotator must not lose the document: record it and go on with the others.
      report.warn('annotate', annotator.id, 'annotator-error', `annotator ${annotator.id} failed: ${(error as Error).message}`);
    }
    timings[annotator.id] = performance.now() - t;
  }
  return kept.length ? all.slice(kept.length) : all;
}

/**
 * A stored document annotated again without re-extracting: the re-run annotators (all when `rerun` is
 * null) get the stored annotations they read; what goes to the writer is only what changed (a re-run
 * annotator whose output digest is the stored one changed nothing, and its rows are not even read; the
 * others are diffed against their stored rows, whose unchanged rows keep their ids).
 */
function reannotate(stored: Omit<TelaahDocument, 'annotations'>, task: ProcessTask, report: Report, timings: Record<string, number>) {
  const { config, identity } = task;
  const db = storeAt(task.database!);
  const rerun = task.rerun ?? null;
  const ran = annotatorsFor(config).filter((a) => !rerun || rerun.includes(a.id));
  // The stored annotations the re-run annotators read (themes: instrument mentions), and only those.
  const keptSources = rerun ? [...new Set(ran.flatMap((a) => a.reads))].filter((id) => !rerun.includes(id)) : [];
  const fresh = annotate(stored, config, report, timings, rerun, readAnnotations(db, identity.file, keptSources)).map(encodeAnnotation);
  const digests = outputDigests(ran.map((a) => a.id), fresh);
  let annotations = fresh;
  let replaced: ProcessedDocument['replaced'];
  // The document's whole set of digests: the re-run annotators' fresh ones, the others' as stored (an
  // annotator re-run for being disabled has no output, and its digest goes with its rows).
  let allDigests = digests;
  if (rerun) {
    const t = performance.now();
    const storedDigests = readOutputDigests(db, identity.file);
    allDigests = { ...Object.fromEntries(Object.entries(storedDigests).filter(([source]) => !rerun.includes(source))), ...digests };
    const changed = ran.filter((a) => storedDigests[a.id] !== digests[a.id]).map((a) => a.id);
    const storedRows = readAnnotationRows(db, identity.file, changed);
    annotations = [];
    replaced = ran.map((a) => {
      if (!changed.includes(a.id)) return { source: a.id, version: a.version, remove: [], unchanged: true };
      const delta = annotationDelta(storedRows.filter((r) => r.source === a.id), fresh.filter((f) => f.source === a.id));
      for (const insert of delta.insert) annotations.push(insert);
      return { source: a.id, version: a.version, remove: delta.remove };
    });
    for (const f of fresh) if (!rerun.includes(f.source)) annotations.push(f);
    timings.delta = performance.now() - t;
  }
  const unchanged = new Set(replaced?.filter((r) => r.unchanged).map((r) => r.source));
  return {
    status: report.flagged ? ('flagged' as const) : ('ok' as const), error: report.flagged, title: stored.title,
    language: stored.language, pageCount: stored.pageCount, layout: null, segments: null, annotations, replaced,
    // Counts only for the annotators whose output changed; the others' stored counts stand.
    annotationCounts: countAnnotations(fresh.filter((f) => !unchanged.has(f.source))),
    outputDigests: allDigests,
    messages: report.messages,
  };
}

/** Loads what every document needs (annotators: registry, codebook, models) before the first one. */
export function warmUp(config: PipelineConfig): void {
  annotatorsFor(config);
}

export async function processDocument(task: ProcessTask): Promise<ProcessedDocument> {
  const { identity, config } = task;
  const report = new Report(identity.file);
  const timings: Record<string, number> = {};
  const ext = path.extname(identity.file).toLowerCase();
  const base = {
    ...identity,
    mode: task.mode,
    format: ext === '.pdf' ? 'pdf' : ext === '.md' ? 'md' : 'txt',
    extractionVersion: task.extractionVersion,
    pipelineVersion: task.pipelineVersion,
    annotatorVersions: task.annotatorVersions,
    rerun: null,
    timings,
  } as const;
  try {
    const stored = task.mode === 'annotations' && task.database ? readDocument(storeAt(task.database), identity.file) : null;
    if (stored) {
      return { ...base, ...reannotate(stored, task, report, timings), rerun: task.rerun ?? null };
    }
    const fullBase = { ...base, mode: 'full' as const };
    let t = performance.now();
    const bytes = new Uint8Array(await readFile(identity.file));
    const raw = await extractFile(identity.file, bytes, { ...config.stages.extract, maxPages: config.limits.maxPages } as Parameters<typeof extractFile>[2], report);
    timings.extract = performance.now() - t;
    t = performance.now();
    const layout = layOut(raw, config.stages.layout, report);
    timings.layout = performance.now() - t;
    t = performance.now();
    const segmentation = segmentDocument(layout, config.stages.segment, report);
    timings.segment = performance.now() - t;
    const doc: Omit<TelaahDocument, 'annotations'> = {
      ...layout,
      id: identity.sha256.slice(0, 16),
      file: identity.file,
      sha256: identity.sha256,
      format: raw.format,
      title: documentTitle(raw, layout),
      language: segmentation.language,
      // Layout may find more pages than the extractor saw (a text file whose page numbers mark its pages).
      pageCount: layout.pages.length,
      segments: { paragraphs: segmentation.paragraphs, sentences: segmentation.sentences },
    };
    const annotations = (report.flagged ? [] : annotate(doc, config, report, timings)).map(encodeAnnotation);
    if (report.flagged) {
      report.info('annotate', 'pipeline', 'not-annotated', 'not annotated because its text is not trustworthy');
    }
    return {
      ...fullBase, format: raw.format, status: report.flagged ? 'flagged' : 'ok', error: report.flagged, title: doc.title,
      language: doc.language, pageCount: doc.pageCount, layout, segments: doc.segments, annotations,
      annotationCounts: countAnnotations(annotations), messages: report.messages,
      outputDigests: outputDigests(report.flagged ? [] : annotatorsFor(config).map((a) => a.id), annotations),
    };
  } catch (error) {
    const reason = error instanceof DocumentFailure ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    if (!(error instanceof DocumentFailure)) {
      report.add({ stage: 'pipeline', source: 'pipeline', rule: 'internal-error', severity: 'fatal', reason });
    }
    return {
      ...base, mode: 'full', status: 'failed', error: reason, title: null, language: 'und', pageCount: 0, layout: null, segments: null,
      annotations: [], messages: report.messages,
    };
  }
}
