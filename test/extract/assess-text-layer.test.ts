import { describe, expect, it } from 'vitest';
import { assessTextLayer, classifyToken } from '../../src/extract/assess-text-layer.js';

describe('classifyToken', () => {
  it.each([
    ['the', 'common'],
    ['Undang-Undang', 'plausible'],
    ['(yang', 'common'],
    ['Keimigrasian,', 'common'],
    ['non-refoulement', 'plausible'],
    ['PRES;DEN', 'unrecognized'], // OCR junk: a symbol inside the word
    ['?=BB/?1:H/8%=4%', 'unrecognized'], // a font without a usable character map
    ['604/2013', 'neutral'],
    ['07JAKARTA2641', 'neutral'],
    ['—', 'neutral'],
    ['%<-;%', 'unrecognized'],
    ['xzqwrtpl', 'unrecognized'], // more than five consonants in a row
    ['Ppppp', 'unrecognized'],
    ['PROCLAMA˙ˆO', 'unrecognized'],
  ])('%s is %s', (token, kind) => {
    expect(classifyToken(token)).toBe(kind);
  });
});

describe('assessTextLayer', () => {
  it('counts recognizable words per page and overall', () => {
    const result = assessTextLayer([
      { number: 1, lines: [{ text: 'Setiap orang berhak atas perlindungan hukum.' }] },
      { number: 2, lines: [{ text: 'XFE2<-:1<4:<-% :-1/4H/-1:=-[K% Y/3<1/>% 12' }] },
    ]);
    expect(result.pages.map((p) => [p.page, p.common, p.plausible, p.unrecognized])).toEqual([[1, 5, 1, 0], [2, 0, 0, 3]]);
    expect(result.recognizedShare).toBeCloseTo(6 / 9);
    expect(result.commonShare).toBeCloseTo(5 / 9);
  });
});
