/**
 * Inter-reviewer agreement on theme codes, and the auto-coder measured against the reviewers.
 *
 * Takes the documents reviewers worked on (text length, sentence spans, the machine's theme codes) and the
 * decision log; returns one row per theme and a pooled row ('*'), with Cohen's kappa (exactly two
 * reviewers), Krippendorff's alpha (nominal, any number of reviewers, missing values allowed) and the
 * auto-coder's precision and recall against reviewer consensus.
 *
 * What a reviewer's coding is (stated because every figure depends on it):
 * - Only documents a reviewer touched (made any theme-code decision in) count for them; elsewhere their
 *   values are missing, not zero.
 * - In a touched document, text is coded T by the reviewer where they accepted a machine T code, recoded a
 *   code to T, or coded T by hand; text under a machine T code they have not decided yet is missing;
 *   all other text is "not T" (0), rejections included.
 * - Paragraph roll-up codes and adjudications (merge view) are left out; undone decisions do not count.
 * Units: 'sentence' = each stored sentence (coded when any coded span overlaps it); 'character' = each
 * character, computed as weighted runs. `excludeUncoded` drops units no reviewer coded 1 (otherwise the
 * uncoded bulk of the text counts as agreement and inflates the figure); each row says which was used.
 * Consensus (for precision/recall) = an adjudication covering the unit if any, else the majority of the
 * reviewers' values; ties have no consensus and are left out.
 */
import type { Span } from '../span.js';
import type { Db } from '../store/open-store.js';
import { createReviewStore, type DecisionRow } from '../store/review-store.js';
import { deriveStatus, groupByTarget } from './derive-status.js';

export type AgreementLevel = 'sentence' | 'character';

export interface AgreementOptions {
  readonly level: AgreementLevel;
  readonly excludeUncoded: boolean;
}

export interface AgreementDocument {
  readonly sha256: string;
  readonly length: number;
  readonly sentences: readonly Span[];
  /** The machine's sentence-level theme codes (paragraph roll-ups already left out). */
  readonly machineCodes: readonly (Span & { readonly themeId: string })[];
}

export interface AgreementInput {
  readonly documents: readonly AgreementDocument[];
  readonly decisions: readonly DecisionRow[];
}

export interface AgreementRow {
  /** A theme id, or '*' for all themes pooled. */
  readonly theme: string;
  readonly level: AgreementLevel;
  readonly excludeUncoded: boolean;
  readonly reviewers: readonly string[];
  /** Units (sentences or characters) with at least two reviewers' values. */
  readonly units: number;
  readonly kappa: number | null;
  readonly alpha: number | null;
  /** Units with a consensus, and the auto-coder against it. */
  readonly consensusUnits: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number | null;
  readonly recall: number | null;
}

/** A unit of analysis: its weight (1 for a sentence, the run length for characters) and one value per coder (null = missing). */
export interface RatedUnit {
  readonly weight: number;
  readonly values: readonly (number | null)[];
}

/** Krippendorff's alpha for nominal data; null when undefined (fewer than two pairable values or no variation). */
export function krippendorffAlpha(units: readonly RatedUnit[]): number | null {
  const coincidence = new Map<string, number>();
  const totals = new Map<number, number>();
  let n = 0;
  for (const u of units) {
    const present = u.values.filter((v): v is number => v !== null);
    const m = present.length;
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (!pairs) continue;
        const key = `${c}|${k}`;
        coincidence.set(key, (coincidence.get(key) ?? 0) + (u.weight * pairs) / (m - 1));
      }
      totals.set(c, (totals.get(c) ?? 0) + u.weight * nc);
    }
    n += u.weight * m;
  }
  if (n < 2) return null;
  let observed = 0;
  for (const [key, o] of coincidence) {
    const [c, k] = key.split('|');
    if (c !== k) observed += o;
  }
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Cohen's kappa between the first two coders over the units both rated; null when undefined. */
export function cohenKappa(units: readonly RatedUnit[]): number | null {
  let total = 0;
  let agree = 0;
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  for (const u of units) {
    const [x, y] = u.values;
    if (x === null || y === null || x === undefined || y === undefined) continue;
    total += u.weight;
    if (x === y) agree += u.weight;
    a.set(x, (a.get(x) ?? 0) + u.weight);
    b.set(y, (b.get(y) ?? 0) + u.weight);
  }
  if (total === 0) return null;
  const po = agree / total;
  let pe = 0;
  for (const [c, n] of a) pe += (n / total) * ((b.get(c) ?? 0) / total);
  if (pe === 1) return null;
  return (po - pe) / (1 - pe);
}

interface Coding {
  positive: Span[];
  pending: Span[];
}

interface ThemeUnits {
  units: (RatedUnit & { auto: number; adjudicated: number | null })[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const covers = (spans: readonly Span[], unit: Span) => spans.some((s) => overlaps(s, unit));

/** Per document, per theme, per reviewer: what they coded. */
function codingsOf(doc: AgreementDocument, decisions: readonly DecisionRow[], reviewers: readonly string[]) {
  const machine = new Map<string, AgreementDocument['machineCodes'][number]>();
  for (const c of doc.machineCodes) machine.set(`${c.start}|${c.end}|${c.themeId}`, c);
  const touched = new Set<string>();
  const coding = new Map<string, Map<string, Coding>>(); // theme → reviewer → coding
  const adjudicated = new Map<string, { positive: Span[]; negative: Span[] }>();
  const at = (theme: string, reviewer: string): Coding => {
    let byReviewer = coding.get(theme);
    if (!byReviewer) coding.set(theme, (byReviewer = new Map()));
    let c = byReviewer.get(reviewer);
    if (!c) byReviewer.set(reviewer, (c = { positive: [], pending: [] }));
    return c;
  };
  const adjudicatedAt = (theme: string) => {
    let a = adjudicated.get(theme);
    if (!a) adjudicated.set(theme, (a = { positive: [], negative: [] }));
    return a;
  };
  const decided = new Set<string>();
  for (const [, list] of groupByTarget(decisions.filter((d) => d.targetKind === 'theme-code'))) {
    const first = list[0];
    const key = `${first.start}|${first.end}|${first.targetKey}`;
    const isManual = list.some((d) => d.action === 'manual');
    if (!machine.has(key) && !isManual) continue; // paragraph roll-ups and orphans
    const span = { start: first.start, end: first.end };
    for (const d of list) if (!d.adjudication) touched.add(d.reviewer);
    const derived = deriveStatus(list);
    for (const [reviewer, s] of derived.byReviewer) {
      decided.add(`${reviewer}|${key}`);
      if (s.status === 'accepted') at(first.targetKey, reviewer).positive.push(span);
      if (s.status === 'recoded' && s.newKey) at(s.newKey, reviewer).positive.push(span);
    }
    if (derived.adjudicated) {
      const a = list.filter((d) => d.adjudication && d.action !== 'undo' && d.action !== 'memo').at(-1);
      if (a && !list.some((d) => d.action === 'undo' && d.undoes === a.id)) {
        if (a.action === 'accept' || a.action === 'manual') adjudicatedAt(first.targetKey).positive.push(span);
        else adjudicatedAt(first.targetKey).negative.push(span);
        if (a.action === 'recode' && a.newKey) adjudicatedAt(a.newKey).positive.push(span);
      }
    }
  }
  for (const c of doc.machineCodes) {
    for (const reviewer of reviewers) {
      if (touched.has(reviewer) && !decided.has(`${reviewer}|${c.start}|${c.end}|${c.themeId}`)) at(c.themeId, reviewer).pending.push(c);
    }
  }
  return { touched, coding, adjudicated };
}

type Unit = ThemeUnits['units'][number];

/**
 * Units that share every value (each reviewer's, the auto-coder's, the adjudication) are interchangeable
 * in every figure here, so they are tallied as one unit whose weight is their sum. Most of a document is
 * text nobody coded; it becomes a single weighted unit per theme instead of one per sentence.
 */
class UnitTally {
  private readonly byPattern = new Map<string, { weight: number; values: (number | null)[]; auto: number; adjudicated: number | null }>();

  add(weight: number, values: (number | null)[], auto: number, adjudicated: number | null): void {
    if (weight <= 0) return;
    const key = `${values.join(',')}|${auto}|${adjudicated}`;
    const unit = this.byPattern.get(key);
    if (unit) unit.weight += weight;
    else this.byPattern.set(key, { weight, values, auto, adjudicated });
  }

  addAll(other: UnitTally): void {
    for (const u of other.byPattern.values()) this.add(u.weight, u.values, u.auto, u.adjudicated);
  }

  units(): Unit[] {
    return [...this.byPattern.values()];
  }
}

function unitsFor(doc: AgreementDocument, level: AgreementLevel, theme: string, reviewers: readonly string[],
  touched: ReadonlySet<string>, coding: ReadonlyMap<string, Coding> | undefined, adjudicated: { positive: Span[]; negative: Span[] } | undefined,
  tally: UnitTally,
): void {
  const machine = doc.machineCodes.filter((c) => c.themeId === theme);
  // Every span that can make a unit's values differ from those of uncoded text.
  const relevant: Span[] = [...machine];
  for (const c of coding?.values() ?? []) relevant.push(...c.positive, ...c.pending);
  if (adjudicated) relevant.push(...adjudicated.positive, ...adjudicated.negative);
  const valuesOf = (unit: Span) => reviewers.map((r) => {
    if (!touched.has(r)) return null;
    const c = coding?.get(r);
    if (c && covers(c.positive, unit)) return 1;
    if (c && covers(c.pending, unit)) return null;
    return 0;
  });
  // Uncoded text: every reviewer who touched the document says 0, the machine 0, no adjudication.
  const uncoded = reviewers.map((r) => (touched.has(r) ? 0 : null));
  const rate = (unit: Span, weight: number) => {
    if (!covers(relevant, unit)) {
      tally.add(weight, uncoded, 0, null);
      return;
    }
    const adj = adjudicated && covers(adjudicated.positive, unit) ? 1 : adjudicated && covers(adjudicated.negative, unit) ? 0 : null;
    tally.add(weight, valuesOf(unit), covers(machine, unit) ? 1 : 0, adj);
  };
  if (level === 'sentence') {
    for (const unit of doc.sentences) rate(unit, 1);
    return;
  }
  // Characters: the runs between consecutive span boundaries, each weighted by its length.
  const points = new Set<number>([0, doc.length]);
  for (const span of relevant) {
    points.add(Math.max(0, Math.min(doc.length, span.start)));
    points.add(Math.max(0, Math.min(doc.length, span.end)));
  }
  const sorted = [...points].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] > sorted[i - 1]) rate({ start: sorted[i - 1], end: sorted[i] }, sorted[i] - sorted[i - 1]);
  }
}

function consensus(unit: Unit): number | null {
  if (unit.adjudicated !== null) return unit.adjudicated;
  let ones = 0;
  let zeros = 0;
  for (const v of unit.values) {
    if (v === 1) ones++;
    else if (v === 0) zeros++;
  }
  return ones > zeros ? 1 : zeros > ones ? 0 : null;
}

function rowFor(theme: string, options: AgreementOptions, reviewers: readonly string[], units: readonly Unit[]): AgreementRow {
  const kept = options.excludeUncoded ? units.filter((u) => u.values.some((v) => v === 1) || u.adjudicated === 1) : units;
  let tp = 0, fp = 0, fn = 0, consensusUnits = 0;
  for (const u of kept) {
    const c = consensus(u);
    if (c === null) continue;
    consensusUnits += u.weight;
    if (u.auto && c) tp += u.weight;
    else if (u.auto && !c) fp += u.weight;
    else if (!u.auto && c) fn += u.weight;
  }
  return {
    theme, level: options.level, excludeUncoded: options.excludeUncoded, reviewers,
    units: kept.reduce((n, u) => n + (u.values.filter((v) => v !== null).length >= 2 ? u.weight : 0), 0),
    kappa: reviewers.length === 2 ? cohenKappa(kept) : null,
    alpha: krippendorffAlpha(kept),
    consensusUnits, truePositives: tp, falsePositives: fp, falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
  };
}

/** The units of each theme (sorted by theme id) and of all themes pooled, at one level. */
function tallies(input: AgreementInput, level: AgreementLevel): { reviewers: string[]; perTheme: [string, Unit[]][]; pooled: Unit[] } {
  const decisions = input.decisions.filter((d) => d.targetKind === 'theme-code');
  const reviewers = [...new Set(decisions.filter((d) => !d.adjudication).map((d) => d.reviewer))].sort();
  const bySha = new Map<string, DecisionRow[]>();
  for (const d of decisions) {
    const list = bySha.get(d.documentSha256);
    if (list) list.push(d);
    else bySha.set(d.documentSha256, [d]);
  }
  const perTheme = new Map<string, UnitTally>();
  for (const doc of input.documents) {
    const docDecisions = bySha.get(doc.sha256) ?? [];
    if (!docDecisions.length) continue;
    const { touched, coding, adjudicated } = codingsOf(doc, docDecisions, reviewers);
    const themes = new Set([...coding.keys(), ...doc.machineCodes.map((c) => c.themeId)]);
    for (const theme of themes) {
      let tally = perTheme.get(theme);
      if (!tally) perTheme.set(theme, (tally = new UnitTally()));
      unitsFor(doc, level, theme, reviewers, touched, coding.get(theme), adjudicated.get(theme), tally);
    }
  }
  const themes = [...perTheme.keys()].sort();
  const pooled = new UnitTally();
  for (const t of themes) pooled.addAll(perTheme.get(t)!);
  return { reviewers, perTheme: themes.map((t) => [t, perTheme.get(t)!.units()]), pooled: pooled.units() };
}

export function computeAgreement(input: AgreementInput, options: AgreementOptions): AgreementRow[] {
  return rowsFrom(tallies(input, options.level), options);
}

function rowsFrom(t: ReturnType<typeof tallies>, options: AgreementOptions): AgreementRow[] {
  const rows = t.perTheme.map(([theme, units]) => rowFor(theme, options, t.reviewers, units));
  rows.push(rowFor('*', options, t.reviewers, t.pooled));
  return rows;
}

/** Everything agreement needs, read from the store: the documents that have theme-code decisions. */
export function agreementInput(db: Db): AgreementInput {
  const store = createReviewStore(db);
  const decisions = store.decisions().filter((d) => d.targetKind === 'theme-code');
  const documents: AgreementDocument[] = [];
  for (const sha256 of new Set(decisions.map((d) => d.documentSha256))) {
    const length = store.textLength(sha256);
    if (length === null) continue; // orphaned: the document changed or left the store
    documents.push({
      sha256, length,
      sentences: store.sentencesBySha(sha256),
      machineCodes: store.themeCodesBySha(sha256)
        .filter((a) => a.data.level !== 'paragraph' && typeof a.data.themeId === 'string')
        .map((a) => ({ start: a.start, end: a.end, themeId: a.data.themeId as string })),
    });
  }
  return { documents, decisions };
}

/** The figures `telaah stats --agreement`, agreement.csv and the review app show. */
export function agreementFromStore(db: Db, options: AgreementOptions): AgreementRow[] {
  return computeAgreement(agreementInput(db), options);
}

/** Flat records for agreement.csv (one per theme and level, both exclusion modes), numbers rounded to 4 places. */
export function agreementCsvRows(db: Db): Record<string, string | number>[] {
  const input = agreementInput(db);
  const round = (x: number | null) => (x === null ? '' : Math.round(x * 10_000) / 10_000);
  const out: Record<string, string | number>[] = [];
  for (const level of ['sentence', 'character'] as const) {
    const units = tallies(input, level); // once per level, for both treatments of uncoded text
    for (const excludeUncoded of [false, true]) {
      for (const r of rowsFrom(units, { level, excludeUncoded })) {
        out.push({
          theme: r.theme, level: r.level, uncoded_text: excludeUncoded ? 'excluded' : 'included', reviewers: r.reviewers.join(';'),
          units: r.units, cohen_kappa: round(r.kappa), krippendorff_alpha: round(r.alpha), consensus_units: r.consensusUnits,
          auto_true_positives: r.truePositives, auto_false_positives: r.falsePositives, auto_false_negatives: r.falseNegatives,
          auto_precision: round(r.precision), auto_recall: round(r.recall),
        });
      }
    }
  }
  return out;
}
