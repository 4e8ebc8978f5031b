import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../../src/annotate/themes/compile-codebook.js';
import { codeSentence } from '../../../src/annotate/themes/code-sentence.js';
import { codebookPath } from '../../../src/annotate/themes/codebook-path.js';
import { loadCodebook, parseCodebook } from '../../../src/annotate/themes/load-codebook.js';
import { parseMarked } from './marked-text.js';

/** A small codebook that exercises each kind of rule. */
const rulesBook = compileCodebook(parseCodebook(`id: rules
themes:
  - id: trafficking-smuggling
    name: { en: Trafficking and smuggling, id: Perdagangan orang }
    description: d
    rules:
      - id: terms
        terms: { id: [perdagangan orang], en: [human trafficking] }
      - id: palermo
        instruments: [palermo-protocol]
  - id: non-refoulement
    name: { en: Non-refoulement, id: Non-refoulement }
    description: d
    rules:
      - id: return-near-persecution
        near: { a: { id: [=dikembalikan] }, b: { id: [penganiayaan] }, within: 4 }
  - id: root-causes
    name: { en: Drivers, id: Akar penyebab }
    description: d
    rules:
      - id: poverty
        terms: { id: [kemiskinan] }
        excludes: { id: [mengurangi kemiskinan] }
  - id: business-human-rights
    name: { en: BHR, id: Bisnis dan HAM }
    description: d
    minScore: 2
    rules:
      - id: investment
        terms: { id: [investasi] }
        requires: { id: [ham] }
      - id: corporations
        terms: { id: [korporasi] }
`));

const code = (marked: string, book = rulesBook, mentions: { start: number; end: number; instrumentId: string; surface: string }[] = []) => {
  const { text, spans } = parseMarked(marked);
  const codes = codeSentence(book, text, { offset: 100, mentions });
  return { text, spans: spans.map((s) => ({ start: s.start + 100, end: s.end + 100 })), codes };
};

describe('codeSentence rules', () => {
  it('matches phrases on Indonesian stems and reports the surfaces and spans as evidence', () => {
    const { spans, codes } = code('Negara wajib memberantas <e>perdagangan orang</e> dan melindungi korban <e>memperdagangkan orang</e>.');
    expect(codes).toEqual([
      { themeId: 'trafficking-smuggling', themeName: 'Trafficking and smuggling', score: 1, evidence: [{ rule: 'terms', terms: ['perdagangan orang', 'memperdagangkan orang'], spans }] },
    ]);
  });

  it('matches English phrases on Porter stems', () => {
    const { spans, codes } = code('States must combat <e>human trafficking</e>.');
    expect(codes.map((c) => [c.themeId, c.evidence[0].spans])).toEqual([['trafficking-smuggling', spans]]);
  });

  it('fires a near rule only within the given number of words, and =word only on that surface', () => {
    expect(code('hak untuk tidak <e>dikembalikan</e> ke negara tempat <e>penganiayaan</e>').codes.map((c) => c.themeId)).toEqual(['non-refoulement']);
    expect(code('hak untuk tidak dikembalikan ke negara asal mereka yang jauh dari penganiayaan').codes).toEqual([]);
    expect(code('kewajiban mengembalikan ke negara tempat penganiayaan').codes).toEqual([]);
  });

  it('does not fire a rule when an excluding term is in the sentence', () => {
    expect(code('Faktor <e>kemiskinan</e> mendorong migrasi.').codes.map((c) => c.themeId)).toEqual(['root-causes']);
    expect(code('Pengiriman uang dapat mengurangi kemiskinan.').codes).toEqual([]);
  });

  it('needs the required term and the theme minimum score', () => {
    expect(code('Investasi asing dan korporasi.').codes).toEqual([]);
    const { spans, codes } = code('<e>Investasi</e> oleh <e>korporasi</e> berdampak pada <e>HAM</e>.');
    expect(codes).toEqual([
      {
        themeId: 'business-human-rights', themeName: 'BHR', score: 2,
        evidence: [{ rule: 'investment', terms: ['Investasi', 'HAM'], spans: [spans[0], spans[2]] }, { rule: 'corporations', terms: ['korporasi'], spans: [spans[1]] }],
      },
    ]);
  });

  it('fires an instrument-linked rule on an overlapping mention of a listed instrument', () => {
    const { text } = parseMarked('Protokol Palermo melengkapi UNTOC.');
    const mentions = [{ start: 100, end: 116, instrumentId: 'palermo-protocol', surface: text.slice(0, 16) }];
    expect(code(text, rulesBook, mentions).codes).toEqual([
      { themeId: 'trafficking-smuggling', themeName: 'Trafficking and smuggling', score: 1, evidence: [{ rule: 'palermo', terms: ['Protokol Palermo'], spans: [{ start: 100, end: 116 }] }] },
    ]);
    expect(code(text, rulesBook, [{ ...mentions[0], instrumentId: 'untoc' }]).codes).toEqual([]);
  });
});

describe('the default codebook', () => {
  const book = compileCodebook(loadCodebook(codebookPath('codebooks/migration-law-v1.yaml')));
  const cases: [string, string[]][] = [
    // Written for these tests, not taken from the gold article.
    ['Malaysia is not a party to the 1951 Convention, yet it hosts many asylum seekers.', ['refugee-protection', 'ratification-implementation']],
    ['Pemerintah harus menjamin bahwa pencari suaka tidak dikembalikan ke negara di mana mereka berisiko mengalami penyiksaan.', ['non-refoulement']],
    ['Banyak pekerja migran perempuan mengalami gaji yang tidak dibayar dan kekerasan di negara penempatan.', ['migrant-workers']],
    ['Sindikat penyelundupan manusia memanfaatkan jalur laut menuju Australia.', ['trafficking-smuggling']],
    ['Perubahan iklim dan konflik bersenjata memaksa jutaan orang meninggalkan rumah mereka.', ['root-causes']],
    ['Remittances sent by migrant workers are a major source of foreign exchange.', ['migrant-workers', 'economic-development']],
    ['Kantor Imigrasi melakukan pengawasan terhadap orang asing yang tinggal di wilayah Indonesia.', ['sovereignty-immigration-control']],
    ['Companies must carry out human rights due diligence across their supply chains.', ['business-human-rights']],
    ['Korban harus memiliki akses terhadap keadilan melalui pengadilan yang independen.', ['access-to-justice']],
    ['Penelitian ini menggunakan metode kualitatif.', []],
  ];
  it.each(cases)('%s', (sentence, themes) => {
    expect(codeSentence(book, sentence).map((c) => c.themeId)).toEqual(themes);
  });

  it('every code carries evidence whose spans are the matched surfaces', () => {
    const text = 'Indonesia telah meratifikasi Konvensi Hak Anak dan bekerja sama dengan UNHCR.';
    for (const c of codeSentence(book, text)) {
      expect(c.evidence.length).toBeGreaterThan(0);
      for (const e of c.evidence) expect(e.spans.map((s) => text.slice(s.start, s.end))).toEqual(e.terms);
    }
  });
});
