/**
 * Citations benchmark: references parsed per second by `parseReference` (rules plus the learned
 * labeller) and by the rules alone, over the strings of ../shared/refs/dev.jsonl (repeated to about a
 * second of work, best of 3 runs after a warm-up), against a baseline measured in the same run: a single pass of a trivial regex split
 * over the same strings, so the ratio shows the parser's cost independent of the machine. The rate is
 * given per wall-clock second and per CPU second of this process: the machine is shared, and on a
 * loaded one the wall clock counts time spent waiting for a core. The labeller alone (tokens, features,
 * Viterbi and one constrained Viterbi per field, on every field it can supply) is timed apart too:
 * `parseReference` only runs it when the model file lists fields to take from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReferenceByRules } from '../../src/annotate/citations/parse-reference-by-rules.js';
import { parseReference } from '../../src/annotate/citations/parse-reference.js';
import { labelReference } from '../../src/annotate/citations/label-reference.js';
import { LABELLED_FIELDS, loadReferenceLabeller } from '../../src/annotate/citations/reference-labeller-model.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function rate(strings: readonly string[], fn: (s: string) => unknown, minMs = 1000): { wall: number; cpu: number } {
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < minMs) for (const s of strings) {
    fn(s);
    n++;
  }
  const cpu = process.cpuUsage(c0);
  return { wall: n / ((performance.now() - t0) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
}

export async function bench(): Promise<Record<string, number | string>> {
  const strings = readFileSync(path.join(here, '../../../shared/refs/dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).raw as string);
  // Warm-up (compilation, the labeller's per-word caches), then the best of 3 runs: the machine is shared.
  rate(strings, (s) => parseReference(s), 1000);
  rate(strings, parseReferenceByRules, 300);
  const best = (fn: (s: string) => unknown) => {
    const runs = [rate(strings, fn), rate(strings, fn), rate(strings, fn)];
    return { wall: Math.max(...runs.map((r) => r.wall)), cpu: Math.max(...runs.map((r) => r.cpu)) };
  };
  const combined = best((s) => parseReference(s));
  const rules = best(parseReferenceByRules);
  const model = loadReferenceLabeller();
  const ruled = new Map(strings.map((s) => [s, parseReferenceByRules(s)]));
  const label = (s: string) => model && labelReference(s, model, ruled.get(s)!, LABELLED_FIELDS);
  rate(strings, label, 300);
  const labeller = best(label);
  const baseline = best((s) => s.split(/[.,;:]\s/));
  const result = {
    referencesPerSecond: Math.round(combined.wall),
    referencesPerCpuSecond: Math.round(combined.cpu),
    rulesOnlyPerSecond: Math.round(rules.wall),
    rulesOnlyPerCpuSecond: Math.round(rules.cpu),
    labellerAllFieldsPerSecond: Math.round(labeller.wall),
    labellerAllFieldsPerCpuSecond: Math.round(labeller.cpu),
    labellerFieldsShipped: model?.fields.join(',') || 'none',
    baselineSplitsPerSecond: Math.round(baseline.wall),
    ratioToBaseline: Number((combined.wall / baseline.wall).toFixed(4)),
  };
  console.log(`parseReference: ${result.referencesPerSecond} references/s (${result.referencesPerCpuSecond} per CPU second; ${result.ratioToBaseline}× a plain regex split)`);
  console.log(`rules alone: ${result.rulesOnlyPerSecond} references/s (${result.rulesOnlyPerCpuSecond} per CPU second)`);
  console.log(`labeller alone, all ${LABELLED_FIELDS.length} fields (rules' parse given): ${result.labellerAllFieldsPerSecond} references/s (${result.labellerAllFieldsPerCpuSecond} per CPU second); fields shipped: ${result.labellerFieldsShipped}`);
  return result;
}
