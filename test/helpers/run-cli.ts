/** Runs the `telaah` CLI from the TypeScript sources in a child process (for exit codes and kills). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './temp-dir.js';

const entry = path.join(repoRoot, 'test', 'helpers', 'cli-entry.ts');

export function runCli(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[], cwd = repoRoot): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

const built = path.join(repoRoot, 'bin', 'telaah.js');

/**
 * The installed command (bin/telaah.js running dist/), for tests that start many runs: it starts in a
 * fraction of the time the TypeScript sources take. `npm test` builds dist/ first.
 */
export function spawnBuiltCli(args: string[], cwd = repoRoot): ChildProcess {
  if (!existsSync(path.join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  return spawn(process.execPath, [built, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runBuiltCli(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [built, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
