import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/segment/tokenize.js';

const words = (text: string, span?: { start: number; end: number }) => tokenize(text, span).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('keeps internal hyphens and apostrophes, and case', () => {
    expect(words('Hak-hak pengungsi dan prinsip non-refoulement; the State’s duty, Int\'l law.')).toEqual([
      'Hak-hak', 'pengungsi', 'dan', 'prinsip', 'non-refoulement', 'the', 'State’s', 'duty', "Int'l", 'law',
    ]);
  });

  it('splits at punctuation and drops hyphens at word edges', () => {
    expect(words('UU No. 6 Tahun 2011, Pasal 28D ayat (1); hak -hak -- dan negara- negara')).toEqual([
      'UU', 'No', '6', 'Tahun', '2011', 'Pasal', '28D', 'ayat', '1', 'hak', 'hak', 'dan', 'negara', 'negara',
    ]);
  });

  it('gives offsets into the whole text when tokenizing a span, never past its end', () => {
    const text = 'Konvensi Pengungsi 1951 dan Protokol 1967';
    const tokens = tokenize(text, { start: 9, end: 31 });
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Pengungsi', '1951', 'dan', 'Pro']);
    expect(tokens[0]).toEqual({ start: 9, end: 18 });
  });

  it('handles letters outside ASCII', () => {
    expect(words('Tarán, Brunnée and Ḥaqq—Überblick')).toEqual(['Tarán', 'Brunnée', 'and', 'Ḥaqq', 'Überblick']);
  });
});
