/**
 * Citations evaluation: field-level precision, recall and F1 of the reference parser on
 * ../shared/refs/dev.jsonl (exact match after normalising punctuation, dashes and case; only fields
 * labeled in a record are scored), and on the footnotes of the gold article: fields, DOIs and
 * back-reference targets. `CITATIONS_EVAL_VERBOSE=1` lists every miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReference, type ParsedReference } from '../../src/annotate/citations/parse-reference.js';
import { resolveNoteCitations } from '../../src/annotate/citations/resolve-note-citations.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.join(here, '../../../shared');
const verbose = !!process.env.CITATIONS_EVAL_VERBOSE;
const FIELDS = ['authors', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'doi'] as const;
type Field = (typeof FIELDS)[number];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Punctuation, dashes, spaces and case do not count. */
export function norm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function score(tallies: Map<string, Tally>, field: string, gold: string[] | null, got: string[] | null): boolean {
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

function table(title: string, tallies: Map<string, Tally>): Record<string, number> {
  console.log(`\n${title}`);
  console.log('field       precision  recall  F1     (tp/fp/fn)');
  const f1s: Record<string, number> = {};
  for (const [field, t] of tallies) {
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    f1s[field] = f;
    console.log(`${field.padEnd(11)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f.toFixed(3)}  (${t.tp}/${t.fp}/${t.fn})`);
  }
  return f1s;
}

function fieldValues(ref: ParsedReference, field: Field): string[] | null {
  if (field === 'authors') return [...ref.authors];
  const value = field === 'pages' ? (ref.pages ?? ref.pinpoint) : ref[field];
  return value == null ? null : [value];
}

export function evaluateDev(file = path.join(shared, 'refs/dev.jsonl')): Record<string, number> {
  const tallies = new Map<string, Tally>();
  const records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const rec of records) {
    const ref = parseReference(rec.raw);
    for (const field of FIELDS) {
      if (!(field in rec)) continue;
      const gold = field === 'authors' ? rec.authors : [rec[field]];
      const got = fieldValues(ref, field);
      if (!score(tallies, field, gold, got) && verbose) console.log(`  ${field} [${rec.source}] ${JSON.stringify(gold)} ≠ ${JSON.stringify(got)}  ← ${rec.raw}`);
    }
  }
  return table(`dev.jsonl: ${records.length} references`, tallies);
}

export function evaluateGoldFootnotes(file = path.join(shared, 'gold/000_a8b5b348252ec0f7.gold.json')) {
  const gold = JSON.parse(readFileSync(file, 'utf8'));
  const notes = gold.footnotes.map((f: { number: number; text: string }) => ({ number: f.number, text: f.text }));
  const resolved = resolveNoteCitations(notes);
  const tallies = new Map<string, Tally>();
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
