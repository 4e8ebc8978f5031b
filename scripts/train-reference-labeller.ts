/**
 * Trains the reference field labeller (src/annotate/citations/label-reference.ts) on labeled
 * references (default ../shared/refs/dev.jsonl) and writes its weights to
 * pipelines/citations/reference-labeller.json:
 *
 *   npx tsx scripts/train-reference-labeller.ts [records.jsonl] [--folds 5] [--epochs 12]
 *
 * The model is a first-order linear chain over tokens, trained with the averaged structured
 * perceptron (Collins 2002): decode with the current weights, and where the decoded labels differ
 * from the gold ones, add the gold sequence's features and transitions and subtract the decoded
 * ones; the saved weights are the average over every step, which generalizes far better than the
 * last ones. Token labels come from aligning each record's field strings to its raw string.
 *
 * Before training on everything, the script cross-validates (k folds, stratified by `source`, since
 * the records carry no document id): each fold is labelled by a model trained on the others, so every
 * learned figure is held out. The fields whose held-out F1 beats the rules' are written into the
 * model as the fields it supplies; tiny averaged weights are pruned to keep the file small.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeReferenceLabels } from '../src/annotate/citations/decode-reference-labels.js';
import { alignReferenceFields, foldValue, LABELS, type FieldValues, type Label } from '../src/annotate/citations/align-reference-fields.js';
import { combineReferenceFields } from '../src/annotate/citations/combine-reference-fields.js';
import { decodeLabellerInput, labellerInput, type LabelledReference, type LabellerInput } from '../src/annotate/citations/label-reference.js';
import { parseReferenceByRules, type ParsedReference } from '../src/annotate/citations/parse-reference-by-rules.js';
import { parseReference } from '../src/annotate/citations/parse-reference.js';
import { flattenFeatures } from '../src/annotate/citations/reference-token-features.js';
import {
  compileReferenceLabeller,
  LABELLED_FIELDS,
  type LabelledField,
  type ReferenceLabellerFile,
} from '../src/annotate/citations/reference-labeller-model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEV_FILE = path.join(here, '../../shared/refs/dev.jsonl');
export const MODEL_FILE = path.join(here, '../pipelines/citations/reference-labeller.json');
/** The fields scored (the brief's eight). */
export const SCORED_FIELDS = ['authors', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'doi'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface LabeledRecord extends FieldValues {
  readonly raw: string;
  readonly source: string;
}

/** The record key each label comes from. */
const LABEL_FIELD: Readonly<Record<Label, string>> = {
  author: 'authors', year: 'year', title: 'title', container: 'container', volume: 'volume', issue: 'issue', pages: 'pages',
  publisher: 'publisher', place: 'place', doi: 'doi', url: 'url', other: 'raw',
};

interface Example {
  readonly features: readonly (readonly string[])[];
  readonly labels: readonly number[];
}

export function readRecords(file = DEV_FILE): LabeledRecord[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as LabeledRecord);
}

/** A record's features (from the string and the rules' parse) and its gold token labels. */
export function referenceExample(record: LabeledRecord, rules: ParsedReference = parseReferenceByRules(record.raw), input: LabellerInput = labellerInput(record.raw, rules)): Example {
  const gold = alignReferenceFields(input.tokens, record);
  // A field the source did not label (eyecite labels no case names, EXCITE no places) is no evidence
  // that the tokens are "other": there the rules' reading stands in for the missing label.
  const labels = gold.map((label, i) => {
    const rule = input.ruleLabels[i];
    return label === 'other' && rule !== 'other' && !(LABEL_FIELD[rule] in record) ? rule : label;
  });
  return { features: input.features.map(flattenFeatures), labels: labels.map((l) => LABELS.indexOf(l)) };
}

/** A small deterministic generator, so a training run can be repeated exactly. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly seed?: number;
  /** Averaged weights smaller than this (in absolute value) are dropped from the file. */
  readonly prune?: number;
  /** Features seen fewer times than this in training get no weight. */
  readonly minCount?: number;
  /** Perceptrons (over different example orders) whose weights are averaged. */
  readonly bags?: number;
}

/** Averaged structured perceptron over the examples; the weights as the model file holds them. */
export function trainReferenceLabeller(examples: readonly Example[], options: TrainOptions = {}, fields: readonly LabelledField[] = [], minMargin = 0): ReferenceLabellerFile {
  const { epochs = 12, seed = 1, prune = 0.05, minCount = 3, bags = 1 } = options;
  const L = LABELS.length;
  // Features seen fewer than `minCount` times learn noise: they get no weight.
  const counts = new Map<string, number>();
  for (const ex of examples) for (const fs of ex.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string) => (counts.get(f) ?? 0) >= minCount;
  // Several perceptrons over different example orders, averaged: the order a perceptron sees its
  // examples in moves its weights, and with a few hundred references that variance is not small.
  const sum = new Map<string, Float64Array>();
  const transSum = Array.from({ length: L + 1 }, () => new Float64Array(L));
  for (let bag = 0; bag < bags; bag++) {
    const run = perceptron(examples, L, epochs, seed + bag, kept);
    for (const [feature, wf] of run.weights) {
      const acc = sum.get(feature) ?? new Float64Array(L);
      for (let y = 0; y < L; y++) acc[y] += wf[y] / bags;
      sum.set(feature, acc);
    }
    run.transitions.forEach((row, p) => row.forEach((v, y) => (transSum[p][y] += v / bags)));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  for (const [feature, wf] of sum) {
    const flat: number[] = [];
    for (let y = 0; y < L; y++) if (Math.abs(round(wf[y])) >= prune && wf[y] !== 0) flat.push(y, round(wf[y]));
    if (flat.length) weights[feature] = flat;
  }
  return {
    version: `perceptron-${epochs}e-${bags}b`,
    labels: [...LABELS],
    fields: [...fields],
    minMargin,
    transitions: transSum.map((row) => Array.from(row, round)),
    weights,
  };
}

/** One averaged structured perceptron run; its averaged weights and transitions. */
function perceptron(examples: readonly Example[], L: number, epochs: number, seed: number, kept: (f: string) => boolean): { weights: Map<string, Float64Array>; transitions: Float64Array[] } {
  const w = new Map<string, Float64Array>();
  const u = new Map<string, Float64Array>(); // sum of step × update, for the average
  const trans = Array.from({ length: L + 1 }, () => new Float64Array(L));
  const transU = Array.from({ length: L + 1 }, () => new Float64Array(L));
  let step = 1;
  const bump = (feature: string, y: number, delta: number) => {
    let wf = w.get(feature);
    let uf = u.get(feature);
    if (!wf || !uf) {
      wf = new Float64Array(L);
      uf = new Float64Array(L);
      w.set(feature, wf);
      u.set(feature, uf);
    }
    wf[y] += delta;
    uf[y] += step * delta;
  };
  const model = { weights: w, transitions: trans };
  const order = examples.map((_, i) => i);
  const next = random(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ex = examples[k];
      const predicted = decodeReferenceLabels(ex.features, model, L);
      for (let t = 0; t < predicted.length; t++) {
        const gold = ex.labels[t];
        const got = predicted[t];
        const goldPrev = t ? ex.labels[t - 1] : L;
        const gotPrev = t ? predicted[t - 1] : L;
        if (gold !== got) {
          for (const f of ex.features[t]) {
            if (!kept(f)) continue;
            bump(f, gold, 1);
            bump(f, got, -1);
          }
        }
        if (gold !== got || goldPrev !== gotPrev) {
          trans[goldPrev][gold] += 1;
          transU[goldPrev][gold] += step;
          trans[gotPrev][got] -= 1;
          transU[gotPrev][got] -= step;
        }
      }
      step++;
    }
  }
  const averaged = (wf: Float64Array, uf: Float64Array) => Float64Array.from(wf, (wv, y) => wv - uf[y] / step);
  const weights = new Map<string, Float64Array>();
  for (const [feature, wf] of w) weights.set(feature, averaged(wf, u.get(feature)!));
  return { weights, transitions: trans.map((row, p) => averaged(row, transU[p])) };
}

/** Fold number of each record: stratified by source, in an order fixed by the string's content. */
export function assignFolds(records: readonly LabeledRecord[], k: number): number[] {
  const hash = (s: string) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    return h;
  };
  const folds = new Array<number>(records.length);
  const bySource = new Map<string, number[]>();
  records.forEach((r, i) => bySource.set(r.source, [...(bySource.get(r.source) ?? []), i]));
  let offset = 0;
  for (const source of [...bySource.keys()].sort()) {
    const members = bySource.get(source)!.sort((a, b) => hash(records[a].raw) - hash(records[b].raw));
    members.forEach((m, j) => (folds[m] = (offset + j) % k));
    offset += members.length; // the next source continues where this one left off, so folds stay balanced
  }
  return folds;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
export type Tallies = Map<string, Tally>;

/** Punctuation, dashes, spaces and case do not count (the brief's comparison). */
export const norm = foldValue;

/** Adds one field's comparison to the tallies; true when it matched exactly. */
export function scoreField(tallies: Tallies, field: string, gold: readonly string[] | null, got: readonly string[] | null): boolean {
  const t = tallies.get(field) ?? { tp: 0, fp: 0, fn: 0 };
  tallies.set(field, t);
  const g = (gold ?? []).map(norm).filter(Boolean);
  const p = (got ?? []).map(norm).filter(Boolean);
  const left = [...g];
  let ok = 0;
  for (const x of p) {
    const i = left.indexOf(x);
    if (i >= 0) {
      left.splice(i, 1);
      ok++;
    }
  }
  t.tp += ok;
  t.fp += p.length - ok;
  t.fn += g.length - ok;
  return ok === g.length && ok === p.length;
}

export function f1(t: Tally | undefined): number {
  if (!t) return 0;
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** A parse's value of a scored field, as the eval compares it ("pages" falls back to the pinpoint). */
export function fieldValues(ref: Partial<ParsedReference> & { authors?: readonly string[] }, field: ScoredField): string[] | null {
  if (field === 'authors') return [...(ref.authors ?? [])];
  const value = field === 'pages' ? (ref.pages ?? ref.pinpoint) : ref[field];
  return value == null ? null : [value];
}

/** Scores a parse against a record on the fields the record labels. */
export function scoreRecord(tallies: Tallies, record: LabeledRecord, ref: Partial<ParsedReference>, onMiss?: (field: ScoredField, gold: unknown, got: unknown) => void): void {
  for (const field of SCORED_FIELDS) {
    if (!(field in record)) continue;
    const gold = field === 'authors' ? (record.authors ?? []) : [String(record[field])];
    const got = fieldValues(ref, field);
    if (!scoreField(tallies, field, gold, got)) onMiss?.(field, gold, got);
  }
}

export interface CrossValidation {
  readonly folds: number;
  readonly rules: Tallies;
  readonly learned: Tallies;
  /** The rules with the held-out labeller on the chosen fields, at the chosen margin. */
  readonly combined: Tallies;
  /** Fields whose held-out combined F1 beats the rules' (the brief: use the labeller only where it wins). */
  readonly chosen: LabelledField[];
  readonly minMargin: number;
  /** Each record's held-out combined parse, in record order. */
  readonly parses: readonly ParsedReference[];
  /** The combined tallies of each fold alone: their spread shows how much one figure can move. */
  readonly perFold: readonly Tallies[];
}

/** Margins tried for overruling the rules (in the averaged perceptron's score units). */
const MARGINS = [0, 0.5, 1, 2, 3, 5, 8, 12, 20];

/**
 * k-fold cross-validation: each fold is parsed by the rules, by a labeller trained on the other folds,
 * and by their combination. The margin and the fields are chosen on these same held-out folds (a small
 * optimism on the combined figure: two choices, not a fitted model), so the held-out split is the judge.
 */
export function crossValidate(records: readonly LabeledRecord[], k = 5, options: TrainOptions = {}): CrossValidation {
  const folds = assignFolds(records, k);
  const rulesParses = records.map((r) => parseReferenceByRules(r.raw));
  const inputs = records.map((r, i) => labellerInput(r.raw, rulesParses[i]));
  const examples = records.map((r, i) => referenceExample(r, rulesParses[i], inputs[i]));
  const rules: Tallies = new Map();
  const learned: Tallies = new Map();
  const readings: LabelledReference[] = new Array(records.length);
  for (let fold = 0; fold < k; fold++) {
    const model = compileReferenceLabeller(trainReferenceLabeller(examples.filter((_, i) => folds[i] !== fold), options));
    records.forEach((record, i) => {
      if (folds[i] === fold) readings[i] = decodeLabellerInput(record.raw, inputs[i], model, LABELLED_FIELDS, true);
    });
  }
  records.forEach((record, i) => {
    scoreRecord(rules, record, rulesParses[i]);
    scoreRecord(learned, record, { ...readings[i].fields, doi: rulesParses[i].doi, pinpoint: null });
  });
  const candidates = LABELLED_FIELDS.filter((f) => (SCORED_FIELDS as readonly string[]).includes(f));
  const combineAt = (fields: readonly LabelledField[], margin: number): Tallies => {
    const tallies: Tallies = new Map();
    records.forEach((record, i) => scoreRecord(tallies, record, combineReferenceFields(rulesParses[i], readings[i], fields, margin)));
    return tallies;
  };
  // One margin for all fields: the one giving the best summed combined F1 over the candidate fields.
  let minMargin = 0;
  let bestSum = -Infinity;
  for (const margin of MARGINS) {
    const t = combineAt(candidates, margin);
    const sum = candidates.reduce((acc, f) => acc + f1(t.get(f)), 0);
    if (sum > bestSum + 1e-9) {
      bestSum = sum;
      minMargin = margin;
    }
  }
  const atMargin = combineAt(candidates, minMargin);
  const chosen = candidates.filter((f) => f1(atMargin.get(f)) > f1(rules.get(f)) + 0.002);
  const parses = records.map((_, i) => combineReferenceFields(rulesParses[i], readings[i], chosen, minMargin));
  const perFold: Tallies[] = Array.from({ length: k }, () => new Map());
  records.forEach((record, i) => scoreRecord(perFold[folds[i]], record, parses[i]));
  return { folds: k, rules, learned, combined: combineAt(chosen, minMargin), chosen, minMargin, parses, perFold };
}

/** The shipped combination on every record (training data included: not a held-out figure). */
export function scoreAll(records: readonly LabeledRecord[], parse: (raw: string) => ParsedReference = parseReference): Tallies {
  const tallies: Tallies = new Map();
  for (const r of records) scoreRecord(tallies, r, parse(r.raw));
  return tallies;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? DEV_FILE;
  const options: TrainOptions = { epochs: flag('--epochs', 12) };
  const records = readRecords(file);
  const cv = crossValidate(records, flag('--folds', 5), options);
  const heldOutF1: Record<string, { rules: number; learned: number; combined: number }> = {};
  for (const f of SCORED_FIELDS) heldOutF1[f] = { rules: Number(f1(cv.rules.get(f)).toFixed(3)), learned: Number(f1(cv.learned.get(f)).toFixed(3)), combined: Number(f1(cv.combined.get(f)).toFixed(3)) };
  const model = trainReferenceLabeller(records.map((r) => referenceExample(r)), options, cv.chosen, cv.minMargin);
  const out: ReferenceLabellerFile = { ...model, trainedOn: `${path.basename(file)} (${records.length} references)`, heldOutF1 };
  writeFileSync(MODEL_FILE, `${JSON.stringify(out)}\n`);
  console.log(`held-out F1 (${cv.folds} folds): rules, learned, combined`);
  for (const [f, v] of Object.entries(heldOutF1)) console.log(`  ${f.padEnd(10)} ${v.rules.toFixed(3)}  ${v.learned.toFixed(3)}  ${v.combined.toFixed(3)}`);
  console.log(`fields taken from the labeller: ${cv.chosen.join(', ') || 'none'}, when its margin over the rules exceeds ${cv.minMargin}`);
  console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${Object.keys(model.weights).length} features`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
