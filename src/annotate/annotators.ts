/**
 * The annotators, in the order they run (later ones read earlier ones' annotations: claims and themes
 * read instrument mentions), created once per worker from the pipeline configuration. Paths in stage
 * options (registry, codebook) resolve against the pipeline file's folder.
 */
import type { PipelineConfig } from '../config.js';
import { resolveFromConfig } from '../config.js';
import type { AnnotateFn } from './annotator.js';
import { instrumentsAnnotator } from './instruments/instruments-annotator.js';
import { claimsAnnotator } from './claims/claims-annotator.js';
import { citationsAnnotator } from './citations/citations-annotator.js';
import { themesAnnotator } from './themes/themes-annotator.js';

export interface CreatedAnnotator {
  readonly id: string;
  readonly version: string;
  readonly reads: readonly string[];
  readonly annotate: AnnotateFn;
}

export function createAnnotators(config: PipelineConfig): CreatedAnnotator[] {
  const { instruments, claims, citations, themes } = config.stages;
  const created: CreatedAnnotator[] = [];
  if (instruments.enabled) {
    const registryDir = resolveFromConfig(config, instruments.registry);
    created.push({ ...instrumentsAnnotator, annotate: instrumentsAnnotator.create({ ...instruments, registryDir }) });
  }
  // Claims read the instrument mentions, so they only run after instruments.
  if (instruments.enabled && claims.enabled) {
    const registryDir = resolveFromConfig(config, claims.registry);
    created.push({ ...claimsAnnotator, annotate: claimsAnnotator.create({ ...claims, registryDir }) });
  }
  if (citations.enabled) created.push({ ...citationsAnnotator, annotate: citationsAnnotator.create(citations) });
  if (themes.enabled) {
    const codebookFile = resolveFromConfig(config, themes.codebook);
    created.push({ ...themesAnnotator, annotate: themesAnnotator.create({ ...themes, codebookFile }) });
  }
  return created;
}

/** Ids and versions of the enabled annotators, recorded with each run and in the pipeline version. */
export function annotatorVersions(config: PipelineConfig): { id: string; version: string }[] {
  const { instruments, claims, citations, themes } = config.stages;
  return [
    instruments.enabled && instrumentsAnnotator,
    instruments.enabled && claims.enabled && claimsAnnotator,
    citations.enabled && citationsAnnotator,
    themes.enabled && themesAnnotator,
  ].flatMap((a) => (a ? [{ id: a.id, version: a.version }] : []));
}
