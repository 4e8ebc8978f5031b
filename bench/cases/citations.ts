/**
 * Citations benchmark: references parsed per second by `parseReference`, over the strings of
 * ../shared/refs/dev.jsonl (repeated to about a second of work), against a baseline measured in the
 * same run: a single pass of a trivial regex split over the same strings, so the ratio shows the
 * parser's cost independent of the machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReference } from '../../src/annotate/citations/parse-reference.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function rate(strings: readonly string[], fn: (s: string) => unknown, minMs = 1000): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) for (const s of strings) {
    fn(s);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function bench(): Promise<Record<string, number | string>> {
  const strings = readFileSync(path.join(here, '../../../shared/refs/dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).raw as string);
  rate(strings, parseReference, 200); // warm-up
  const perSecond = rate(strings, parseReference);
  const baseline = rate(strings, (s) => s.split(/[.,;:]\s/));
  const result = { referencesPerSecond: Math.round(perSecond), baselineSplitsPerSecond: Math.round(baseline), ratioToBaseline: Number((perSecond / baseline).toFixed(4)) };
  console.log(`parseReference: ${result.referencesPerSecond} references/s (${result.ratioToBaseline}× a plain regex split)`);
  return result;
}
