import { describe, expect, it } from 'vitest';
import { alignReferenceFields } from '../../../src/annotate/citations/align-reference-fields.js';
import { tokenizeReference } from '../../../src/annotate/citations/tokenize-reference.js';

function aligned(raw: string, fields: Parameters<typeof alignReferenceFields>[1]): string {
  const tokens = tokenizeReference(raw);
  const labels = alignReferenceFields(tokens, fields);
  // Marked text: each token followed by its label's initial, "-" for other.
  return tokens.map((t, i) => `${t.text}/${labels[i] === 'other' ? '-' : labels[i]}`).join(' ');
}

describe('alignReferenceFields', () => {
  it('labels each field where its letters and digits occur, punctuation inside a field included', () => {
    expect(aligned('Lee, A. (2020). Sea Law. J. Mar., 9(2): 7-9.', { authors: ['Lee, A.'], year: '2020', title: 'Sea Law', container: 'J. Mar.', volume: '9', issue: '2', pages: '7-9' })).toBe(
      'Lee/author ,/author A/author ./- (/- 2020/year )/- ./- Sea/title Law/title ./- J/container ./container Mar/container ./- ,/- 9/volume (/- 2/issue )/- :/- 7/pages -/pages 9/pages ./-',
    );
  });

  it('finds names written in natural order and does not read a volume inside a year or a title', () => {
    expect(aligned('S. Lakshmanan and O. Ambacher, 1999, Nine Lives, Rev. 9, 1999-2001', { authors: ['Lakshmanan, S.', 'Ambacher, O.'], title: 'Nine Lives', container: 'Rev.', volume: '9', pages: '1999-2001', year: '1999' })).toBe(
      'S/author ./author Lakshmanan/author and/author O/author ./author Ambacher/author ,/- 1999/year ,/- Nine/title Lives/title ,/- Rev/container ./- 9/volume ,/- 1999/pages -/pages 2001/pages',
    );
  });

  it('leaves a value that is not in the string unlabeled', () => {
    expect(aligned('Lee, A. Sea Law.', { title: 'Land Law' })).toBe('Lee/- ,/- A/- ./- Sea/- Law/- ./-');
  });
});
