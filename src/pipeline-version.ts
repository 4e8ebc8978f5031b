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
import { citationsAnnotator } from './annotate/citations/citations-annotator.js';
import { claimsAnnotator } from './annotate/claims/claims-annotator.js';
import { themesAnnotator } from './annotate/themes/themes-annotator.js';

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
  /**
   * Each enabled annotator's effective version: its code, options and knowledge, the extraction version
   * and the versions of the annotators whose output it reads. A codebook edit changes only `themes`, so
   * a re-code re-runs only the themes annotator.
   */
  readonly annotators: Readonly<Record<string, string>>;
}

export function pipelineVersions(config: PipelineConfig): PipelineVersions {
  const extraction = createHash('sha256').update(telaahVersion());
  for (const part of ['extract', 'layout', 'segment', 'document.ts', 'document.js', 'offset-map.ts', 'offset-map.js']) {
    hashTree(extraction, path.join(here, part));
  }
  // Stage vocabularies ship beside the code, under the package's pipelines/ folder.
  for (const part of ['extract', 'layout', 'segment']) hashTree(extraction, path.join(packagePipelines, part));
  const { extract, layout, segment, instruments, claims, citations, themes } = config.stages;
  extraction.update(JSON.stringify({ extract: { ...extract, password: undefined }, layout, segment, maxPages: config.limits.maxPages }));
  const extractionVersion = extraction.digest('hex').slice(0, 16);

  // The knowledge each annotator reads: the registry and codebook the configuration names, and the
  // vocabularies shipped with the package. Only these: a pipeline file may sit beside the corpus and the
  // store, which must not count as knowledge.
  const version = (parts: { code: string[]; knowledge: string[]; options: unknown; reads: string[] }): string => {
    const h = createHash('sha256').update(extractionVersion).update(JSON.stringify(parts.options)).update(parts.reads.join(','));
    for (const shared of ['annotator.ts', 'annotator.js', 'annotators.ts', 'annotators.js']) hashTree(h, path.join(here, 'annotate', shared));
    for (const code of parts.code) hashTree(h, path.join(here, 'annotate', code));
    for (const file of parts.knowledge) hashTree(h, file);
    return h.digest('hex').slice(0, 16);
  };
  const annotators: Record<string, string> = {};
  const readsOf = (definition: { reads: readonly string[] }) => definition.reads.map((id) => annotators[id] ?? '');
  if (instruments.enabled) {
    annotators.instruments = version({ code: ['instruments'], knowledge: [resolveFromConfig(config, instruments.registry)], options: instruments, reads: [] });
    if (claims.enabled) {
      annotators.claims = version({ code: ['claims', 'instruments'], knowledge: [resolveFromConfig(config, claims.registry)], options: claims, reads: readsOf(claimsAnnotator) });
    }
  }
  if (citations.enabled) {
    annotators.citations = version({ code: ['citations'], knowledge: [path.join(packagePipelines, 'citations')], options: citations, reads: readsOf(citationsAnnotator) });
  }
  if (themes.enabled) {
    annotators.themes = version({
      code: ['themes'], knowledge: [resolveFromConfig(config, themes.codebook), path.join(packagePipelines, 'codebooks', 'stopwords.yaml')],
      options: themes, reads: readsOf(themesAnnotator),
    });
  }
  const pipeline = createHash('sha256').update(extractionVersion).update(JSON.stringify(annotators)).digest('hex').slice(0, 16);
  return { extraction: extractionVersion, pipeline, annotators };
}

/** Annotators whose stored output is out of date: changed, new, or no longer enabled. */
export function annotatorsToRerun(current: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>> | null): string[] | null {
  if (!stored) return null; // unknown: re-run them all
  const ids = new Set([...Object.keys(current), ...Object.keys(stored)]);
  return [...ids].filter((id) => current[id] !== stored[id]).sort();
}
