/**
 * Theme coding against the gold (../shared/gold/000_a8b5b348252ec0f7.themes.json, coded with
 * themes-v1): precision, recall and Cohen's kappa per theme and pooled over all (sentence, theme)
 * pairs. Two views:
 *  - pipeline: the seed text goes through extract → layout → segment (→ instruments, once it exists)
 *    → themes; each gold sentence gets the codes of the body sentences that overlap it in source
 *    offsets (pipeline spans mapped back through doc.sourceMap);
 *  - direct: the gold sentences' own text is coded, which isolates the rules from segmentation.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Annotation, TelaahDocument } from '../../src/document.js';
import { Report } from '../../src/message.js';
import { toSourceEnd, toSourceStart } from '../../src/offset-map.js';
import { extractFile } from '../../src/extract/extract-file.js';
import { extractOptions } from '../../src/extract/options.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { segmentOptions } from '../../src/segment/options.js';
import { compileCodebook, type CompiledCodebook } from '../../src/annotate/themes/compile-codebook.js';
import { codeSentence } from '../../src/annotate/themes/code-sentence.js';
import { codebookPath } from '../../src/annotate/themes/codebook-path.js';
import { loadCodebook } from '../../src/annotate/themes/load-codebook.js';
import { themesOptions } from '../../src/annotate/themes/options.js';
import { codeDocument } from '../../src/annotate/themes/themes-annotator.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared');
const SEED = path.join(shared, 'corpus/seeds/000_a8b5b348252ec0f7.txt');
const GOLD = path.join(shared, 'gold/000_a8b5b348252ec0f7.themes.json');

export interface GoldSentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly themes: readonly string[];
  readonly excluded?: readonly [number, number][];
}

export interface ThemeScore {
  readonly theme: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly kappa: number;
}

function score(theme: string, tp: number, fp: number, fn: number, tn: number): ThemeScore {
  const n = tp + fp + fn + tn;
  const po = (tp + tn) / n;
  const pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  const kappa = pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
  return { theme, tp, fp, fn, tn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, kappa };
}

/** Per-theme and pooled agreement between predicted and gold theme sets, sentence by sentence. */
export function agreement(themeIds: readonly string[], gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): { perTheme: ThemeScore[]; pooled: ThemeScore } {
  const perTheme = themeIds.map((theme) => {
    let tp = 0, fp = 0, fn = 0, tn = 0;
    gold.forEach((g, i) => {
      const inGold = g.includes(theme);
      const inPred = predicted[i].includes(theme);
      if (inGold && inPred) tp++;
      else if (inPred) fp++;
      else if (inGold) fn++;
      else tn++;
    });
    return score(theme, tp, fp, fn, tn);
  });
  const sum = (k: 'tp' | 'fp' | 'fn' | 'tn') => perTheme.reduce((s, t) => s + t[k], 0);
  return { perTheme, pooled: score('pooled', sum('tp'), sum('fp'), sum('fn'), sum('tn')) };
}

function codeDirect(compiled: CompiledCodebook, gold: readonly GoldSentence[]): string[][] {
  return gold.map((s) => codeSentence(compiled, s.text).map((c) => c.themeId));
}

async function pipelineDocument(): Promise<TelaahDocument> {
  const report = new Report('000_a8b5b348252ec0f7');
  const bytes = readFileSync(SEED);
  const raw = await extractFile(SEED, bytes, extractOptions.parse({}), report);
  const laid = layOut(raw, layoutOptions.parse({}), report);
  const seg = segmentDocument(laid, segmentOptions.parse({}), report);
  let doc: TelaahDocument = {
    ...laid, id: '000_a8b5b348252ec0f7', file: SEED, sha256: '', format: raw.format, title: null,
    language: seg.language, pageCount: raw.pages.length, segments: { paragraphs: seg.paragraphs, sentences: seg.sentences }, annotations: [],
  };
  // The instruments annotator is written concurrently; use it once it exists.
  const instruments = path.resolve(here, '../../src/annotate/instruments/instruments-annotator.ts');
  if (existsSync(instruments)) {
    try {
      const mod = await import(pathToFileURL(instruments).href);
      const def = mod.instrumentsAnnotator;
      const { instrumentsOptions } = await import('../../src/annotate/instruments/options.js');
      const opts = instrumentsOptions.parse({});
      const registryDir = path.resolve(here, '../../pipelines', opts.registry);
      const annotations: readonly Annotation[] = def.create({ ...opts, registryDir })(doc, report);
      doc = { ...doc, annotations };
    } catch (error) {
      console.log(`(instruments annotator not usable yet: ${(error as Error).message.split('\n')[0]})`);
    }
  }
  return doc;
}

function codePipeline(compiled: CompiledCodebook, doc: TelaahDocument, gold: readonly GoldSentence[]): string[][] {
  const codes = codeDocument(compiled, doc, { paragraphs: false }).filter((c) => !c.inFootnote);
  const spans = codes.map((c) => ({ start: toSourceStart(doc.sourceMap, c.start), end: toSourceEnd(doc.sourceMap, c.end), theme: c.data.themeId }));
  return gold.map((g) => {
    const themes = new Set<string>();
    for (const s of spans) if (s.start < g.end && g.start < s.end) themes.add(s.theme);
    return [...themes];
  });
}

function print(title: string, result: ReturnType<typeof agreement>): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`\n${title}`);
  console.log('theme                            P      R      kappa  tp  fp  fn');
  for (const t of [...result.perTheme, result.pooled]) {
    console.log(`${t.theme.padEnd(32)} ${f(t.precision)}  ${f(t.recall)}  ${f(t.kappa)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}`);
  }
  const low = result.perTheme.filter((t) => t.kappa < 0.4).map((t) => t.theme);
  console.log(`pooled kappa ${f(result.pooled.kappa)} (target ≥ 0.6); themes below 0.4: ${low.length ? low.join(', ') : 'none'}`);
}

export async function evaluate(): Promise<{ direct: ReturnType<typeof agreement>; pipeline: ReturnType<typeof agreement> }> {
  const compiled = compileCodebook(loadCodebook(codebookPath(themesOptions.parse({}).codebook)));
  const gold = (JSON.parse(readFileSync(GOLD, 'utf8')) as { sentences: GoldSentence[] }).sentences;
  const themeIds = compiled.themes.map((t) => t.id);
  const goldThemes = gold.map((s) => s.themes);
  console.log(`codebook ${compiled.codebook.id} version ${compiled.codebook.version}; ${gold.length} gold sentences`);
  const direct = agreement(themeIds, goldThemes, codeDirect(compiled, gold));
  print('direct (gold sentence texts coded as they are)', direct);
  const doc = await pipelineDocument();
  console.log(`\npipeline document: ${doc.segments.sentences.length} sentences, ${doc.annotations.length} earlier annotations`);
  const pipeline = agreement(themeIds, goldThemes, codePipeline(compiled, doc, gold));
  print('pipeline (extract → layout → segment → themes, mapped to gold sentences)', pipeline);
  if (process.env.THEMES_EVAL_DIFF) {
    const predicted = codeDirect(compiled, gold);
    gold.forEach((s, i) => {
      const miss = s.themes.filter((t) => !predicted[i].includes(t));
      const extra = predicted[i].filter((t) => !s.themes.includes(t));
      if (miss.length || extra.length) console.log(`${i}: -[${miss.join(',')}] +[${extra.join(',')}] ${s.text.slice(0, 160)}`);
    });
  }
  return { direct, pipeline };
}
