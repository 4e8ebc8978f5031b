/**
 * Segmentation speed: characters/s and sentences/s of segmentDocument (sentence splitting plus
 * language identification) over the seed texts and the plain-text files of ../shared/corpus, with
 * one paragraph per blank-line block. The baseline measured in the same run is a naive regex split
 * on [.!?] over the same paragraphs, so the ratio says what the legal-aware rules and franc cost.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaidOutText } from '../../src/document.js';
import { Report } from '../../src/message.js';
import type { Span } from '../../src/span.js';
import { segmentOptions } from '../../src/segment/options.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { splitSentences } from '../../src/segment/split-sentences.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../shared/corpus');

function texts(): { file: string; text: string }[] {
  const dirs = ['seeds', 'real', 'derived'].map((d) => path.join(corpus, d)).filter(existsSync);
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n') })),
  );
}

function laidOut(text: string): LaidOutText {
  const paragraphs: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(/\n[ \t\f]*\n/g)) {
    if (m.index > from) paragraphs.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (text.length > from) paragraphs.push({ start: from, end: text.length });
  return {
    text,
    notesStart: text.length,
    pages: [{ start: 0, end: text.length, number: 1, label: null, header: [], footer: [] }],
    footnotes: [],
    markers: [],
    provisions: [],
    sourceMap: { norm: [0], src: [0], normLength: [text.length], srcLength: [text.length] },
    paragraphs,
  };
}

/** Best of `rounds` timings (ms) of `run` over all documents; returns it with run's count. */
function measure(rounds: number, run: () => number): { ms: number; count: number } {
  let ms = Infinity;
  let count = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    count = run();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, count };
}

export async function bench(): Promise<Record<string, number | string>> {
  const docs = texts().map((d) => ({ ...d, laid: laidOut(d.text) }));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const options = segmentOptions.parse({});
  const rounds = 5;

  const full = measure(rounds, () => docs.reduce((n, d) => n + segmentDocument(d.laid, options, new Report(d.file)).sentences.length, 0));
  const split = measure(rounds, () =>
    docs.reduce((n, d) => n + d.laid.paragraphs.reduce((k, p) => k + splitSentences(d.text, p).length, 0), 0),
  );
  const naive = measure(rounds, () =>
    docs.reduce((n, d) => n + d.laid.paragraphs.reduce((k, p) => k + (d.text.slice(p.start, p.end).match(/[^.!?]+[.!?]*/g)?.length ?? 0), 0), 0),
  );
  const adversarial = '. . . . No. No. 1234567890 (a) '.repeat(100_000 / 32);
  const attack = measure(rounds, () => splitSentences(adversarial).length);

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const figures = {
    documents: docs.length,
    characters: chars,
    sentences: full.count,
    segmentCharsPerSecond: perSecond(chars, full.ms),
    segmentSentencesPerSecond: perSecond(full.count, full.ms),
    splitCharsPerSecond: perSecond(chars, split.ms),
    naiveSplitCharsPerSecond: perSecond(chars, naive.ms),
    splitCostVsNaive: Number((split.ms / naive.ms).toFixed(1)),
    adversarialCharsPerSecond: perSecond(adversarial.length, attack.ms),
  };
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(28)} ${v.toLocaleString('en')}`);
  return figures;
}
