import { describe, expect, it } from 'vitest';
import { agreeingPathScore, decodeReferenceLabels, emissionScores, FeatureGroup, flatTransitions, viterbi } from '../../../src/annotate/citations/decode-reference-labels.js';

// Two labels (0, 1). Feature "a" scores 2 for label 0, "b" 3 for label 1; switching labels costs 3.
const model = {
  weights: new Map<string, number[]>([
    ['a', [2, 0]],
    ['b', [0, 3]],
  ]),
  transitions: [
    [0, -3],
    [-3, 0],
    [0, 0], // start
  ],
};

describe('Viterbi decoding', () => {
  it('takes the best sequence, not the best label per token', () => {
    // Alone, the middle "b" prefers 1, but two switches cost more than it gains: 0 0 0 scores 4, 0 1 0 scores 1.
    expect(decodeReferenceLabels([['a'], ['b'], ['a']], model, 2)).toEqual([0, 0, 0]);
    // One switch pays: 1 1 0 0 scores 3 + 3 - 3 + 2 + 2 = 7, against 6 for 1 1 1 1.
    expect(decodeReferenceLabels([['b'], ['b'], ['a'], ['a']], model, 2)).toEqual([1, 1, 0, 0]);
    expect(decodeReferenceLabels([], model, 2)).toEqual([]);
  });

  it('scores the best path under a mask of allowed labels', () => {
    const [a, b] = [new FeatureGroup(['a']), new FeatureGroup(['b'])];
    const emit = emissionScores([[a], [b], [a]], model, 2);
    expect(viterbi(emit, model.transitions, 2)).toEqual({ labels: [0, 0, 0], score: 4 });
    // The middle token may only be 1: then 1 1 1 (0 + 3 + 0) beats 0 1 1 and 1 1 0 (2 each).
    const mask = Uint8Array.from([1, 1, 0, 1, 1, 1]);
    expect(viterbi(emit, model.transitions, 2, mask)).toEqual({ labels: [1, 1, 1], score: 3 });
  });

  it('scores the best path giving one label to exactly the marked tokens, as the mask does', () => {
    const [a, b] = [new FeatureGroup(['a']), new FeatureGroup(['b'])];
    const emit = emissionScores([[a], [b], [a], [b]], model, 2);
    const trans = flatTransitions(model.transitions, 2);
    for (const marked of [[0, 1, 0, 0], [0, 1, 1, 0], [1, 1, 1, 1], [0, 0, 0, 0], [1, 0, 0, 1]]) {
      for (const own of [0, 1]) {
        const mask = Uint8Array.from(marked.flatMap((m) => [0, 1].map((y) => ((y === own) === (m === 1) ? 1 : 0))));
        expect(agreeingPathScore(emit, trans, 2, Uint8Array.from(marked), own)).toBe(viterbi(emit, trans, 2, mask).score);
      }
    }
  });

  it('sums a shared group once per model and again for another model', () => {
    const a = new FeatureGroup(['a']);
    expect(Array.from(emissionScores([[a], [a]], model, 2))).toEqual([2, 0, 2, 0]);
    const other = { ...model, weights: new Map([['a', [0, 5]]]) };
    expect(Array.from(emissionScores([[a]], other, 2))).toEqual([0, 5]);
  });
});
