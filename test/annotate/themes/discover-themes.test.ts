import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { discoverThemes } from '../../../src/annotate/themes/discover-themes.js';
import { candidateToCodebookEntry } from '../../../src/annotate/themes/candidate-to-codebook-entry.js';
import { themeSchema } from '../../../src/annotate/themes/codebook-schema.js';

// Two small documents written for the test: one about trafficking, one about remittances.
const trafficking = [
  'Sindikat perdagangan orang merekrut korban dari desa miskin.',
  'Korban perdagangan orang sering dijanjikan pekerjaan di luar negeri.',
  'Polisi membongkar sindikat perdagangan orang di perbatasan.',
  'Sindikat itu memalsukan dokumen korban.',
  'Cuaca di perbatasan sangat panas.',
];
const remittances = [
  'Remitansi pekerja migran meningkatkan devisa negara.',
  'Devisa dari remitansi membantu keluarga pekerja migran.',
  'Pemerintah mencatat remitansi pekerja migran setiap bulan.',
  'Keluarga menggunakan remitansi untuk pendidikan anak.',
];
const docs = [
  { id: 'a', sentences: trafficking.map((text) => ({ text, language: 'id' as const })) },
  { id: 'b', sentences: remittances.map((text) => ({ text, language: 'und' as const })) },
];

describe('discoverThemes', () => {
  const result = discoverThemes(docs);

  it('keeps frequent multi-word phrases whole and ranks them per document', () => {
    expect(result.documents.map((d) => d.id)).toEqual(['a', 'b']);
    expect(result.documents[0].keyPhrases.map((k) => k.term)).toEqual(['perdagangan orang']);
    expect(result.documents[1].keyPhrases.map((k) => k.term)).toEqual(['pekerja migran']);
    // Inside the phrase, "orang" is not counted as a term of its own.
    expect(result.documents[0].keyTerms.map((k) => k.term)).not.toContain('orang');
    expect(result.documents[0].keyTerms.slice(0, 2)).toMatchObject([
      { term: 'korban', key: 'korban', language: 'id', count: 3 },
      { term: 'sindikat', key: 'sindikat', language: 'id', count: 3 },
    ]);
  });

  it('drops stopwords and ranks corpus terms by TF-IDF over sentences', () => {
    const terms = result.corpus.keyTerms.map((k) => k.term);
    expect(terms).not.toContain('yang');
    expect(terms).not.toContain('dari');
    expect(terms.indexOf('remitansi')).toBeLessThan(terms.indexOf('cuaca'));
  });

  it('groups co-occurring terms into candidate themes with three example sentences', () => {
    const labels = result.candidates.map((c) => c.topTerms.map((t) => t.term));
    expect(labels).toContainEqual(expect.arrayContaining(['remitansi', 'pekerja migran']));
    expect(labels).toContainEqual(expect.arrayContaining(['sindikat', 'perdagangan orang']));
    for (const c of result.candidates) {
      expect(c.sentences.length).toBeLessThanOrEqual(3);
      expect(c.sentences.length).toBeGreaterThan(0);
    }
    const remit = result.candidates.find((c) => c.topTerms.some((t) => t.term === 'remitansi'))!;
    expect(remit.sentences.every((s) => s.documentId === 'b')).toBe(true);
  });

  it('is deterministic', () => {
    expect(discoverThemes(docs)).toEqual(result);
  });
});

describe('candidateToCodebookEntry', () => {
  it('makes a theme entry that validates and survives a YAML round trip', () => {
    const candidate = discoverThemes(docs).candidates[0];
    const entry = candidateToCodebookEntry(candidate);
    expect(entry.id).toMatch(/^candidate-1-[a-z0-9-]+$/);
    expect(entry.rules[0].terms!.id).toEqual(candidate.topTerms.map((t) => t.term));
    expect(themeSchema.parse(parse(stringify(entry)))).toEqual(themeSchema.parse(entry));
  });
});
