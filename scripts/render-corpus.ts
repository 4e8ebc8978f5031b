/**
 * `npm run corpus [-- --sources DIR --out DIR]`: renders every corpus/sources/*.yaml to corpus/<file>.pdf with `renderPdf`.
 * Sources stay in YAML because the pipeline ingests every .pdf/.txt/.md under corpus/ and must not
 * see them twice. `renderCorpus` takes the folders and returns the written paths in name order;
 * output is byte-identical on every run (fixed metadata), which test/scripts checks.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseCorpusSource, type CorpusSource } from './corpus-source.js';
import { renderPdf } from './render-pdf.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RenderCorpusOptions {
  readonly sourcesDir?: string;
  readonly outDir?: string;
}

export function loadCorpusSources(sourcesDir = path.join(repo, 'corpus', 'sources')): CorpusSource[] {
  return readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseCorpusSource(parse(readFileSync(path.join(sourcesDir, f), 'utf8')), f));
}

export async function renderCorpus(options: RenderCorpusOptions = {}): Promise<string[]> {
  const outDir = options.outDir ?? path.join(repo, 'corpus');
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const src of loadCorpusSources(options.sourcesDir)) {
    const file = path.join(outDir, `${src.file}.pdf`);
    writeFileSync(file, await renderPdf(src));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => (process.argv.includes(name) ? path.resolve(process.argv[process.argv.indexOf(name) + 1]) : undefined);
  for (const f of await renderCorpus({ sourcesDir: arg('--sources'), outDir: arg('--out') })) console.log(`wrote ${path.relative(process.cwd(), f)}`);
}
