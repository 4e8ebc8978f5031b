import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/annotate/themes/tokenize.js';

describe('tokenize', () => {
  it('gives word offsets into the text and lower-cased forms', () => {
    const text = 'Konvensi Pengungsi 1951, Pasal 28D.';
    expect(tokenize(text).map((t) => [text.slice(t.start, t.end), t.lower])).toEqual([
      ['Konvensi', 'konvensi'], ['Pengungsi', 'pengungsi'], ['1951', '1951'], ['Pasal', 'pasal'], ['28D', '28d'],
    ]);
  });

  it('keeps a reduplication as one token whose base is the single word, also across a broken line', () => {
    expect(tokenize('hak-hak anak- anak hak -hak').map((t) => [t.lower, t.base])).toEqual([
      ['hak-hak', 'hak'], ['anak-anak', 'anak'], ['hak-hak', 'hak'],
    ]);
  });

  it('splits other hyphenated words into their parts', () => {
    expect(tokenize('non-refoulement, multi-faceted').map((t) => t.lower)).toEqual(['non', 'refoulement', 'multi', 'faceted']);
  });

  it('stays linear on adversarial input', () => {
    const long = '.'.repeat(100_000) + '1'.repeat(100_000) + '(['.repeat(50_000) + 'No. '.repeat(25_000);
    const t0 = performance.now();
    const tokens = tokenize(long);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(tokens.length).toBe(25_001);
  });
});
