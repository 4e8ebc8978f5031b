/** Fresh temporary folders under test/.tmp (git-ignored), removed after the test file. */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.tmp');

export function tempDir(prefix = 'case-'): string {
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
