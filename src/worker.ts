/**
 * The worker-thread entry for the piscina pool: one task = one document.
 *
 * pdfjs-dist's legacy build bundles core-js polyfills that *replace* some native builtins of the thread
 * that loads it: Array.prototype.push, JSON.parse, JSON.stringify and Function.prototype.toString
 * (forced because V8 misses spec corner cases — the error thrown when pushing onto a frozen length,
 * JSON.parse source access — that neither pdfjs nor Telaah relies on). The replacements are plain
 * JavaScript: every push and every JSON call of every later stage ran through them (profiled: ~7% of a
 * worker's CPU, and a slower JSON.parse when a re-code reads stored documents back). So the worker loads
 * pdfjs (and its in-thread "fake worker") first and puts the natives back; polyfills that only add
 * missing methods (Promise.withResolvers, Set methods…) stay, since pdfjs needs them.
 * It also gives pdfjs a DecompressionStream that inflates in one native call (see
 * extract/sync-decompression-stream.ts).
 */
import { installSyncDecompression } from './extract/sync-decompression-stream.js';

const natives = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
  [JSON, 'stringify', JSON.stringify],
  [Function.prototype, 'toString', Function.prototype.toString],
] as const;

await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdfjs runs its parser in this thread through globalThis.pdfjsWorker; loading it here means its
// polyfills are installed now, not on the first document, so they can be undone once.
await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string);
for (const [target, key, native] of natives) {
  if ((target as unknown as Record<string, unknown>)[key] !== native) {
    Object.defineProperty(target, key, { value: native, writable: true, configurable: true, enumerable: false });
  }
}
installSyncDecompression();

const { processDocument, warmUp } = await import('./process-document.js');
type ProcessTask = import('./process-document.js').ProcessTask;
type PipelineConfig = import('./config.js').PipelineConfig;

export default function run(task: ProcessTask | { warmUp: PipelineConfig }) {
  if ('warmUp' in task) return warmUp(task.warmUp);
  return processDocument(task);
}
