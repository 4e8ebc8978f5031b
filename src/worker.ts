/**
 * The worker-thread entry for the piscina pool: one task = one document. The thread is readied for
 * pdfjs first (natives restored, one-call decompression: see extract/prepare-pdfjs-thread.ts), before
 * any stage module loads.
 */
import { preparePdfjsThread } from './extract/prepare-pdfjs-thread.js';

await preparePdfjsThread();

const { processDocument, warmUp } = await import('./process-document.js');
type ProcessTask = import('./process-document.js').ProcessTask;
type PipelineConfig = import('./config.js').PipelineConfig;

export default function run(task: ProcessTask | { warmUp: PipelineConfig }) {
  if ('warmUp' in task) return warmUp(task.warmUp);
  return processDocument(task);
}
