import { describe, expect, it } from 'vitest';
import { sameWork, workKey } from '../../../src/annotate/citations/same-work.js';

const ruggie = { authors: ['Ruggie, J. G.'], year: '2013', title: 'Just Business: Multinational Corporations and Human Rights', doi: null };

describe('workKey', () => {
  it('is the DOI when there is one', () => {
    expect(workKey({ ...ruggie, doi: '10.1/ABC' })).toBe('doi:10.1/abc');
  });
  it('is first author, year and title words otherwise', () => {
    expect(workKey(ruggie)).toBe('ruggie|2013|just business multinational corporations human rights');
  });
});

describe('sameWork', () => {
  it('tolerates a misspelt author and punctuation differences', () => {
    expect(sameWork(ruggie, { authors: ['Rugie, John'], year: '2013', title: 'Just business - multinational corporations and human rights.', doi: null })).toBe(true);
  });
  it('separates different years, authors and titles', () => {
    expect(sameWork(ruggie, { ...ruggie, year: '2011' })).toBe(false);
    expect(sameWork(ruggie, { ...ruggie, authors: ['Rahayu, D. D.'] })).toBe(false);
    expect(sameWork(ruggie, { ...ruggie, title: 'Protect, Respect and Remedy' })).toBe(false);
  });
  it('decides by DOI when both have one', () => {
    expect(sameWork({ ...ruggie, doi: '10.1/a' }, { ...ruggie, doi: '10.1/b' })).toBe(false);
  });
});
