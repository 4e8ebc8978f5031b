/**
 * Search latency (issue 9) on an existing store, opened read-only: p50/p95 of the scale bench's 20
 * queries (limit 20, 5 rounds after one uncounted warm-up round) for
 * - before: the one-statement query search.ts used to run (bm25 over all matches, joins and snippet inline);
 * - exact: the two-stage search with exact bm25 over every match (exactLimit = Infinity);
 * - after: the two-stage search as shipped (exact up to EXACT_RANK_LIMIT matches, sampled above), and
 *   the same for each other K given with --k.
 * It also checks the claim the sampling rests on: with a stride in the WHERE clause, bm25 costs time in
 * proportion to the sampled rows, not to all matches (stride scan with and without bm25 per query).
 *
 *   npx tsx bench/search-latency.ts bench/corpora/stores/whole-10000.sqlite [--k 5000,10000,20000] [--rounds 5] [--cache-mb 256]
 * (--cache-mb sets SQLite's page cache for the connection; the default is 16 MB in better-sqlite3's build.)
 */
import Database from 'better-sqlite3';
import { EXACT_RANK_LIMIT, searchSentences, toFtsQuery } from '../src/store/search.js';

/** The same 20 queries as QUERIES in bench/cases/scale.ts. */
export const SEARCH_QUERIES = [
  'non-refoulement', 'pekerja migran', 'refugee', 'asylum seekers', 'detention', 'Pasal 28D', 'undang-undang',
  'perlindungan', 'trafficking', '"Refugee Convention"', 'deportasi', 'imigrasi', 'smuggling', 'human rights',
  'kewarganegaraan', 'statelessness', 'ratification', 'protokol', 'UNHCR', 'border*',
];

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function time(run: (q: string) => unknown, rounds: number): { p50: number; p95: number; perQuery: Map<string, number> } {
  for (const q of SEARCH_QUERIES) run(q);
  const times: number[] = [];
  const perQuery = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      run(q);
      const ms = performance.now() - t;
      times.push(ms);
      perQuery.set(q, Math.max(perQuery.get(q) ?? 0, ms));
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), perQuery };
}

function main(): void {
  const args = process.argv.slice(2);
  const store = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!store) throw new Error('usage: npx tsx bench/search-latency.ts <store.sqlite> [--k 5000,10000] [--rounds 5]');
  const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const rounds = Number(option('--rounds') ?? 5);
  const ks = (option('--k') ?? '').split(',').filter(Boolean).map(Number).filter((k) => k !== EXACT_RANK_LIMIT);
  const db = new Database(store, { readonly: true, fileMustExist: true });
  const cacheMb = option('--cache-mb');
  if (cacheMb) db.pragma(`cache_size = -${Number(cacheMb) * 1024}`);
  try {
    const before = db.prepare(`SELECT s.id AS segmentId, d.document_id AS documentId, d.file, d.title, s.page, s.start, s."end" AS "end", s.language,
        segments_fts.text AS text, snippet(segments_fts, 0, '[', ']', '…', 16) AS snippet, bm25(segments_fts) AS rank
       FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid JOIN documents d ON d.id = s.document
       WHERE segments_fts MATCH @fts ORDER BY rank LIMIT @limit`);
    const rows: [string, ReturnType<typeof time>][] = [
      ['before (one statement, bm25 over all matches)', time((q) => before.all({ fts: toFtsQuery(q), limit: 20 }), rounds)],
      ['exact (two stages, bm25 over all matches)', time((q) => searchSentences(db, q, { limit: 20, exactLimit: Infinity }), rounds)],
      [`after (two stages, sampled above K = ${EXACT_RANK_LIMIT})`, time((q) => searchSentences(db, q, { limit: 20 }), rounds)],
      ...ks.map((k): [string, ReturnType<typeof time>] => [`after, K = ${k}`, time((q) => searchSentences(db, q, { limit: 20, exactLimit: k }), rounds)]),
    ];
    console.log(`${store}: ${SEARCH_QUERIES.length} queries × ${rounds} rounds, limit 20`);
    for (const [label, r] of rows) console.log(`${label.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms`);

    console.log('\nper query (worst round, ms): matches, ranked, before, exact, after; stride scan without / with bm25');
    const count = db.prepare('SELECT count(*) AS n FROM segments_fts WHERE segments_fts MATCH ?').pluck();
    const strideScan = db.prepare('SELECT count(*) FROM segments_fts WHERE segments_fts MATCH ? AND (rowid % ?) = 0').pluck();
    const strideRank = db.prepare('SELECT bm25(segments_fts) AS r FROM segments_fts WHERE segments_fts MATCH ? AND (rowid % ?) = 0 ORDER BY r LIMIT 1').pluck();
    const best = (f: () => unknown) => { let m = Infinity; for (let i = 0; i < 3; i++) { const t = performance.now(); f(); m = Math.min(m, performance.now() - t); } return m; };
    for (const q of SEARCH_QUERIES) {
      const fts = toFtsQuery(q);
      const n = count.get(fts) as number;
      const result = searchSentences(db, q, { limit: 20 });
      const step = Math.max(1, Math.ceil(n / EXACT_RANK_LIMIT));
      const cells = rows.slice(0, 3).map(([, r]) => r.perQuery.get(q)!.toFixed(1).padStart(6));
      console.log(`${q.padEnd(22)} ${String(n).padStart(8)} ${String(result.ranked).padStart(7)} ${cells.join(' ')}   ` +
        `step ${String(step).padStart(3)}: ${best(() => strideScan.get(fts, step)).toFixed(1).padStart(5)} / ${best(() => strideRank.get(fts, step)).toFixed(1).padStart(5)}`);
    }
  } finally {
    db.close();
  }
}

main();
