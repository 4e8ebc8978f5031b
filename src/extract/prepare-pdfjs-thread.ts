/**
 * Readies the calling thread to run pdfjs-dist fast: loads its legacy build and in-thread parser, undoes
 * the polyfills it installs over natives, and gives it a one-call DecompressionStream. Call it once,
 * before anything else runs in the thread (the document worker does; so does the benchmark's
 * "raw pdfjs in the worker's setting" baseline).
 *
 * pdfjs-dist's legacy build bundles core-js polyfills that *replace* some native builtins of the thread
 * that loads it: Array.prototype.push, JSON.parse, JSON.stringify and Function.prototype.toString
 * (forced because V8 misses spec corner cases — the error thrown when pushing onto a frozen length,
 * JSON.parse source access — that neither pdfjs nor Telaah relies on). The replacements are plain
 * JavaScript: every push and every JSON call of every later stage ran through them (profiled: ~7% of a
 * worker's CPU; push alone 2.3× slower, JSON.stringify 4.5×). Polyfills that only add missing methods
 * (Promise.withResolvers, Set methods…) stay, since pdfjs needs them on Node 20.
 */
import { installSyncDecompression } from './sync-decompression-stream.js';

let prepared: Promise<void> | null = null;

export function preparePdfjsThread(): Promise<void> {
  return (prepared ??= (async () => {
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
  })());
}
