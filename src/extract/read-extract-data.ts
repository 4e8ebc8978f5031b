/**
 * Reads one of the extract stage's data files (YAML under pipelines/extract/), once per process.
 * Knowledge such as word lists lives there, not in code. Resolved from this module's own location,
 * which is the same two levels below the package root in src/ and in dist/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const folder = new URL('../../pipelines/extract/', import.meta.url);
const cache = new Map<string, unknown>();

export function readExtractData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = parse(readFileSync(new URL(name, folder), 'utf8')) as unknown;
    cache.set(name, value);
  }
  return value as T;
}
