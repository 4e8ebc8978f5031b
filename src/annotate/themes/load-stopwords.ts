/**
 * The discovery stopwords (pipelines/codebooks/stopwords.yaml): Indonesian and English function
 * words and generic academic vocabulary, as lower-case surface forms. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { codebookPath } from './codebook-path.js';

const stopwordsSchema = z.object({ id: z.array(z.string()), en: z.array(z.string()) }).strict();
export type Stopwords = { readonly id: ReadonlySet<string>; readonly en: ReadonlySet<string>; readonly all: ReadonlySet<string> };

let cached: Stopwords | null = null;

export function loadStopwords(file = codebookPath('codebooks/stopwords.yaml')): Stopwords {
  if (cached && file === codebookPath('codebooks/stopwords.yaml')) return cached;
  const lists = stopwordsSchema.parse(parse(readFileSync(file, 'utf8')));
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const result = { id: lower(lists.id), en: lower(lists.en), all: new Set([...lower(lists.id), ...lower(lists.en)]) };
  if (file === codebookPath('codebooks/stopwords.yaml')) cached = result;
  return result;
}
