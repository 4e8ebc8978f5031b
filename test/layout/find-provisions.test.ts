import { describe, expect, it } from 'vitest';
import { findProvisions } from '../../src/layout/find-provisions.js';
import { loadLayoutVocabulary } from '../../src/layout/layout-vocabulary.js';

/** Paragraph spans of a text whose paragraphs are separated by blank lines. */
function paragraphsOf(text: string) {
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const part of text.split('\n\n')) {
    spans.push({ start: at, end: at + part.length });
    at += part.length + 2;
  }
  return spans;
}

const statute = [
  'BAB I',
  'KETENTUAN UMUM',
  'Pasal 28D',
  '(1) Setiap orang berhak atas pengakuan.',
  '(2) Setiap orang berhak untuk bekerja:',
  'a. mendapat imbalan; dan',
  'b. perlakuan yang adil.',
  'Pasal 29',
  'Negara menjamin kemerdekaan.',
  'PENJELASAN',
  'Pasal 28D',
  'Cukup jelas.',
].join('\n\n');

describe('statute structure', () => {
  const text = statute;
  const provisions = findProvisions(text, paragraphsOf(text), loadLayoutVocabulary());
  it('labels each unit with its full path', () => {
    expect(provisions.map((p) => p.label)).toEqual([
      'BAB I',
      'Pasal 28D',
      'Pasal 28D ayat (1)',
      'Pasal 28D ayat (2)',
      'Pasal 28D ayat (2) huruf a',
      'Pasal 28D ayat (2) huruf b',
      'Pasal 29',
      'Penjelasan',
      'Penjelasan Pasal 28D',
    ]);
  });
  it('gives each provision the span it governs, up to the next unit of its level', () => {
    const span = (label: string) => {
      const p = provisions.find((x) => x.label === label)!;
      return text.slice(p.start, p.end);
    };
    expect(span('Pasal 28D ayat (2)')).toBe('(2) Setiap orang berhak untuk bekerja:\n\na. mendapat imbalan; dan\n\nb. perlakuan yang adil.');
    expect(span('Pasal 29')).toBe('Pasal 29\n\nNegara menjamin kemerdekaan.');
    expect(span('BAB I')).toMatch(/^BAB I[\s\S]*kemerdekaan\.$/);
  });
  it('reads English articles and their numbered paragraphs', () => {
    const t = 'Article 1\n\n(1) Everyone has the right to life.\n\nArticle 2\n\nNo one shall be held in slavery.';
    expect(findProvisions(t, paragraphsOf(t), loadLayoutVocabulary()).map((p) => p.label)).toEqual(['Article 1', 'Article 1 paragraph (1)', 'Article 2']);
  });
  it('finds nothing in prose that mentions one article', () => {
    const t = 'Pasal 28D UUD 1945 menjamin hak untuk bekerja.\n\nHak ini penting.';
    expect(findProvisions(t, paragraphsOf(t), loadLayoutVocabulary())).toEqual([]);
  });
});
