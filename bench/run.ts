/**
 * `npm run bench`: runs every benchmark under bench/cases/ (one module per capability, each exporting
 * `bench(): Promise<Record<string, number | string>>` that prints its figures as ratios against a
 * baseline measured in the same run) and writes all figures to bench/results/<date>.json.
 * `npm run bench -- instruments` runs only the named ones.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(path.join(here, 'cases'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
for (const f of files) {
  const name = f.replace(/\.ts$/, '');
  console.log(`\n== ${name} ==`);
  const mod = await import(pathToFileURL(path.join(here, 'cases', f)).href);
  results[name] = await mod.bench();
}
mkdirSync(path.join(here, 'results'), { recursive: true });
const out = path.join(here, 'results', `${new Date().toISOString().slice(0, 10)}.json`);
// A partial run (`npm run bench -- review`) updates its own figures in today's file and keeps the others.
const earlier = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(out, JSON.stringify({ ...earlier, ...results }, null, 2) + '\n');
console.log(`\nresults written to ${path.relative(process.cwd(), out)}`);
