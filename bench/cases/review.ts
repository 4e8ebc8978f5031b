/**
 * Review app speed on a synthetic store (built here, so the figures do not depend on the corpus):
 * - the reader page for one document with 2,000 annotations, measured as server time (fastify inject:
 *   query, status derivation, rendering), target under 150 ms; baseline: reading that document's rows;
 * - a full-text search with the review filters over a store of 1,000 documents (40 sentences each),
 *   target under 50 ms; baseline: the bare FTS5 MATCH count.
 * Medians of repeated runs after a warm-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReviewApp } from '../../src/review/build-review-app.js';
import { openDatabase, type Db } from '../../src/store/open-store.js';
import { createReviewStore } from '../../src/store/review-store.js';
import { toFtsQuery } from '../../src/store/search.js';

const WORDS = ('perlindungan pengungsi pekerja migran negara hukum internasional konvensi pasal ayat hak asasi manusia refugee protection ' +
  'asylum state obligation treaty ratification trafficking border detention deportation labour court judgment principle').split(' ');

function sentence(seed: number): string {
  const n = 8 + (seed % 12);
  const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13 + ((seed >> 3) % 5)) % WORDS.length]);
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

function buildStore(db: Db, documents: number, sentencesPerDocument: number): { bigDocumentId: string } {
  const insertDoc = db.prepare(`INSERT INTO documents (document_id, file, sha256, bytes, format, title, language, pages, status, updated_at)
    VALUES (?, ?, ?, 0, 'txt', ?, 'id', 1, 'ok', '2026-01-01')`);
  const insertText = db.prepare("INSERT INTO document_texts (document, text, notes_start, source_map, layout_paragraphs) VALUES (?, ?, ?, '[]', '[]')");
  const insertPage = db.prepare('INSERT INTO pages (document, number, start, "end") VALUES (?, 1, 0, ?)');
  const insertSegment = db.prepare(`INSERT INTO segments (document, kind, idx, start, "end", page, language, in_footnote, paragraph) VALUES (?, 'sentence', ?, ?, ?, 1, 'id', 0, 0)`);
  const insertFts = db.prepare('INSERT INTO segments_fts (rowid, text) VALUES (?, ?)');
  const insertAnnotation = db.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data) VALUES (?, ?, ?, ?, 1, 'bench', '1', ?, 0, ?)`);
  let bigDocumentId = '';
  db.transaction(() => {
    for (let d = 0; d < documents; d++) {
      const big = d === 0;
      const count = big ? 700 : sentencesPerDocument;
      const sentences = Array.from({ length: count }, (_, i) => sentence(d * 1000 + i));
      const text = sentences.join(' ');
      const sha = (d.toString(16).padStart(8, '0') + 'f'.repeat(56)).slice(0, 64);
      const id = Number(insertDoc.run(sha.slice(0, 16), `/bench/doc-${d}.txt`, sha, `Document ${d}`).lastInsertRowid);
      if (big) bigDocumentId = sha.slice(0, 16);
      insertText.run(id, text, text.length);
      insertPage.run(id, text.length);
      let at = 0;
      sentences.forEach((s, i) => {
        const sid = insertSegment.run(id, i, at, at + s.length).lastInsertRowid;
        insertFts.run(sid, s);
        if (big) {
          // Three annotations per sentence (two themes and an instrument mention inside it): 2,100 in all.
          insertAnnotation.run(id, 'theme-code', at, at + s.length, 'asylum/r', JSON.stringify({ themeId: 'asylum', themeName: 'Asylum', level: 'sentence', score: 2, evidence: [{ rule: 'r', terms: ['asylum'], spans: [] }] }));
          insertAnnotation.run(id, 'theme-code', at, at + s.length, 'treaty/r', JSON.stringify({ themeId: 'treaty', themeName: 'Treaties', level: 'sentence', score: 1, evidence: [] }));
          insertAnnotation.run(id, 'instrument-mention', at, at + Math.min(12, s.length), 'alias', JSON.stringify({ instrumentId: 'refugee-convention', instrumentName: '1951 Refugee Convention' }));
        }
        at += s.length + 1;
      });
    }
  })();
  return { bigDocumentId };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telaah-review-bench-'));
  const db = openDatabase(path.join(dir, 'store.sqlite'));
  try {
    const built = performance.now();
    const { bigDocumentId } = buildStore(db, 1000, 40);
    const buildSeconds = (performance.now() - built) / 1000;
    const annotations = (db.prepare("SELECT COUNT(*) AS n FROM annotations").get() as { n: number }).n;
    const host = '127.0.0.1:1';
    const app = buildReviewApp({ db, allowedHosts: new Set([host]) });
    await app.ready();
    const readerMs = await time(15, async () => {
      const res = await app.inject({ url: `/doc/${bigDocumentId}`, headers: { host } });
      if (res.statusCode !== 200) throw new Error(`reader answered ${res.statusCode}`);
    });
    const store = createReviewStore(db);
    const readerBaselineMs = await time(15, () => {
      const doc = store.documentById(bigDocumentId)!;
      store.text(doc.id);
      store.annotations(doc.id);
    });
    const queries = ['pengungsi', 'perlindungan pekerja', '"hak asasi"', 'treaty', 'konvensi*'];
    const searchMs = await time(25, () => {
      for (const q of queries) store.search({ query: toFtsQuery(q), themeId: undefined, limit: 100 });
    }) / queries.length;
    const searchFilteredMs = await time(25, () => {
      for (const q of queries) store.search({ query: toFtsQuery(q), language: 'id', limit: 100 });
    }) / queries.length;
    const searchPageMs = await time(15, async () => {
      await app.inject({ url: '/search?q=pengungsi', headers: { host } });
    });
    const count = db.prepare('SELECT COUNT(*) AS n FROM segments_fts WHERE segments_fts MATCH ?');
    const searchBaselineMs = await time(25, () => {
      for (const q of queries) count.get(toFtsQuery(q));
    }) / queries.length;
    await app.close();
    const sentences = (db.prepare('SELECT COUNT(*) AS n FROM segments').get() as { n: number }).n;
    const figures = {
      documents: 1000, sentences, annotationsInReaderDocument: annotations, storeBuildSeconds: Number(buildSeconds.toFixed(1)),
      readerMs: Number(readerMs.toFixed(1)), readerTargetMs: 150, readerBaselineMs: Number(readerBaselineMs.toFixed(1)),
      searchMs: Number(searchMs.toFixed(2)), searchFilteredMs: Number(searchFilteredMs.toFixed(2)), searchTargetMs: 50,
      searchPageMs: Number(searchPageMs.toFixed(1)), searchBaselineMs: Number(searchBaselineMs.toFixed(2)),
      readerVsBaseline: `${(readerMs / readerBaselineMs).toFixed(1)}x`, searchVsBaseline: `${(searchMs / searchBaselineMs).toFixed(1)}x`,
    };
    console.log(`reader page, ${annotations} annotations: ${figures.readerMs} ms server time (target < 150; reading the rows alone ${figures.readerBaselineMs} ms)`);
    console.log(`search over ${figures.documents} documents / ${sentences} sentences: ${figures.searchMs} ms per query, ${figures.searchFilteredMs} ms with a language filter, ` +
      `${figures.searchPageMs} ms for the whole page (target < 50; bare FTS count ${figures.searchBaselineMs} ms)`);
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
