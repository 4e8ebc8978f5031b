/**
 * Citations evaluation: field-level precision, recall and F1 of the reference parser on
 * ../shared/refs/dev.jsonl (exact match after normalising punctuation, dashes and case; only fields
 * labeled in a record are scored), and on the footnotes of the gold article: fields, DOIs and
 * back-reference targets. `CITATIONS_EVAL_VERBOSE=1` lists every held-out miss.
 *
 * Dev figures come twice: on all of dev, and on held-out folds (k-fold cross-validation stratified by
 * source, scripts/train-reference-labeller.ts). The rules learn nothing, so their two figures agree;
 * the learned labeller is only ever scored on folds it was not trained on. The shipped model is
 * trained on all of dev, so its all-dev figure is a training-set figure and does not count.
 * `CITATIONS_FOLDS=k` sets the number of folds (default 5).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReferenceByRules } from '../../src/annotate/citations/parse-reference-by-rules.js';
import { parseReference, type ParsedReference } from '../../src/annotate/citations/parse-reference.js';
import { loadReferenceLabeller } from '../../src/annotate/citations/reference-labeller-model.js';
import { resolveNoteCitations } from '../../src/annotate/citations/resolve-note-citations.js';
import {
  crossValidate,
  f1,
  fieldValues,
  norm,
  readRecords,
  scoreAll,
  scoreField,
  scoreRecord,
  SCORED_FIELDS as FIELDS,
  type Tallies,
} from '../../scripts/train-reference-labeller.js';

export { norm };
const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.join(here, '../../../shared');
const verbose = !!process.env.CITATIONS_EVAL_VERBOSE;
const score = scoreField;

function table(title: string, tallies: Tallies): Record<string, number> {
  console.log(`\n${title}`);
  console.log('field       precision  recall  F1     (tp/fp/fn)');
  const f1s: Record<string, number> = {};
  for (const [field, t] of tallies) {
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    f1s[field] = f1(t);
    console.log(`${field.padEnd(11)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f1s[field].toFixed(3)}  (${t.tp}/${t.fp}/${t.fn})`);
  }
  return f1s;
}

export function evaluateDev(file = path.join(shared, 'refs/dev.jsonl')): Record<string, Record<string, number>> {
  const records = readRecords(file);
  const shipped = scoreAll(records, parseReference);
  const rulesAll = scoreAll(records, parseReferenceByRules);
  const cv = crossValidate(records, Number(process.env.CITATIONS_FOLDS ?? 5));
  // The misses worth reading are the held-out ones (the shipped model has seen every dev record).
  if (verbose) {
    console.log('\nheld-out misses of the combined parser:');
    records.forEach((rec, i) =>
      scoreRecord(new Map(), rec, cv.parses[i], (field, gold, got) => console.log(`  ${field} [${rec.source}] ${JSON.stringify(gold)} ≠ ${JSON.stringify(got)}  ← ${rec.raw}`)),
    );
  }
  const model = loadReferenceLabeller();
  console.log(`\ndev.jsonl: ${records.length} references; F1 by field (${cv.folds}-fold cross-validation stratified by source)`);
  console.log('field       rules     rules      learned    combined   shipped    combined, per fold');
  console.log('            all dev   held-out   held-out   held-out   all dev    (min–max)');
  const out: Record<string, Record<string, number>> = {};
  for (const field of FIELDS) {
    const row = { rulesAllDev: f1(rulesAll.get(field)), rulesHeldOut: f1(cv.rules.get(field)), learnedHeldOut: f1(cv.learned.get(field)), combinedHeldOut: f1(cv.combined.get(field)), shippedAllDev: f1(shipped.get(field)) };
    out[field] = row;
    const perFold = cv.perFold.map((t) => f1(t.get(field)));
    console.log(`${field.padEnd(11)} ${Object.values(row).map((x) => x.toFixed(3).padEnd(10)).join(' ')} ${Math.min(...perFold).toFixed(2)}–${Math.max(...perFold).toFixed(2)}`);
  }
  console.log(`fields the combination takes from the labeller: held-out choice ${cv.chosen.join(', ') || 'none'}; shipped model ${model ? model.fields.join(', ') || 'none' : 'none (no model file)'}`);
  table('shipped parser on all dev (the labeller was trained on these: a training-set figure, not an estimate)', shipped);
  return out;
}

export function evaluateGoldFootnotes(file = path.join(shared, 'gold/000_a8b5b348252ec0f7.gold.json')) {
  const gold = JSON.parse(readFileSync(file, 'utf8'));
  const notes = gold.footnotes.map((f: { number: number; text: string }) => ({ number: f.number, text: f.text }));
  const resolved = resolveNoteCitations(notes);
  const tallies: Tallies = new Map();
  let backTotal = 0;
  let backRight = 0;
  let flaggedRight = 0;
  let flaggedTotal = 0;
  for (const g of gold.footnotes) {
    const refs = resolved.filter((r) => r.noteNumber === g.number && r.kind === 'reference');
    const ref = refs[0];
    if (!ref) {
      console.log(`  note ${g.number}: no reference found`);
      continue;
    }
    for (const field of FIELDS) {
      if (g.back_reference && field !== 'authors' && field !== 'pages') continue;
      const gv = field === 'authors' ? g.authors : g[field] == null ? null : [String(g[field])];
      // The gold writes names as printed; compare the name's words, not their order.
      const gotv = field === 'authors' ? ref.parsed.authors.map((a) => a.split(/,\s/).reverse().join(' ')) : fieldValues(ref.parsed, field);
      const gn = field === 'authors' ? (gv ?? []).map((a: string) => a.split(/,\s/).reverse().join(' ')) : gv;
      const ok = field === 'authors'
        ? score(tallies, field, (gn ?? []).map(sortWords), (gotv ?? []).map(sortWords))
        : score(tallies, field, gn, gotv);
      if (!ok && verbose) console.log(`  note ${g.number} ${field}: ${JSON.stringify(gv)} ≠ ${JSON.stringify(gotv)}`);
    }
    if (g.back_reference) {
      backTotal++;
      const b = ref.backReference;
      const right = !!b && b.type === g.back_reference.type && b.refersTo === g.back_reference.refers_to;
      if (right) backRight++;
      else console.log(`  note ${g.number}: back-reference ${JSON.stringify(b)} ≠ ${JSON.stringify(g.back_reference)}`);
      // The brief: a back-reference naming no author ("Opcit.") is flagged unresolved.
      if (g.back_reference.type === 'opcit' && g.authors.length === 0) {
        flaggedTotal++;
        if (ref.unresolved) flaggedRight++;
      }
    }
  }
  const f1 = table(`gold article footnotes: ${gold.footnotes.length} notes`, tallies);
  console.log(`back-references resolved to the gold target: ${backRight}/${backTotal}`);
  console.log(`author-less op. cit. flagged unresolved: ${flaggedRight}/${flaggedTotal}`);
  return { f1, backRight, backTotal };
}

function sortWords(s: string): string {
  return norm(s.replace(/[.,]/g, ' ')).length ? s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').sort().join(' ') : s;
}

export async function evaluate(): Promise<void> {
  evaluateDev();
  evaluateGoldFootnotes();
}
