/**
 * The worker-thread pool that does the CPU work (piscina): `jobs` threads, each with a capped heap, so
 * one pathological document fails alone and peak memory is bounded at jobs × cap whatever the corpus.
 * Workers are warmed up (modules, registry, codebook loaded) before documents are handed out, so a
 * document's time limit measures its own processing, not a worker starting. A timeout or a crashed
 * worker becomes a failed document with its reason; it never throws.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import type { PipelineConfig } from './config.js';
import type { ProcessTask } from './process-document.js';
import type { ProcessedDocument } from './processed-document.js';

export interface DocumentPool {
  warmUp(): Promise<void>;
  process(task: ProcessTask): Promise<ProcessedDocument>;
  close(): Promise<void>;
}

function workerEntry(): string {
  // From compiled dist/ the worker is plain JS; from the TypeScript sources (tests) it loads through tsx.
  const name = import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js';
  return new URL(name, import.meta.url).href;
}

export function createDocumentPool(config: PipelineConfig, jobs: number): DocumentPool {
  const heapMb = config.limits.workerHeapMegabytes;
  const pool = new Piscina({
    filename: workerEntry(), minThreads: jobs, maxThreads: jobs, idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  let closed: Promise<void> | null = null;
  return {
    async warmUp() {
      // One warm-up per thread: each blocks its worker briefly so the next lands on another one.
      await Promise.all(Array.from({ length: jobs }, () => pool.run({ warmUp: config })));
    },
    async process(task) {
      const signal = AbortSignal.timeout(config.limits.timeoutSeconds * 1000);
      try {
        return await pool.run(task, { signal });
      } catch (error) {
        const timedOut = (error as Error).name === 'AbortError' || signal.aborted;
        const reason = timedOut
          ? `processing took longer than ${config.limits.timeoutSeconds} s; raise limits.timeoutSeconds in the pipeline file to allow it`
          : `the worker processing it crashed (${(error as Error).message}); it may need more than the ${heapMb} MB heap of a worker (limits.workerHeapMegabytes)`;
        return failedDocument(task, reason, timedOut ? 'timeout' : 'worker-crash');
      }
    },
    close: () => (closed ??= pool.destroy()),
  };
}

/** A failed result for a document that never came back from a worker, or could not be read at all. */
export function failedDocument(task: Pick<ProcessTask, 'identity' | 'extractionVersion' | 'pipelineVersion' | 'annotatorVersions'>, reason: string, rule: string): ProcessedDocument {
  const ext = path.extname(task.identity.file).toLowerCase();
  return {
    ...task.identity, mode: 'full', format: ext === '.pdf' ? 'pdf' : ext === '.md' ? 'md' : 'txt', status: 'failed', error: reason,
    title: null, language: 'und', pageCount: 0, layout: null, segments: null, annotations: [],
    messages: [{ document: task.identity.file, stage: 'pipeline', source: 'pipeline', rule, severity: 'fatal', reason }],
    extractionVersion: task.extractionVersion, pipelineVersion: task.pipelineVersion, annotatorVersions: task.annotatorVersions, rerun: null, timings: {},
  };
}
