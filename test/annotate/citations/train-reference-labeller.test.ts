import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../src/annotate/citations/align-reference-fields.js';
import { decodeLabellerInput, labellerInput } from '../../../src/annotate/citations/label-reference.js';
import { parseReferenceByRules } from '../../../src/annotate/citations/parse-reference-by-rules.js';
import { compileReferenceLabeller } from '../../../src/annotate/citations/reference-labeller-model.js';
import {
  assignFolds,
  referenceExample,
  scoreField,
  trainReferenceLabeller,
  type LabeledRecord,
} from '../../../scripts/train-reference-labeller.js';

// Invented references in one numbered-journal style; the fields are what a careful reader labels.
const journals = ['Ocean Law Review', 'Asian Migration Quarterly', 'Harbour Studies', 'Maritime Labour Journal', 'Review of Sea Rights', 'Coastal Policy'];
const titles = ['Rescue at sea', 'Crews without a state', 'Ports and protection', 'Detention on board', 'The duty to disembark', 'Flags of convenience'];
const records: LabeledRecord[] = titles.map((title, k) => ({
  raw: `Lee, A. and Tan, B. ${title}. ${journals[k]} ${10 + k} (${2000 + k}) ${100 + k}-${120 + k}.`,
  authors: ['Lee, A.', 'Tan, B.'],
  title,
  container: journals[k],
  volume: String(10 + k),
  year: String(2000 + k),
  pages: `${100 + k}-${120 + k}`,
  source: k % 2 ? 'odd' : 'even',
}));

describe('trainReferenceLabeller', () => {
  it('learns the labels of its training references (the averaged perceptron fits separable data)', () => {
    const file = trainReferenceLabeller(records.map((r) => referenceExample(r)), { epochs: 10, minCount: 1, prune: 0 }, ['title', 'container'], 4);
    expect(file).toMatchObject({ labels: [...LABELS], fields: ['title', 'container'], minMargin: 4 });
    const model = compileReferenceLabeller(file);
    for (const r of records) {
      const read = decodeLabellerInput(r.raw, labellerInput(r.raw, parseReferenceByRules(r.raw)), model, []);
      expect(read.fields).toMatchObject({ title: r.title, container: r.container, volume: r.volume, pages: r.pages, year: r.year });
    }
  });

  it('writes no weight for features seen fewer than minCount times', () => {
    const file = trainReferenceLabeller(records.map((r) => referenceExample(r)), { epochs: 5, minCount: 7, prune: 0 });
    // "rescue" occurs once; the bias feature "b" is on every token.
    expect('w=rescue' in file.weights).toBe(false);
    expect('b' in file.weights).toBe(true);
  });
});

describe('assignFolds', () => {
  it('spreads each source over the folds, the same way on every run', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ raw: `ref ${i}`, source: i < 10 ? 'a' : 'b' }));
    const folds = assignFolds(many, 5);
    expect(assignFolds(many, 5)).toEqual(folds);
    for (const source of ['a', 'b']) {
      const of = folds.filter((_, i) => many[i].source === source);
      expect([0, 1, 2, 3, 4].map((f) => of.filter((x) => x === f).length)).toEqual([2, 2, 2, 2, 2]);
    }
  });
});

describe('scoreField', () => {
  it('counts matches after folding case, punctuation and dashes, each gold value once', () => {
    const tallies = new Map();
    expect(scoreField(tallies, 'pages', ['327–335'], ['327-335'])).toBe(true);
    expect(scoreField(tallies, 'authors', ['Lee, A.', 'Tan, B.'], ['lee a', 'lee a'])).toBe(false);
    expect(tallies.get('pages')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(tallies.get('authors')).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});
