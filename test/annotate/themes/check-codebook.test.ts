import { describe, expect, it } from 'vitest';
import { checkCodebook } from '../../../src/annotate/themes/check-codebook.js';
import { parseCodebook } from '../../../src/annotate/themes/load-codebook.js';

const book = parseCodebook(`id: check
themes:
  - id: trafficking-smuggling
    name: { en: Trafficking, id: Perdagangan orang }
    description: d
    rules:
      - id: trafficking
        terms: { id: [perdagangan orang, penyelundupan] }
      - id: palermo
        instruments: [palermo-protocol]
  - id: vulnerable-groups
    name: { en: Vulnerable groups, id: Kelompok rentan }
    description: d
    rules:
      - id: victims
        terms: { id: [korban perdagangan orang, memperdagangkan orang], en: [women and children] }
        excludes: { id: [penyelundupan] }
`);

describe('checkCodebook', () => {
  it('counts rule firings, lists rules that never fire and terms claimed by several themes', () => {
    const result = checkCodebook(book, [
      'Perdagangan orang adalah kejahatan serius.',
      { text: 'Protokol Palermo melindungi korban.', mentions: [{ start: 0, end: 16, instrumentId: 'palermo-protocol', surface: 'Protokol Palermo' }] },
      'Cuaca cerah.',
    ]);
    expect(result.sentences).toBe(3);
    expect(result.rules).toEqual([
      { themeId: 'trafficking-smuggling', ruleId: 'trafficking', fired: 1 },
      { themeId: 'trafficking-smuggling', ruleId: 'palermo', fired: 1 },
      { themeId: 'vulnerable-groups', ruleId: 'victims', fired: 1 },
    ]);
    expect(result.neverFired).toEqual([]);
    // "perdagangan orang" and "memperdagangkan orang" share their stems; an exclusion is no claim.
    expect(result.sharedTerms).toEqual([{ key: 'id:dagang id:orang', written: ['perdagangan orang', 'memperdagangkan orang'], themes: ['trafficking-smuggling', 'vulnerable-groups'] }]);
  });

  it('reports rules that never fire on the corpus', () => {
    expect(checkCodebook(book, ['Cuaca cerah.']).neverFired).toEqual([
      { themeId: 'trafficking-smuggling', ruleId: 'trafficking' },
      { themeId: 'trafficking-smuggling', ruleId: 'palermo' },
      { themeId: 'vulnerable-groups', ruleId: 'victims' },
    ]);
  });
});
