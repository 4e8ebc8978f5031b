/**
 * Loaders for the knowledge Telaah keeps as YAML data beside the code (vocabularies, word lists):
 * validated with a zod schema; the shipped default file is read once per thread and cached, any other
 * file is read each time it is asked for.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

export function dataFileLoader<S extends z.ZodType>(schema: S, defaultFile: URL): (file?: string | URL) => z.infer<S> {
  let cached: z.infer<S> | null = null;
  return (file = defaultFile) => {
    const isDefault = String(file) === String(defaultFile);
    if (isDefault && cached) return cached;
    const data = schema.parse(parse(readFileSync(file, 'utf8'))) as z.infer<S>;
    if (isDefault) cached = data;
    return data;
  };
}
