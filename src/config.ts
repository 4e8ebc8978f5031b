/**
 * The pipeline file (YAML): inputs, the database, limits and each stage's options, validated with zod.
 * A validation error names the key, the file and the line, and says what is expected.
 * Relative paths in the file resolve against the file's own folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { extractOptions } from './extract/options.js';
import { layoutOptions } from './layout/options.js';
import { segmentOptions } from './segment/options.js';
import { instrumentsOptions } from './annotate/instruments/options.js';
import { citationsOptions } from './annotate/citations/options.js';
import { themesOptions } from './annotate/themes/options.js';
import { claimsOptions } from './annotate/claims/options.js';

export const limitsSchema = z
  .object({
    /** Documents with more pages are failed with a clear reason instead of stalling the run. */
    maxPages: z.number().int().positive().default(3000),
    maxFileMegabytes: z.number().positive().default(200),
    /** Per-document processing time limit. */
    timeoutSeconds: z.number().positive().default(300),
    /** Heap cap of one worker thread (V8 old generation): a document needing more fails alone. */
    workerHeapMegabytes: z.number().int().min(64).default(768),
  })
  .strict();

export const pipelineSchema = z
  .object({
    version: z.literal(1).default(1),
    inputs: z.array(z.string()).default(['corpus']),
    database: z.string().default('output/telaah.sqlite'),
    jobs: z.union([z.literal('auto'), z.number().int().positive()]).default('auto'),
    limits: limitsSchema.prefault({}),
    stages: z
      .object({
        extract: extractOptions.prefault({}),
        layout: layoutOptions.prefault({}),
        segment: segmentOptions.prefault({}),
        instruments: instrumentsOptions.prefault({}),
        citations: citationsOptions.prefault({}),
        themes: themesOptions.prefault({}),
        claims: claimsOptions.prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type PipelineConfig = z.infer<typeof pipelineSchema> & {
  /** Absolute path of the pipeline file, or null for built-in defaults. */
  readonly file: string | null;
  /** Folder that relative paths in the config resolve against. */
  readonly baseDir: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or correct them`;
  return issue.message.replace(/^Invalid input: /, '');
}

function lineOf(doc: Document, counter: LineCounter, keyPath: (string | number)[]): number | null {
  for (let n = keyPath.length; n >= 0; n--) {
    const node = doc.getIn(keyPath.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/** Parses and validates pipeline YAML; `file` is used in messages and to resolve relative paths. */
export function parsePipeline(source: string, file: string | null, baseDir = file ? path.dirname(file) : process.cwd()): PipelineConfig {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true });
  const where = file ?? '<pipeline>';
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new ConfigError(`${where}${line ? `:${line}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const parsed = pipelineSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const keyPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const line = lineOf(doc, counter, keyPath);
      const key = keyPath.join('.') || '(top level)';
      return `${where}${line ? `:${line}` : ''}: ${key}: ${describeIssue(issue)}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return { ...parsed.data, file, baseDir };
}

export function loadPipeline(file: string): PipelineConfig {
  const absolute = path.resolve(file);
  let source: string;
  try {
    source = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the pipeline file (${(error as NodeJS.ErrnoException).code ?? error}); pass --pipeline with an existing file`);
  }
  return parsePipeline(source, absolute);
}

/** The pipeline file shipped with Telaah (pipelines/default.yaml beside src/ or dist/). */
export const bundledPipelineFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'pipelines', 'default.yaml');

export function defaultPipeline(): PipelineConfig {
  return loadPipeline(bundledPipelineFile);
}

export function resolveFromConfig(config: PipelineConfig, p: string): string {
  return path.resolve(config.baseDir, p);
}
