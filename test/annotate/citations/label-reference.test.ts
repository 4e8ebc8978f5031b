import { describe, expect, it } from 'vitest';
import type { Label } from '../../../src/annotate/citations/align-reference-fields.js';
import { combineReferenceFields } from '../../../src/annotate/citations/combine-reference-fields.js';
import { fieldsFromLabels, labelReference, MAX_LABELLED_LENGTH, type LabelledReference } from '../../../src/annotate/citations/label-reference.js';
import { parseReferenceByRules } from '../../../src/annotate/citations/parse-reference-by-rules.js';
import { parseReference } from '../../../src/annotate/citations/parse-reference.js';
import { loadReferenceLabeller } from '../../../src/annotate/citations/reference-labeller-model.js';
import { tokenizeReference } from '../../../src/annotate/citations/tokenize-reference.js';

/** Labels from a compact spec: one letter per token (a author, t title, c container, v volume, p pages, y year, - other). */
function labelsOf(spec: string): Label[] {
  const names: Record<string, Label> = { a: 'author', t: 'title', c: 'container', v: 'volume', p: 'pages', y: 'year', '-': 'other' };
  return [...spec].map((ch) => names[ch]);
}

describe('fieldsFromLabels', () => {
  it('reads each field from its run, across punctuation the labeller left out, with a glued abbreviation stop', () => {
    const raw = 'Ortega v. Lindell, 12 U.S. 45';
    // Tokens: Ortega v . Lindell , 12 U . S . 45
    const fields = fieldsFromLabels(raw, tokenizeReference(raw), labelsOf('tt-t-vccc-p'));
    expect(fields).toMatchObject({ title: 'Ortega v. Lindell', volume: '12', container: 'U.S.', pages: '45' });
  });

  it('gives a short island inside another field to that field when its own label has a longer run elsewhere', () => {
    const raw = 'Theory of law. Policy law notary and regulatory issues, 2: 198';
    // Tokens: Theory of law . Policy law notary and regulatory issues , 2 : 198
    const fields = fieldsFromLabels(raw, tokenizeReference(raw), labelsOf('ttt-ccttcc-v-p'));
    expect(fields).toMatchObject({ title: 'Theory of law', container: 'Policy law notary and regulatory issues', volume: '2', pages: '198' });
  });
});

describe('combineReferenceFields', () => {
  const rules = parseReferenceByRules('Lee, A. (2020). “Sea Rescue Duties,” J. Mar. 9(2): 7-9.');
  const learned = (margin: number): LabelledReference => ({
    input: { tokens: [], ruleLabels: [], features: [] },
    labels: [],
    fields: { authors: [], year: '2021', title: 'Sea', container: 'Marine J.', volume: null, issue: null, pages: null, publisher: null, place: null },
    margins: { year: margin, title: margin, container: margin, volume: margin },
  });

  it('takes the labeller only where its margin over the rules is large enough, and the rules where it finds nothing', () => {
    expect(combineReferenceFields(rules, learned(2), ['year', 'container', 'volume'], 5)).toMatchObject({ year: '2020', container: rules.container, volume: '9' });
    expect(combineReferenceFields(rules, learned(6), ['year', 'container', 'volume'], 5)).toMatchObject({ year: '2021', container: 'Marine J.', volume: '9' });
  });

  it('keeps a title the rules read between quotation marks, and a case name with its reporter', () => {
    expect(rules.title).toBe('Sea Rescue Duties');
    expect(combineReferenceFields(rules, learned(50), ['title'], 5).title).toBe('Sea Rescue Duties');
    const caseRules = parseReferenceByRules('Ortega v. Lindell, 512 F. Supp. 2d 310 (S.D.N.Y. 2007)');
    expect(combineReferenceFields(caseRules, learned(50), ['title', 'container'], 5)).toMatchObject({ title: 'Ortega v. Lindell', container: 'F. Supp. 2d' });
  });
});

describe('parseReference with the shipped labeller', () => {
  const labeller = loadReferenceLabeller();

  it('has a model that supplies only fields it was chosen for, and is small', () => {
    expect(labeller).not.toBeNull();
    expect(labeller!.weights.size).toBeLessThan(20_000);
    expect(labeller!.fields).not.toContain('authors');
  });

  it('answers with the rules alone without a model', () => {
    const raw = 'Hadi, S. (2005). Sosiologi Hukum Migrasi. Yogyakarta: Pustaka Pelajar, hlm. 88.';
    expect(parseReference(raw, null)).toEqual(parseReferenceByRules(raw));
  });

  it('declines strings too long to be one reference and stays fast just under the limit', () => {
    expect(labelReference('A. '.repeat(MAX_LABELLED_LENGTH), labeller!, parseReferenceByRules('x'))).toBeNull();
    const unit = ['No. ', '1 ', '(', '. ', 'Ab, ', '“‘', '5, 6 (1999) '];
    for (const u of unit) {
      const input = u.repeat(Math.floor((MAX_LABELLED_LENGTH - 1) / u.length));
      const t0 = performance.now();
      parseReference(input);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
