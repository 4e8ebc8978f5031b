/**
 * What the corpus-level step after a run needs from the annotators' knowledge: the registry's
 * instruments as store rows, and how to describe a statute found only by its citation.
 */
import type { PipelineConfig } from './config.js';
import { resolveFromConfig } from './config.js';
import type { AfterRunInput } from './store/after-run.js';
import { loadRegistry } from './annotate/instruments/load-registry.js';
import { instrumentRows, statuteRow } from './annotate/instruments/instrument-rows.js';

export function corpusKnowledge(config: PipelineConfig): Omit<AfterRunInput, 'changed'> {
  if (!config.stages.instruments.enabled) return { registry: [] };
  const registry = loadRegistry(resolveFromConfig(config, config.stages.instruments.registry));
  return { registry: instrumentRows(registry), statuteRow: statuteRow as AfterRunInput['statuteRow'] };
}
