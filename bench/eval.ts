/**
 * `npm run eval`: runs every evaluation under bench/eval/ (one module per capability, each exporting
 * `evaluate(): Promise<void>` that prints its figures) against the gold data in ../shared.
 * `npm run eval -- instruments` runs only the named ones.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(path.join(here, 'eval'))
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace(/\.ts$/, '')} ==`);
  try {
    const mod = await import(pathToFileURL(path.join(here, 'eval', f)).href);
    await mod.evaluate();
  } catch (error) {
    failed++;
    console.error(`evaluation ${f} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;
