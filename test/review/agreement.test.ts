import { describe, expect, it } from 'vitest';
import { cohenKappa, computeAgreement, krippendorffAlpha, type RatedUnit } from '../../src/review/agreement.js';
import type { DecisionRow } from '../../src/store/review-store.js';

const units = (...coders: (number | null)[][]): RatedUnit[] => coders[0].map((_, i) => ({ weight: 1, values: coders.map((c) => c[i]) }));

describe("Cohen's kappa and Krippendorff's alpha", () => {
  const a = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
  const b = [1, 1, 1, 1, 0, 0, 0, 0, 0, 1];

  it('kappa: 8 of 10 agree with balanced marginals → (0.8 − 0.5) / 0.5 = 0.6', () => {
    expect(cohenKappa(units(a, b))).toBeCloseTo(0.6, 10);
  });

  it('alpha on the same data: 1 − 19·4 / (2·10·10) = 0.62', () => {
    expect(krippendorffAlpha(units(a, b))).toBeCloseTo(0.62, 10);
  });

  it("alpha matches Krippendorff's worked example (4 coders, 12 units, missing values, nominal) = 0.743", () => {
    const _ = null;
    const data = units(
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    );
    expect(krippendorffAlpha(data)!).toBeCloseTo(0.743, 3);
  });

  it('a weight counts like repeating the unit (character runs)', () => {
    const weighted: RatedUnit[] = [{ weight: 3, values: [1, 1] }, { weight: 2, values: [0, 1] }, { weight: 5, values: [0, 0] }];
    const repeated = units([1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(krippendorffAlpha(weighted)).toBeCloseTo(krippendorffAlpha(repeated)!, 12);
    expect(cohenKappa(weighted)).toBeCloseTo(cohenKappa(repeated)!, 12);
  });

  it('is undefined, not 1, when there is no variation to agree on', () => {
    expect(krippendorffAlpha(units([1, 1], [1, 1]))).toBeNull();
    expect(cohenKappa(units([1, 1], [1, 1]))).toBeNull();
  });
});

describe('agreement over review decisions', () => {
  const sha = 'a'.repeat(64);
  // Four sentences of 10 characters; the machine coded sentences 0, 1 and 2 with "asylum".
  const sentences = [0, 10, 20, 30].map((start) => ({ start, end: start + 10 }));
  const machineCodes = sentences.slice(0, 3).map((s) => ({ ...s, themeId: 'asylum' }));
  let id = 0;
  const decision = (reviewer: string, action: DecisionRow['action'], start: number, extra: Partial<DecisionRow> = {}): DecisionRow => ({
    id: ++id, targetKind: 'theme-code', documentSha256: sha, start, end: start + 10, targetKey: 'asylum', reviewer, action,
    previousStatus: null, newStatus: null, newKey: null, memo: null, undoes: null, blind: false, adjudication: false, surface: null,
    documentFile: null, createdAt: '2026-01-01', ...extra,
  });
  const decisions = [
    decision('ana', 'accept', 0), decision('budi', 'accept', 0),
    decision('ana', 'accept', 10), decision('budi', 'reject', 10),
    decision('ana', 'reject', 20), decision('budi', 'reject', 20),
    // budi codes sentence 3 by hand; ana leaves it uncoded (0).
    decision('budi', 'manual', 30),
  ];
  const input = { documents: [{ sha256: sha, length: 40, sentences, machineCodes }], decisions };

  it('sentence level, uncoded included: per unit values are [1,1] [1,0] [0,0] [0,1]', () => {
    const [asylum, pooled] = computeAgreement(input, { level: 'sentence', excludeUncoded: false });
    expect(asylum).toMatchObject({ theme: 'asylum', reviewers: ['ana', 'budi'], units: 4 });
    expect(asylum.kappa).toBeCloseTo(0, 10); // po 0.5, pe 0.5
    expect(asylum.alpha).toBeCloseTo(1 - (7 * 4) / (2 * 4 * 4), 10);
    expect(pooled.theme).toBe('*');
    expect(pooled.alpha).toBeCloseTo(asylum.alpha!, 10);
  });

  it('excluding text nobody coded drops sentence 2, where both said no', () => {
    const [asylum] = computeAgreement(input, { level: 'sentence', excludeUncoded: true });
    expect(asylum.units).toBe(3);
    expect(asylum.excludeUncoded).toBe(true);
  });

  it('character level weights each run by its length', () => {
    const [asylum] = computeAgreement(input, { level: 'character', excludeUncoded: false });
    expect(asylum.units).toBe(40);
    expect(asylum.kappa).toBeCloseTo(0, 10);
  });

  it("auto-coder vs consensus: sentence 0 agreed yes (TP), 2 agreed no (FP), 1 and 3 are ties (left out)", () => {
    const [asylum] = computeAgreement(input, { level: 'sentence', excludeUncoded: false });
    expect(asylum).toMatchObject({ consensusUnits: 2, truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
  });

  it('an adjudication settles a tie for consensus but is not a reviewer', () => {
    const adjudicated = { ...input, decisions: [...decisions, decision('chair', 'reject', 10, { adjudication: true })] };
    const [asylum] = computeAgreement(adjudicated, { level: 'sentence', excludeUncoded: false });
    expect(asylum.reviewers).toEqual(['ana', 'budi']);
    expect(asylum).toMatchObject({ consensusUnits: 3, truePositives: 1, falsePositives: 2 });
  });

  it('an undone decision does not count: undecided machine codes are missing, not "no"', () => {
    const undone = { ...input, decisions: [...decisions, decision('budi', 'undo', 10, { undoes: 4 })] };
    const [asylum] = computeAgreement(undone, { level: 'sentence', excludeUncoded: false });
    expect(asylum.units).toBe(3);
    expect(asylum.kappa).toBeCloseTo(cohenKappa(units([1, 0, 0], [1, 0, 1]))!, 10);
  });
});
