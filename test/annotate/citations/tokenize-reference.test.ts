import { describe, expect, it } from 'vitest';
import { tokenizeReference } from '../../../src/annotate/citations/tokenize-reference.js';

describe('tokenizeReference', () => {
  it('splits words and numbers from each punctuation mark, with offsets and spacing', () => {
    const raw = 'Hadi, S. (2005). Migrasi, 47(5): 115.';
    const tokens = tokenizeReference(raw);
    expect(tokens.map((t) => t.text)).toEqual(['Hadi', ',', 'S', '.', '(', '2005', ')', '.', 'Migrasi', ',', '47', '(', '5', ')', ':', '115', '.']);
    for (const t of tokens) expect(raw.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.filter((t) => t.spaceBefore).map((t) => t.text)).toEqual(['Hadi', 'S', '(', 'Migrasi', '47', '115']);
  });

  it('keeps letters with their accents and digits glued to letters together', () => {
    expect(tokenizeReference('l’Odyssée C08005.1 2d').map((t) => t.text)).toEqual(['l', '’', 'Odyssée', 'C08005', '.', '1', '2d']);
  });
});
