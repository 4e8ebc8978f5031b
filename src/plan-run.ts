/**
 * Planning a run: for each discovered file decide whether to skip it (content and pipeline unchanged),
 * re-annotate it from the store (only annotators changed), or process it fully. Size and mtime equal
 * to the stored ones let a no-change re-run skip even the hashing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { DiscoveredFile } from './discover/discover-files.js';
import type { StoredFileState } from './store/document-writer.js';
import { annotatorsToRerun, type PipelineVersions } from './pipeline-version.js';
import type { FileIdentity } from './processed-document.js';

export type PlannedWork =
  | { readonly action: 'skip'; readonly identity: FileIdentity; readonly stored: StoredFileState }
  | { readonly action: 'full'; readonly identity: FileIdentity }
  | { readonly action: 'annotations'; readonly identity: FileIdentity; readonly rerun: readonly string[] | null }
  | { readonly action: 'unreadable'; readonly file: string; readonly reason: string; readonly rule: string };

/** SHA-256 of a file, streamed so a large file never sits in memory whole. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export async function planFile(found: DiscoveredFile, stored: StoredFileState | undefined, versions: PipelineVersions, maxFileMegabytes = Infinity): Promise<PlannedWork> {
  if (found.bytes > maxFileMegabytes * 1024 * 1024) {
    const mb = (found.bytes / 1024 / 1024).toFixed(1);
    return { action: 'unreadable', file: found.file, rule: 'file-too-large', reason: `the file is ${mb} MB, above limits.maxFileMegabytes (${maxFileMegabytes}); raise that limit in the pipeline file to process it` };
  }
  const sameVersions = stored?.extractionVersion === versions.extraction && stored?.pipelineVersion === versions.pipeline;
  if (stored && sameVersions && stored.status !== 'missing' && stored.bytes === found.bytes && stored.mtimeMs === found.mtimeMs && stored.sha256) {
    return { action: 'skip', identity: { file: found.file, sha256: stored.sha256, bytes: found.bytes, mtimeMs: found.mtimeMs }, stored };
  }
  // Size and mtime as stored: the stored hash stands (the same trust as the no-change skip above), so a
  // re-code of ten thousand unchanged files reads none of them.
  const unchangedFile = stored && stored.status !== 'missing' && stored.bytes === found.bytes && stored.mtimeMs === found.mtimeMs && stored.sha256;
  let sha256: string;
  try {
    sha256 = unchangedFile ? stored.sha256! : await hashFile(found.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { action: 'unreadable', file: found.file, rule: 'unreadable-file', reason: `cannot read the file (${code}); check its permissions` };
  }
  const identity = { file: found.file, sha256, bytes: found.bytes, mtimeMs: found.mtimeMs };
  if (!stored || stored.sha256 !== sha256 || stored.status === 'missing' || stored.extractionVersion !== versions.extraction) {
    return { action: 'full', identity };
  }
  if (stored.pipelineVersion === versions.pipeline) return { action: 'skip', identity, stored };
  // Failed documents have no stored text to re-annotate.
  if (stored.status === 'failed') return { action: 'full', identity };
  return { action: 'annotations', identity, rerun: annotatorsToRerun(versions.annotators, stored.annotatorVersions) };
}

/**
 * The order in which planned work goes to the workers: largest files first (longest processing time
 * first, bytes standing in for time), so that with several workers the run ends on small documents
 * instead of one core finishing a large one alone while the other idles. Ties go by path, so the order
 * is the same on every run.
 */
export function processingOrder(plans: readonly PlannedWork[]): PlannedWork[] {
  // Skips and unreadable inputs cost nothing to handle, so they come first.
  const weight = (p: PlannedWork) => (p.action === 'full' || p.action === 'annotations' ? p.identity.bytes : Infinity);
  const name = (p: PlannedWork) => (p.action === 'unreadable' ? p.file : p.identity.file);
  return [...plans].sort((a, b) => (weight(a) === weight(b) ? 0 : weight(b) > weight(a) ? 1 : -1) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}
