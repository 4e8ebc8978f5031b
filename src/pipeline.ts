/**
 * The whole flow on one screen: discover → plan → (worker pool: extract → lay out → segment → annotate)
 * → store. CPU work runs in worker threads (piscina) so `jobs` cores are busy; p-queue keeps them fed;
 * the store writer stays on this thread, one transaction per document. A bad input never stops the
 * batch: it becomes a failed document with its reason.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { Piscina } from 'piscina';
import type { PipelineConfig } from './config.js';
import { discoverFiles } from './discover/discover-files.js';
import { planFile, type PlannedWork } from './plan-run.js';
import { pipelineVersions, telaahVersion } from './pipeline-version.js';
import { annotatorVersions } from './annotate/annotators.js';
import type { ProcessTask } from './process-document.js';
import type { DocumentStatus, ProcessedDocument } from './processed-document.js';
import { openDatabase } from './store/open-store.js';
import { createDocumentWriter } from './store/document-writer.js';
import { acquireRunLock } from './store/run-lock.js';
import { finishRun, startRun, type RunCounts } from './store/runs.js';
import { afterRun } from './store/after-run.js';
import { corpusKnowledge } from './corpus-knowledge.js';

export interface DocumentEvent {
  readonly file: string;
  readonly status: DocumentStatus | 'skipped';
  readonly pages: number;
  readonly error: string | null;
  readonly mode: 'full' | 'annotations' | 'skip';
}

export interface RunOptions {
  readonly config: PipelineConfig;
  readonly inputs: readonly string[];
  readonly database: string;
  readonly jobs: number;
  readonly onPlanned?: (total: number, toProcess: number) => void;
  readonly onDocument?: (event: DocumentEvent) => void;
}

export interface RunSummary extends RunCounts {
  readonly runId: number;
  readonly seconds: number;
  readonly failures: { file: string; reason: string; unchanged: boolean }[];
  readonly flaggedDocuments: { file: string; reason: string }[];
  /** Pages of the documents extracted in this run (not skipped, not only re-annotated). */
  readonly processedPages: number;
  /** Documents extracted from their files in this run, and documents only re-annotated from the store. */
  readonly extracted: number;
  readonly reannotated: number;
}

export function resolveJobs(config: PipelineConfig, requested?: number): number {
  const n = requested ?? (config.jobs === 'auto' ? os.availableParallelism() : config.jobs);
  return Math.max(1, Math.floor(n));
}

/** Heap cap of one worker thread (V8 old generation), MB. */
export const DEFAULT_WORKER_HEAP_MEGABYTES = 768;

export function workerHeapMegabytes(config: PipelineConfig): number {
  // To do: declare `workerHeapMegabytes` in limitsSchema (src/config.ts, not this module's to change);
  // until then it is read here when present, so a pipeline file can set it once the schema allows it.
  const set = (config.limits as { workerHeapMegabytes?: number }).workerHeapMegabytes;
  return set && set > 0 ? set : DEFAULT_WORKER_HEAP_MEGABYTES;
}

function workerEntry(): string {
  // From compiled dist/ the worker is plain JS; from the TypeScript sources (tests) it loads through tsx.
  const name = import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js';
  return new URL(name, import.meta.url).href;
}

export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const { config, jobs } = options;
  const database = path.resolve(options.database);
  const discovery = discoverFiles(options.inputs);
  const versions = pipelineVersions(config);
  const releaseLock = acquireRunLock(database);
  const db = openDatabase(database);
  const writer = createDocumentWriter(db);
  const runId = startRun(db, { telaahVersion: telaahVersion(), pipelineVersion: versions.pipeline, config, annotators: annotatorVersions(config) });
  const counts: RunCounts = { ok: 0, flagged: 0, failed: 0, skipped: 0, missing: 0, pages: 0 };
  const failures: RunSummary['failures'] = [];
  const flaggedDocuments: RunSummary['flaggedDocuments'] = [];
  let processedPages = 0;
  let processedDocuments = 0;
  let extracted = 0;
  let reannotated = 0;
  // Each worker's heap is capped so one pathological document fails alone (as a worker crash with its
  // reason) instead of swelling the process; the cap bounds peak memory at jobs × cap whatever the corpus.
  const heapMb = workerHeapMegabytes(config);
  const pool = new Piscina({ filename: workerEntry(), minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  let destroyed: Promise<void> | null = null;
  const destroyPool = () => (destroyed ??= pool.destroy());
  const queue = new PQueue({ concurrency: jobs * 2 });
  const emit = (e: DocumentEvent) => options.onDocument?.(e);

  const record = (doc: ProcessedDocument) => {
    writer.write(doc, runId);
    processedDocuments++;
    counts[doc.status]++;
    counts.pages += doc.pageCount;
    if (doc.mode === 'annotations') reannotated++;
    else {
      extracted++;
      processedPages += doc.pageCount;
    }
    if (doc.status === 'failed') failures.push({ file: doc.file, reason: doc.error ?? 'unknown', unchanged: false });
    if (doc.status === 'flagged') flaggedDocuments.push({ file: doc.file, reason: doc.error ?? '' });
    emit({ file: doc.file, status: doc.status, pages: doc.pageCount, error: doc.error, mode: doc.mode });
  };

  try {
    const stored = writer.fileStates();
    // Plan with bounded concurrency: hashing streams each file, a few at a time, whatever the corpus size.
    const planning = new PQueue({ concurrency: 4 });
    const plans = await Promise.all(discovery.files.map((f) => planning.add(() => planFile(f, stored.get(f.file), versions, config.limits.maxFileMegabytes)) as Promise<PlannedWork>));
    options.onPlanned?.(plans.length + discovery.problems.length, plans.filter((p) => p.action !== 'skip').length);
    // Inputs that cannot even be read (loops, dangling links, permissions) are recorded like failed documents.
    for (const problem of [...discovery.problems.map((p) => ({ ...p, rule: 'unreadable-input' })), ...plans.flatMap((p) => (p.action === 'unreadable' ? [p] : []))]) {
      const identity = { file: path.resolve(problem.file), sha256: createHash('sha256').update(`unreadable:${problem.file}`).digest('hex'), bytes: 0, mtimeMs: 0 };
      record(failedResult({ identity, mode: 'full', config, extractionVersion: versions.extraction, pipelineVersion: versions.pipeline }, problem.reason, problem.rule));
    }
    for (const plan of plans) {
      if (plan.action === 'unreadable') continue;
      if (plan.action === 'skip') {
        counts.skipped++;
        counts.pages += plan.stored.pages;
        if (plan.stored.status === 'failed') failures.push({ file: plan.identity.file, reason: plan.stored.error ?? '', unchanged: true });
        if (plan.stored.status === 'flagged') flaggedDocuments.push({ file: plan.identity.file, reason: plan.stored.error ?? '' });
        writer.touch(plan.identity.file, plan.identity.mtimeMs);
        emit({ file: plan.identity.file, status: 'skipped', pages: plan.stored.pages, error: plan.stored.error, mode: 'skip' });
        continue;
      }
      const task: ProcessTask = {
        identity: plan.identity, mode: plan.action, config, database,
        extractionVersion: versions.extraction, pipelineVersion: versions.pipeline,
      };
      // Only a few tasks wait at a time: the queue never holds the corpus, however many files it has.
      await queue.onSizeLessThan(jobs * 2);
      void queue.add(async () => {
        const signal = AbortSignal.timeout(config.limits.timeoutSeconds * 1000);
        let result: ProcessedDocument;
        try {
          result = await pool.run(task, { signal });
        } catch (error) {
          const timedOut = (error as Error).name === 'AbortError' || signal.aborted;
          const reason = timedOut
            ? `processing took longer than ${config.limits.timeoutSeconds} s; raise limits.timeoutSeconds in the pipeline file to allow it`
            : `the worker processing it crashed (${(error as Error).message}); it may need more than the ${heapMb} MB heap of a worker (limits.workerHeapMegabytes)`;
          result = failedResult(task, reason, timedOut ? 'timeout' : 'worker-crash');
        }
        record(result);
      });
    }
    await queue.onIdle();
    // The workers' heaps go before the corpus-level step, which holds every reference of the corpus.
    await destroyPool();
    const seen = new Set([...discovery.files.map((f) => f.file), ...discovery.problems.map((p) => path.resolve(p.file))]);
    const roots = options.inputs.map((i) => path.resolve(i));
    for (const [file, state] of stored) {
      const underInputs = roots.some((r) => file === r || file.startsWith(r + path.sep));
      if (underInputs && !seen.has(file) && state.status !== 'missing') {
        writer.markMissing(file, runId);
        counts.missing++;
      }
    }
    afterRun(db, { changed: processedDocuments > 0 || counts.missing > 0, textsChanged: extracted > 0, ...corpusKnowledge(config) });
    const seconds = (performance.now() - started) / 1000;
    finishRun(db, runId, failures.length ? 'partial' : 'complete', counts, seconds);
    return { ...counts, runId, seconds, failures, flaggedDocuments, processedPages, extracted, reannotated };
  } finally {
    await destroyPool();
    db.close();
    releaseLock();
  }
}

function failedResult(task: ProcessTask, reason: string, rule: string): ProcessedDocument {
  const ext = path.extname(task.identity.file).toLowerCase();
  return {
    ...task.identity, mode: 'full', format: ext === '.pdf' ? 'pdf' : ext === '.md' ? 'md' : 'txt', status: 'failed', error: reason,
    title: null, language: 'und', pageCount: 0, layout: null, segments: null, annotations: [],
    messages: [{ document: task.identity.file, stage: 'pipeline', source: 'pipeline', rule, severity: 'fatal', reason }],
    extractionVersion: task.extractionVersion, pipelineVersion: task.pipelineVersion, timings: {},
  };
}
