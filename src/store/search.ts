/**
 * Full-text search over sentences (FTS5, bm25 ranking) with optional filters, in two stages: a bare FTS
 * statement ranks rowids, then only the top `limit` sentences are joined to their documents and get a
 * snippet. Returns the hits with the total number of matches and how they were ranked.
 *
 * Guarantee: when the query (with its filters) matches at most `exactLimit` sentences, the order is
 * exact bm25 over all of them, ties by sentence id. Above that, bm25 is computed only for an even
 * stride of the matches over the whole rowid range (every `step`-th rowid), about `exactLimit` of them,
 * so a common word costs a count plus a bounded amount of ranking instead of ~1.5-3 µs per match (the
 * aux function and its docsize lookup; measured on the 4.87 M-sentence bench store). bm25 still reads
 * each phrase's whole doclist once per query for its IDF (7-21 ms for the bench's common words), which
 * sampling cannot remove. A stride rather
 * than the first matches, so hits come from the whole corpus and not only from the first documents
 * written. SQLite evaluates the result column bm25() only for rows that pass the WHERE clause, so rows
 * outside the stride never reach the aux function (bench/search-latency.ts measures it).
 */
import type { Db } from './open-store.js';

/** Above this many matches, ranking is sampled. Chosen by bench/search-latency.ts on the 10,000-document store. */
export const EXACT_RANK_LIMIT = 5_000;

export interface SearchOptions {
  readonly limit?: number;
  readonly documentId?: string;
  readonly language?: string;
  /** Only sentences overlapping an instrument mention of this instrument id. */
  readonly instrumentId?: string;
  /** Only sentences overlapping a theme code of this theme id. */
  readonly themeId?: string;
  /** Most matches ranked exactly; above it ranking is sampled (default EXACT_RANK_LIMIT). */
  readonly exactLimit?: number;
  /** Snippet markers around matched words (default [ and ]) and the snippet's length in tokens. */
  readonly mark?: readonly [string, string];
  readonly snippetTokens?: number;
}

export interface SearchHit {
  readonly segmentId: number;
  readonly documentId: string;
  readonly file: string;
  readonly title: string | null;
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly language: string;
  readonly text: string;
  readonly snippet: string;
  readonly rank: number;
}

export interface SearchResult {
  readonly hits: SearchHit[];
  /** Sentences matching the query and filters; an estimate (sample count × step) when `totalEstimated`. */
  readonly total: number;
  readonly totalEstimated: boolean;
  /** True when the hits are the best of an even sample of the matches rather than of all of them. */
  readonly sampled: boolean;
  /** How many matches were ranked (all of them unless sampled). */
  readonly ranked: number;
}

/**
 * Turns what a person types into an FTS5 query: words are matched as given (quoted, so "non-refoulement"
 * or "28D" are not read as operators); a quoted phrase stays a phrase; a trailing * keeps prefix search.
 */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = m[1] ?? m[2];
    const prefix = !m[1] && phrase.endsWith('*');
    const clean = (prefix ? phrase.slice(0, -1) : phrase).replace(/"/g, '');
    if (!clean.trim()) continue;
    parts.push(`"${clean}"${prefix ? '*' : ''}`);
  }
  return parts.join(' ');
}

/** Searches what a person typed (see toFtsQuery). */
export function searchSentences(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  return searchFts(db, toFtsQuery(query), options);
}

const NONE: SearchResult = { hits: [], total: 0, totalEstimated: false, sampled: false, ranked: 0 };

/** Searches an FTS5 query as given (the review app builds it with toFtsQuery). */
export function searchFts(db: Db, fts: string, options: SearchOptions = {}): SearchResult {
  if (!fts) return NONE;
  const limit = options.limit ?? 20;
  const exactLimit = Math.max(1, options.exactLimit ?? EXACT_RANK_LIMIT);
  const params: Record<string, string | number | null> = {
    fts, language: options.language ?? null, instrumentId: options.instrumentId ?? null, themeId: options.themeId ?? null,
  };

  // The document filter becomes a rowid range, which FTS5 seeks to instead of reading the whole doclist
  // (a document's sentences are written in one transaction, so their ids are contiguous); the exact
  // document check inside the range keeps the answer right even if they were not.
  const matchWhere = ['segments_fts MATCH @fts'];
  if (options.documentId) {
    const range = cached(db, `SELECT min(s.id) AS lo, max(s.id) AS hi, d.id AS doc FROM documents d
      JOIN segments s ON s.document = d.id AND s.kind = 'sentence' WHERE d.document_id = ?`).get(options.documentId) as
      { lo: number | null; hi: number | null; doc: number | null };
    if (range.lo === null || range.hi === null) return NONE;
    Object.assign(params, { lo: range.lo, hi: range.hi, doc: range.doc });
    matchWhere.push('rowid BETWEEN @lo AND @hi', '(SELECT document FROM segments WHERE id = segments_fts.rowid) = @doc');
  }
  // Per-row filters cost a lookup per match, so they are evaluated only for rows inside the stride.
  const rowFilters: string[] = [];
  if (options.language) rowFilters.push('(SELECT language FROM segments WHERE id = segments_fts.rowid) = @language');
  // The indexed key column holds the theme or instrument id; rows written without it fall back to the JSON.
  for (const [option, kind] of [['instrumentId', 'instrument-mention'], ['themeId', 'theme-code']] as const) {
    if (!options[option]) continue;
    rowFilters.push(`EXISTS (SELECT 1 FROM segments s JOIN annotations a ON a.document = s.document AND a.kind = '${kind}'
      AND a.start < s."end" AND a."end" > s.start WHERE s.id = segments_fts.rowid AND COALESCE(a.key, json_extract(a.data, '$.${option}')) = @${option})`);
  }

  const matches = (cached(db, `SELECT count(*) AS n FROM segments_fts WHERE ${matchWhere.join(' AND ')}`).get(params) as { n: number }).n;
  if (matches === 0) return NONE;
  const rank = (step: number) => {
    const inStride = step > 1 ? ['(segments_fts.rowid % @step) = 0'] : [];
    const keep = [...inStride, ...rowFilters];
    // CASE, not AND: SQLite may reorder AND terms, and the stride must be tested before the costly filters.
    const where = keep.length ? [...matchWhere, `CASE WHEN ${inStride[0] ?? '1'} THEN ${rowFilters.length ? rowFilters.join(' AND ') : '1'} ELSE 0 END`] : matchWhere;
    // The window count over the (at most ~exactLimit) kept rows tells how many were ranked in the same pass.
    const rows = cached(db, `SELECT id, score AS rank, count(*) OVER () AS ranked FROM (
        SELECT rowid AS id, bm25(segments_fts) AS score FROM segments_fts WHERE ${where.join(' AND ')})
      ORDER BY score, id LIMIT @limit`).all({ ...params, step, limit }) as { id: number; rank: number; ranked: number }[];
    return { rows, ranked: rows[0]?.ranked ?? 0 };
  };

  let step = matches > exactLimit ? Math.ceil(matches / exactLimit) : 1;
  let ranking = rank(step);
  let total = rowFilters.length ? ranking.ranked * step : matches;
  // A selective filter can leave a small set behind a large match count: rank that set exactly.
  if (step > 1 && rowFilters.length && total <= exactLimit) {
    step = 1;
    ranking = rank(step);
    total = ranking.ranked;
  }
  return {
    hits: fetchHits(db, fts, ranking.rows, options),
    total,
    totalEstimated: step > 1 && rowFilters.length > 0,
    sampled: step > 1,
    ranked: ranking.ranked,
  };
}

/** Stage two: documents, text and snippet for the ranked rowids only, in rank order. */
function fetchHits(db: Db, fts: string, ranked: readonly { id: number; rank: number }[], options: SearchOptions): SearchHit[] {
  if (!ranked.length) return [];
  const [open, close] = options.mark ?? ['[', ']'];
  // rowid IN json_each(…) makes FTS5 seek each rowid (plan: INDEX 0:=M1) instead of scanning the matches.
  const rows = cached(db, `SELECT s.id AS segmentId, d.document_id AS documentId, d.file, d.title, s.page, s.start, s."end" AS "end",
      s.language, segments_fts.text AS text, snippet(segments_fts, 0, @open, @close, '…', @tokens) AS snippet
    FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid JOIN documents d ON d.id = s.document
    WHERE segments_fts MATCH @fts AND segments_fts.rowid IN (SELECT value FROM json_each(@ids))`)
    .all({ fts, open, close, tokens: options.snippetTokens ?? 16, ids: JSON.stringify(ranked.map((r) => r.id)) }) as Omit<SearchHit, 'rank'>[];
  const byId = new Map(rows.map((r) => [r.segmentId, r]));
  return ranked.flatMap((r) => {
    const hit = byId.get(r.id);
    return hit ? [{ ...hit, rank: r.rank }] : [];
  });
}

// Statements are prepared once per connection and SQL shape (the filters make a few shapes).
const statements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
function cached(db: Db, sql: string): ReturnType<Db['prepare']> {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map()));
  let statement = forDb.get(sql);
  if (!statement) forDb.set(sql, (statement = db.prepare(sql)));
  return statement;
}
