/** The worker-thread entry for the piscina pool: one task = one document. */
import { processDocument, type ProcessTask } from './process-document.js';

export default function run(task: ProcessTask) {
  return processDocument(task);
}
