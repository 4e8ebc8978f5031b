/**
 * The machine's own ceiling for two cores on this workload: raw pdfjs-dist extraction in two separate
 * processes at once, each on half of the files (split by size so the halves take about as long), as
 * pages/s over the wall time until both finish. Two processes share nothing but the hardware (memory
 * bandwidth, the shared L3 cache), so their speed-up over one process bounds what `--jobs 2` can gain on
 * the parsing that dominates a run; benchmarks report it beside the jobs 2 / jobs 1 ratio.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Two halves of `files` with about equal bytes: largest first, each to the lighter half. */
export function balancedHalves(files: readonly string[]): [string[], string[]] {
  const halves: [string[], string[]] = [[], []];
  const bytes = [0, 0];
  for (const { file, size } of files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size)) {
    const lighter = bytes[0] <= bytes[1] ? 0 : 1;
    halves[lighter].push(file);
    bytes[lighter] += size;
  }
  return halves;
}

/**
 * Runs `command(half)` for both halves at once; each child prints a JSON line with `pages` last.
 * Returns the wall seconds until both are done and the pages they read together.
 */
export async function sideBySide(files: readonly string[], command: (half: string[]) => [string, string[]]): Promise<{ seconds: number; pages: number }> {
  const started = performance.now();
  const outputs = await Promise.all(balancedHalves(files).map(async (half) => {
    const [file, args] = command(half);
    const { stdout } = await run(file, args, { maxBuffer: 1 << 26 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as { pages: number };
  }));
  return { seconds: (performance.now() - started) / 1000, pages: outputs.reduce((n, o) => n + o.pages, 0) };
}
