/**
 * Sentence search ranks exactly (bm25 over every match, as the one-statement query did) while the matches
 * fit under the exact-ranking limit, and above it ranks an even sample spread over the whole corpus while
 * still counting every match. The limit is injected so a store of a few hundred sentences crosses it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-store.js';
import { ftsAverageLength, ftsTokens, queryPhrases, searchFts, searchSentences, toFtsQuery } from '../../src/store/search.js';

// 40 documents × 15 sentences. Sentence lengths and repetitions vary so bm25 scores differ; "refugee"
// is in every third sentence, "stateless" only in the last documents, Indonesian in odd documents.
const DOCUMENTS = 40;
const SENTENCES = 15;
const FILLER = ['the', 'state', 'court', 'held', 'that', 'law', 'applies', 'to', 'all', 'persons', 'within', 'its', 'territory'];

function sentence(doc: number, i: number): { text: string; language: string } {
  if (doc % 2 === 1 && i % 5 === 0) return { text: `Prinsip non-refoulement melindungi pengungsi di wilayah Indonesia nomor ${doc}-${i}.`, language: 'id' };
  const words = FILLER.slice(0, 3 + ((doc * 7 + i * 3) % 10));
  if (i % 3 === 0) words.splice((doc + i) % words.length, 0, ...Array(1 + ((doc + i) % 3)).fill('refugee'));
  if (i === 4) words.push('under', 'the', 'Refugee', 'Convention');
  if (i === 7) words.push('AND', 'NOT', 'Article', '28D');
  if (doc >= 35 && i === 2) words.push('stateless', 'refugee');
  return { text: `${words.join(' ')} ${doc}.${i}.`, language: 'en' };
}

const db = openDatabase(':memory:');
db.transaction(() => {
  const insertDocument = db.prepare(`INSERT INTO documents (document_id, file, title, language, pages, status, updated_at)
    VALUES (?, ?, ?, 'en', 1, 'ok', '2026-01-01')`);
  const insertSegment = db.prepare(`INSERT INTO segments (document, kind, idx, start, "end", page, language, in_footnote)
    VALUES (?, ?, ?, ?, ?, 1, ?, 0)`);
  const insertFts = db.prepare('INSERT INTO segments_fts (rowid, text) VALUES (?, ?)');
  const insertTheme = db.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data, key, level)
    VALUES (?, 'theme-code', ?, ?, 1, 'themes', '1', 'terms', 0, ?, ?, 'sentence')`);
  for (let d = 0; d < DOCUMENTS; d++) {
    const doc = Number(insertDocument.run(`doc${String(d).padStart(2, '0')}`, `/corpus/doc${d}.txt`, `Document ${d}`).lastInsertRowid);
    let at = 0;
    for (let i = 0; i < SENTENCES; i++) {
      const s = sentence(d, i);
      // A paragraph row first, as the writer stores them, so sentence ids are not dense.
      if (i % 5 === 0) insertSegment.run(doc, 'paragraph', i / 5, at, at + 1, s.language);
      const id = Number(insertSegment.run(doc, 'sentence', i, at, at + s.text.length, s.language).lastInsertRowid);
      insertFts.run(id, s.text);
      if (d % 4 === 0 && i % 3 === 0) insertTheme.run(doc, at, at + 5, JSON.stringify({ themeId: 'refugee-protection' }), 'refugee-protection');
      at += s.text.length + 1;
    }
  }
})();
afterAll(() => db.close());

/** The one-statement query search.ts used to run, with sentence id as the tie-break. */
function oldOrder(query: string, limit: number): { id: number; rank: number }[] {
  return db.prepare(`SELECT s.id, bm25(segments_fts) AS rank FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid
    JOIN documents d ON d.id = s.document WHERE segments_fts MATCH ? ORDER BY rank, s.id LIMIT ?`).all(toFtsQuery(query), limit) as { id: number; rank: number }[];
}
const countOf = (query: string) => (db.prepare('SELECT count(*) AS n FROM segments_fts WHERE segments_fts MATCH ?').get(toFtsQuery(query)) as { n: number }).n;

describe('searchSentences', () => {
  it('ranks every match exactly, in the order of the one-statement query, under the limit', () => {
    const total = countOf('refugee');
    // Five sentences a document (one fewer in the 20 odd ones, whose first is Indonesian), the Convention's
    // sentence in each, and the stateless ones.
    expect(total).toBe(DOCUMENTS * 5 - 20 + DOCUMENTS + 5);
    const result = searchSentences(db, 'refugee', { limit: 30 });
    expect(result).toMatchObject({ total, totalEstimated: false, sampled: false, ranked: total });
    expect(result.hits.map((h) => ({ id: h.segmentId, rank: h.rank }))).toEqual(oldOrder('refugee', 30));
    const top = result.hits[0];
    expect(top.snippet).toContain('[refugee]');
    expect(top.documentId).toMatch(/^doc\d\d$/);
    expect(top.text).toContain('refugee');
  });

  it('above the limit, ranks an even sample of the matches over the whole corpus and still counts them all', () => {
    const total = countOf('refugee');
    const result = searchSentences(db, 'refugee', { limit: 1000, exactLimit: 50, sampleSize: 50 });
    expect(result).toMatchObject({ total, totalEstimated: false, sampled: true });
    expect(result.ranked).toBe(result.hits.length);
    expect(result.ranked).toBeGreaterThanOrEqual(40);
    expect(result.ranked).toBeLessThanOrEqual(60);
    // Hits from the first and the last documents written, not only the first matches.
    const documents = new Set(result.hits.map((h) => Number(h.documentId.slice(3))));
    expect(Math.min(...documents)).toBeLessThan(5);
    expect(Math.max(...documents)).toBeGreaterThanOrEqual(DOCUMENTS - 5);
    // The sample is ranked in bm25's order: the same order bm25 gives the sampled sentences.
    const sampledIds = result.hits.map((h) => h.segmentId);
    const bm25Order = (db.prepare(`SELECT rowid AS id FROM segments_fts WHERE segments_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))
      ORDER BY bm25(segments_fts), rowid`).all(toFtsQuery('refugee'), JSON.stringify(sampledIds)) as { id: number }[]).map((r) => r.id);
    expect(sampledIds).toEqual(bm25Order);
  });

  it('scores a sample of every match of one word in exactly the order of bm25 over all of them', () => {
    const total = countOf('refugee');
    const sampled = searchSentences(db, 'refugee', { limit: 40, exactLimit: 10, sampleSize: total });
    expect(sampled).toMatchObject({ sampled: true, ranked: total, total });
    expect(sampled.hits.map((h) => h.segmentId)).toEqual(oldOrder('refugee', 40).map((r) => r.id));
    // A sample larger than the count's pass kept comes from a second, stride pass: here every match.
    const strided = searchSentences(db, 'refugee', { limit: 40, exactLimit: 10, sampleSize: 10_000 });
    expect(strided).toMatchObject({ sampled: true, ranked: total, total });
    expect(strided.hits.map((h) => h.segmentId)).toEqual(oldOrder('refugee', 40).map((r) => r.id));
  });

  it('reads queries and text the way the index tokenizes them', () => {
    expect(queryPhrases(toFtsQuery('"Refugee Convention" non-refoulement pengung*'))).toEqual([
      { tokens: ['refugee', 'convention'], prefix: false }, { tokens: ['non', 'refoulement'], prefix: false }, { tokens: ['pengung'], prefix: true },
    ]);
    expect(queryPhrases('refugee OR asylum')).toBeNull();
    expect(ftsTokens('Pasal 28D ayat (1) — Kovenan Internasional tentang Hak-hak Sipil; réfugié')).toEqual(
      ['pasal', '28d', 'ayat', '1', 'kovenan', 'internasional', 'tentang', 'hak', 'hak', 'sipil', 'refugie']);
    // The index's own record of its average length: its token total over its rows.
    const texts = db.prepare('SELECT text FROM segments_fts').pluck().all() as string[];
    expect(ftsAverageLength(db)).toBeCloseTo(texts.reduce((n, t) => n + ftsTokens(t).length, 0) / texts.length, 10);
  });

  it('ranks exactly at the limit and samples one match above it', () => {
    const total = countOf('stateless');
    expect(total).toBe(5);
    expect(searchSentences(db, 'stateless', { exactLimit: 5 }).sampled).toBe(false);
    expect(searchSentences(db, 'stateless', { exactLimit: 4 })).toMatchObject({ sampled: true, total: 5 });
  });

  it('finds phrases, prefixes and words that look like FTS5 operators', () => {
    expect(searchSentences(db, '"Refugee Convention"').total).toBe(DOCUMENTS);
    expect(searchSentences(db, '"Convention Refugee"').total).toBe(0);
    expect(searchSentences(db, 'pengung*', { limit: 3 }).hits[0].snippet).toContain('[pengungsi]');
    expect(searchSentences(db, 'non-refoulement').total).toBe(20 * 3);
    const operators = searchSentences(db, 'AND NOT 28D');
    expect(operators.total).toBe(DOCUMENTS);
    expect(operators.hits[0].snippet).toMatch(/\[AND\] \[NOT\] Article \[28D\]/);
    expect(searchSentences(db, '"" *')).toEqual({ hits: [], total: 0, totalEstimated: false, sampled: false, ranked: 0 });
  });

  it('filters by document and language exactly', () => {
    const inDocument = searchSentences(db, 'refugee', { documentId: 'doc07', limit: 100 });
    expect(inDocument.total).toBe(5);
    expect(new Set(inDocument.hits.map((h) => h.documentId))).toEqual(new Set(['doc07']));
    expect(searchSentences(db, 'refugee', { documentId: 'nope' }).total).toBe(0);
    const indonesian = searchSentences(db, 'pengungsi', { language: 'id' });
    expect(indonesian).toMatchObject({ total: 60, sampled: false });
    expect(searchSentences(db, 'refugee', { language: 'id' }).total).toBe(0);
  });

  it('ranks a filtered set exactly when it is small, even when the unfiltered matches are sampled', () => {
    // Every third sentence of every fourth document carries the theme: 10 documents × 5 sentences, all with "refugee".
    // The sample (every third of 225 matches) estimates about 50 themed ones, under the limit of 100.
    const themed = searchFts(db, toFtsQuery('refugee'), { themeId: 'refugee-protection', exactLimit: 100, limit: 100 });
    expect(themed).toMatchObject({ total: 50, totalEstimated: false, sampled: false, ranked: 50 });
    expect(new Set(themed.hits.map((h) => Number(h.documentId.slice(3)) % 4))).toEqual(new Set([0]));
    // A larger filtered set than the limit is sampled and its total estimated from the sample.
    const english = searchFts(db, toFtsQuery('refugee'), { language: 'en', exactLimit: 50, limit: 100 });
    expect(english).toMatchObject({ sampled: true, totalEstimated: true });
    expect(english.total % Math.ceil(countOf('refugee') / 50)).toBe(0);
    expect(english.hits.every((h) => h.language === 'en')).toBe(true);
  });

  it('puts the markers it is given around matched words', () => {
    const hit = searchSentences(db, 'stateless', { mark: ['\u0001', '\u0002'] }).hits[0];
    expect(hit.snippet).toContain('\u0001stateless\u0002');
  });
});
