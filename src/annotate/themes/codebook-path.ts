/**
 * Where a codebook named in the options lives: an absolute path as given, else relative to the
 * project's pipelines/ folder (the same folder from src/ and from the built dist/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PIPELINES_DIR = fileURLToPath(new URL('../../../pipelines/', import.meta.url));

export function codebookPath(codebook: string, pipelinesDir = PIPELINES_DIR): string {
  return path.isAbsolute(codebook) ? codebook : path.resolve(pipelinesDir, codebook);
}
