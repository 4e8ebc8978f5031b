/**
 * The annotators, in the order they run (later ones read earlier ones' annotations), created once per
 * worker from the pipeline configuration.
 */
import type { PipelineConfig } from '../config.js';
import type { AnnotateFn } from './annotator.js';

export interface CreatedAnnotator {
  readonly id: string;
  readonly version: string;
  readonly annotate: AnnotateFn;
}

export function createAnnotators(config: PipelineConfig): CreatedAnnotator[] {
  void config;
  return [];
}

/** Ids and versions of the enabled annotators, recorded with each run and in the pipeline version. */
export function annotatorVersions(config: PipelineConfig): { id: string; version: string }[] {
  return createAnnotators(config).map(({ id, version }) => ({ id, version }));
}
