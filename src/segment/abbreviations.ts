/**
 * Loads the splitter's vocabulary from pipelines/segment/: abbreviations that never end a sentence,
 * abbreviations that may, the words that commonly open a sentence and those that open a heading line. Returns lookup sets (lower-case
 * abbreviations without their final period; sentence starters as written). Read once per process.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Abbreviations {
  /** A period after these never ends a sentence ("No.", "hlm.", "e.g."). */
  readonly nonFinal: ReadonlySet<string>;
  /** A period after these ends a sentence only before a common sentence opener ("et al.", "dll."). */
  readonly ambiguous: ReadonlySet<string>;
  /** Capitalised words that commonly open a sentence, in either language. */
  readonly starters: ReadonlySet<string>;
  /** Words that open a statute heading line ("Pasal", "Ayat", "Article"), as written. */
  readonly headings: ReadonlySet<string>;
}

// src/segment/ and dist/segment/ are both two levels below the repository root.
const dataDir = new URL('../../pipelines/segment/', import.meta.url);

let cached: Abbreviations | undefined;

export function loadAbbreviations(dir: string = fileURLToPath(dataDir)): Abbreviations {
  const read = (name: string) => parse(readFileSync(`${dir}/${name}`, 'utf8')) as Record<string, string[]>;
  const abbreviations = read('abbreviations.yaml');
  const starters = read('sentence-starters.yaml');
  const lower = (list: string[] | undefined) => new Set((list ?? []).map((w) => String(w).toLowerCase()));
  return {
    nonFinal: lower(abbreviations.nonFinal),
    ambiguous: lower(abbreviations.ambiguous),
    starters: new Set(Object.values(starters).flat().map(String)),
    headings: new Set((read('headings.yaml').words ?? []).map(String)),
  };
}

/** The vocabulary shipped in pipelines/segment/, loaded on first use. */
export function defaultAbbreviations(): Abbreviations {
  cached ??= loadAbbreviations();
  return cached;
}
