/**
 * Theme coding speed: sentences coded per second on one core (target ≥ 20,000), with the default
 * codebook, over the gold article's sentences (../shared, read at run time, never copied), plus the
 * cost of loading and compiling the codebook. The stem cache is warmed by a first pass, as it is
 * after the first pages of any corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCodebook } from '../../src/annotate/themes/compile-codebook.js';
import { codeSentence } from '../../src/annotate/themes/code-sentence.js';
import { codebookPath } from '../../src/annotate/themes/codebook-path.js';
import { loadCodebook } from '../../src/annotate/themes/load-codebook.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLD = path.resolve(here, '../../../shared/gold/000_a8b5b348252ec0f7.themes.json');

function sentences(): string[] {
  if (existsSync(GOLD)) return (JSON.parse(readFileSync(GOLD, 'utf8')) as { sentences: { text: string }[] }).sentences.map((s) => s.text);
  // Without the shared data: varied synthetic sentences of realistic length.
  const words = 'negara wajib melindungi hak pekerja migran pengungsi dan pencari suaka berdasarkan hukum internasional serta perjanjian bilateral'.split(' ');
  return Array.from({ length: 200 }, (_, i) => Array.from({ length: 25 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ') + '.');
}

export async function bench(): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const compiled = compileCodebook(loadCodebook(codebookPath('codebooks/migration-law-v1.yaml')));
  const compileMs = performance.now() - t0;
  const texts = sentences();
  for (const t of texts) codeSentence(compiled, t);
  let coded = 0;
  let codes = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) {
    for (const t of texts) codes += codeSentence(compiled, t).length;
    coded += texts.length;
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = Math.round(coded / seconds);
  const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`codebook load+compile: ${compileMs.toFixed(1)} ms`);
  console.log(`sentences coded per second per core: ${rate} (target ≥ 20,000; ${(rate / 20000).toFixed(2)}× target), mean sentence ${chars.toFixed(0)} chars, ${(codes / coded).toFixed(2)} codes per sentence`);
  return { sentencesPerSecond: rate, targetRatio: +(rate / 20000).toFixed(2), compileMs: +compileMs.toFixed(1), meanSentenceChars: Math.round(chars), corpus: existsSync(GOLD) ? 'gold article sentences' : 'synthetic' };
}
