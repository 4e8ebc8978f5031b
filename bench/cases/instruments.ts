/**
 * `npm run bench -- instruments`: throughput of instrument tagging alone (tokenize + trie walk +
 * statute grammar, then the full annotator on a bare document: context resolution, provisions,
 * reference marking) on one core, in MB of UTF-8 text per second. The text is the real plain-text
 * documents of ../shared/corpus (seeds and real .txt), concatenated to about 16 MB. The baseline,
 * measured in the same run, is a bare pass that only lower-cases the text; figures are also given
 * as ratios to it. Prints and returns the figures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TelaahDocument } from '../../src/document.js';
import { Report } from '../../src/message.js';
import { compileMatcher } from '../../src/annotate/instruments/compile-matcher.js';
import { instrumentsAnnotator } from '../../src/annotate/instruments/instruments-annotator.js';
import { loadRegistry } from '../../src/annotate/instruments/load-registry.js';
import { matchInstruments } from '../../src/annotate/instruments/match-instruments.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared/corpus');
const registryDir = path.resolve(here, '../../pipelines/registry');

function corpusText(targetBytes: number): string {
  const files = [
    ...readdirSync(path.join(shared, 'seeds')).map((f) => path.join(shared, 'seeds', f)),
    ...readdirSync(path.join(shared, 'real')).filter((f) => f.endsWith('.txt')).map((f) => path.join(shared, 'real', f)),
  ];
  const base = files.map((f) => readFileSync(f, 'utf8')).join('\n\n');
  const parts: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    parts.push(base);
    size += Buffer.byteLength(base);
  }
  return parts.join('\n\n');
}

function bareDocument(text: string): TelaahDocument {
  return {
    id: 'bench', file: 'bench.txt', sha256: '', format: 'txt', title: null, language: 'und', pageCount: 1,
    text, notesStart: text.length, pages: [{ number: 1, label: null, start: 0, end: text.length, header: [], footer: [] }],
    footnotes: [], markers: [], provisions: [], paragraphs: [], sourceMap: { norm: [], src: [], normLength: [], srcLength: [] },
    segments: { paragraphs: [], sentences: [] }, annotations: [],
  };
}

function best(times: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

export async function bench(): Promise<Record<string, number | string>> {
  const text = corpusText(16e6);
  const mb = Buffer.byteLength(text) / 1e6;
  const t0 = performance.now();
  const matcher = compileMatcher(loadRegistry(registryDir));
  const compileMs = performance.now() - t0;
  const annotate = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir });
  const doc = bareDocument(text);
  let mentions = 0;
  const baseline = best(5, () => text.toLowerCase().length);
  const tagging = best(5, () => (mentions = matchInstruments(text, matcher).length));
  const annotator = best(5, () => annotate(doc, new Report('bench')).length);
  const figures = {
    megabytes: Number(mb.toFixed(1)),
    mentions,
    compileMs: Number(compileMs.toFixed(1)),
    baselineMBps: Number((mb / baseline).toFixed(1)),
    taggingMBps: Number((mb / tagging).toFixed(1)),
    annotatorMBps: Number((mb / annotator).toFixed(1)),
    taggingVsBaseline: Number((baseline / tagging).toFixed(3)),
    target: '>= 10 MB/s tagging per core',
  };
  console.log(`instrument tagging: ${figures.taggingMBps} MB/s per core (full annotator ${figures.annotatorMBps} MB/s; lower-casing baseline ${figures.baselineMBps} MB/s, ratio ${figures.taggingVsBaseline}) over ${figures.megabytes} MB, ${mentions} mentions; registry compiled in ${figures.compileMs} ms`);
  return figures;
}
