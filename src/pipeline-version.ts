/**
 * Versions that decide what a re-run must redo. The extraction version covers the code and options of
 * extract → layout → segment; the pipeline version adds the annotators' code, options and data (the
 * registry and codebook under the pipeline folder). Hashing the code itself means an upgrade that
 * changes a stage re-processes exactly what it must, without anyone remembering to bump a number.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFromConfig, type PipelineConfig } from './config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagePipelines = path.join(here, '..', 'pipelines');

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  let st;
  try {
    st = statSync(target);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (entry.startsWith('.') || entry.endsWith('.map')) continue;
      hashTree(hash, path.join(target, entry));
    }
  } else if (st.isFile()) {
    hash.update(path.basename(target)).update(readFileSync(target));
  }
}

export function telaahVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface PipelineVersions {
  readonly extraction: string;
  readonly pipeline: string;
}

export function pipelineVersions(config: PipelineConfig): PipelineVersions {
  const extraction = createHash('sha256').update(telaahVersion());
  for (const part of ['extract', 'layout', 'segment', 'document.ts', 'document.js', 'offset-map.ts', 'offset-map.js']) {
    hashTree(extraction, path.join(here, part));
  }
  // Stage vocabularies ship beside the code, under the package's pipelines/ folder.
  for (const part of ['extract', 'layout', 'segment']) hashTree(extraction, path.join(packagePipelines, part));
  const { extract, layout, segment } = config.stages;
  extraction.update(JSON.stringify({ extract: { ...extract, password: undefined }, layout, segment, maxPages: config.limits.maxPages }));
  const extractionVersion = extraction.digest('hex').slice(0, 16);

  const pipeline = createHash('sha256').update(extractionVersion);
  hashTree(pipeline, path.join(here, 'annotate'));
  pipeline.update(JSON.stringify({ instruments: config.stages.instruments, citations: config.stages.citations, themes: config.stages.themes, claims: config.stages.claims }));
  // The knowledge the annotators read: the registry and codebook the configuration names, and the
  // vocabularies shipped with the package. Only these: a pipeline file may sit beside the corpus and the
  // store, which must not count as knowledge.
  hashTree(pipeline, resolveFromConfig(config, config.stages.instruments.registry));
  hashTree(pipeline, resolveFromConfig(config, config.stages.claims.registry));
  hashTree(pipeline, resolveFromConfig(config, config.stages.themes.codebook));
  for (const part of ['citations', 'codebooks/stopwords.yaml']) hashTree(pipeline, path.join(packagePipelines, part));
  return { extraction: extractionVersion, pipeline: pipeline.digest('hex').slice(0, 16) };
}
