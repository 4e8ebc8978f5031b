/**
 * The whole flow on one screen: discover → plan → (worker pool: extract → lay out → segment → annotate)
 * → store → corpus-level linking. CPU work runs in worker threads so `jobs` cores are busy; p-queue
 * keeps them fed with a bounded backlog; the store writer stays on this thread, one transaction per
 * document. A bad input never stops the batch: it becomes a failed document with its reason.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import type { PipelineConfig } from './config.js';
import { discoverFiles } from './discover/discover-files.js';
import { planFile, processingOrder, type PlannedWork } from './plan-run.js';
import { pipelineVersions, telaahVersion } from './pipeline-version.js';
import { annotatorVersions } from './annotate/annotators.js';
import { createDocumentPool, failedDocument } from './document-pool.js';
import type { DocumentStatus, ProcessedDocument } from './processed-document.js';
import { RunTally, type RunTallyResult } from './run-tally.js';
import { openDatabase } from './store/open-store.js';
import { createDocumentWriter } from './store/document-writer.js';
import { acquireRunLock } from './store/run-lock.js';
import { finishRun, startRun } from './store/runs.js';
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

export interface RunSummary extends RunTallyResult {
  readonly runId: number;
  readonly seconds: number;
}

export function resolveJobs(config: PipelineConfig, requested?: number): number {
  const n = requested ?? (config.jobs === 'auto' ? os.availableParallelism() : config.jobs);
  return Math.max(1, Math.floor(n));
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
  const tally = new RunTally();
  const pool = createDocumentPool(config, jobs);
  const queue = new PQueue({ concurrency: jobs * 2 });
  const stamp = { extractionVersion: versions.extraction, pipelineVersion: versions.pipeline, annotatorVersions: versions.annotators };
  const record = (doc: ProcessedDocument) => {
    writer.write(doc, runId);
    tally.processed(doc);
    options.onDocument?.({ file: doc.file, status: doc.status, pages: doc.pageCount, error: doc.error, mode: doc.mode });
  };
  try {
    // Plan with bounded concurrency: hashing streams each file, a few at a time, whatever the corpus size.
    const stored = writer.fileStates();
    const planning = new PQueue({ concurrency: 4 });
    // The workers warm up (registry, codebook) while the rest is planned, as soon as one file needs them.
    let warming: Promise<void> | null = null;
    const warmUp = () => {
      if (!warming) (warming = pool.warmUp()).catch(() => undefined); // awaited below, where a failure surfaces
      return warming;
    };
    const plans = await Promise.all(discovery.files.map((f) => planning.add(async () => {
      const plan = await planFile(f, stored.get(f.file), versions, config.limits.maxFileMegabytes);
      if (plan.action === 'full' || plan.action === 'annotations') void warmUp();
      return plan;
    }) as Promise<PlannedWork>));
    options.onPlanned?.(plans.length + discovery.problems.length, plans.filter((p) => p.action !== 'skip').length);
    // Inputs that cannot even be read (loops, dangling links, permissions, size) are failed documents.
    for (const problem of [...discovery.problems.map((p) => ({ ...p, rule: 'unreadable-input' })), ...plans.flatMap((p) => (p.action === 'unreadable' ? [p] : []))]) {
      const identity = { file: path.resolve(problem.file), sha256: createHash('sha256').update(`unreadable:${problem.file}`).digest('hex'), bytes: 0, mtimeMs: 0 };
      record(failedDocument({ identity, ...stamp }, problem.reason, problem.rule));
    }
    const work = plans.filter((p) => p.action === 'full' || p.action === 'annotations');
    if (work.length) await warmUp();
    for (const plan of processingOrder(plans)) {
      if (plan.action === 'skip') {
        tally.skipped(plan.identity.file, plan.stored);
        writer.touch(plan.identity.file, plan.identity.mtimeMs);
        options.onDocument?.({ file: plan.identity.file, status: 'skipped', pages: plan.stored.pages, error: plan.stored.error, mode: 'skip' });
      } else if (plan.action !== 'unreadable') {
        // Only a few tasks wait at a time: the queue never holds the corpus, however many files it has.
        await queue.onSizeLessThan(jobs * 2);
        const rerun = plan.action === 'annotations' ? plan.rerun : null;
        void queue.add(async () => record(await pool.process({ identity: plan.identity, mode: plan.action, rerun, config, database, ...stamp })));
      }
    }
    await queue.onIdle();
    await pool.close(); // the workers' heaps go before the corpus-level step
    const present = new Set([...discovery.files.map((f) => f.file), ...discovery.problems.map((p) => path.resolve(p.file))]);
    tally.counts.missing = writer.markMissingUnder(options.inputs.map((i) => path.resolve(i)), present, runId);
    afterRun(db, {
      changed: tally.written > 0, textsChanged: tally.extracted > 0, annotatorsChanged: tally.annotatorsChanged, ...corpusKnowledge(config),
    });
    const seconds = (performance.now() - started) / 1000;
    finishRun(db, runId, tally.failures.length ? 'partial' : 'complete', tally.counts, seconds);
    return { ...tally.result(), runId, seconds };
  } finally {
    await pool.close();
    db.close();
    releaseLock();
  }
}
