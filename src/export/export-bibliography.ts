/**
 * `telaah export --format bibtex|csl-json|ris`: the works cited across the corpus (works.csv) as a
 * bibliography file, `works.bib`, `works.json` or `works.ris`, most cited first. CSL-JSON is written
 * as built (worksToCsl); BibTeX and RIS are formatted from it by citation-js.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Cite from 'citation-js';
import type { Db } from '../store/open-store.js';
import { createExportContext, type ExportOptions } from './export-context.js';
import { worksToCsl, type CslItem } from './works-to-csl.js';

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'ris';

const FILE: Record<BibliographyFormat, string> = { bibtex: 'works.bib', 'csl-json': 'works.json', ris: 'works.ris' };

export function formatBibliography(items: readonly CslItem[], format: BibliographyFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (!items.length) return '';
  // The items are CSL-JSON already: naming the type skips citation-js's detection, and without the parse
  // graph (provenance metadata no output format writes) each of thousands of items is copied once, not twice.
  return new Cite(items, { forceType: '@csl/list+object', generateGraph: false }).format(format, { format: 'text' });
}

export function exportBibliography(db: Db, outDir: string, format: BibliographyFormat, options: ExportOptions = {}): { file: string; works: number } {
  mkdirSync(outDir, { recursive: true });
  const items = worksToCsl(createExportContext(db, options).citations().works);
  const file = path.join(outDir, FILE[format]);
  writeFileSync(file, formatBibliography(items, format));
  return { file, works: items.length };
}
