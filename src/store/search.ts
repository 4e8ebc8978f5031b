/**
 * Full-text search over sentences (FTS5, bm25 ranking) with optional filters, in two stages: a bare FTS
 * statement ranks rowids, then only the top `limit` sentences are joined to their documents and get a
 * snippet. Returns the hits with the total number of matches and how they were ranked.
 *
 * Guarantee: when the query (with its filters) matches at most `exactLimit` sentences, the order is
 * exact bm25 over all of them, ties by sentence id. Above that, an even sample of the matches spread
 * over the whole corpus is ranked (never the first ones only: those would all come from the first
 * documents written), and the result says so. Exact bm25 costs ~0.5 µs per match (the aux function and
 * its docsize lookup) plus a pass over each phrase's whole doclist for its rarity weight, so a word in a
 * quarter-million sentences of the 10,000-document bench store took 200–350 ms. Without row filters
 * the pass that counts the matches also keeps every `fine`-th rowid, which for a common query is
 * already its sample; the sample's texts are scored here by bm25's frequency and length part (the
 * same order as bm25 for a one-phrase query), so no second pass and no rarity pass are needed. With
 * row filters (language, instrument, theme) bm25 runs on an even rowid stride of the matches, the
 * filters evaluated only for rows in the stride (SQLite computes bm25() only for rows that pass the
 * WHERE clause; bench/search-latency.ts measures it).
 */
import type { Db } from './open-store.js';
import { prepared } from './prepared.js';

/** Above this many matches, ranking is sampled. Chosen by bench/search-latency.ts on the 10,000-document store. */
export const EXACT_RANK_LIMIT = 5_000;

/**
 * How many matches a sampled query ranks when it has no row filters: their texts are read and scored
 * here, in JavaScript, by bm25's term-frequency and length part (see scoreSample). bm25() itself would
 * first read every match of each phrase once more for its rarity weights, a full pass per phrase that
 * cost 6–14 ms per common word on the 10,000-document store, the largest share left of a common query.
 */
export const SAMPLE_SIZE = 2_000;

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
  /** Matches ranked when sampling without row filters (default SAMPLE_SIZE). */
  readonly sampleSize?: number;
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
    const range = prepared(db, `SELECT min(s.id) AS lo, max(s.id) AS hi, d.id AS doc FROM documents d
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

  const sampleSize = Math.max(1, options.sampleSize ?? SAMPLE_SIZE);
  const phrases = rowFilters.length ? null : queryPhrases(fts);
  // The count's pass also keeps every `fine`-th rowid: for a common word that already is its sample, and
  // saves a second pass over its matches (a query matching 1% of the sentences keeps about sampleSize).
  const lastId = (prepared(db, 'SELECT max(id) AS n FROM segments').get([]) as { n: number | null }).n ?? 0;
  const fine = Math.max(1, Math.floor(lastId / (100 * sampleSize)));
  const counted = phrases
    ? (prepared(db, `SELECT count(*) AS n, json_group_array(rowid) FILTER (WHERE (rowid % @fine) = 0) AS ids
        FROM segments_fts WHERE ${matchWhere.join(' AND ')}`).get({ ...params, fine }) as { n: number; ids: string })
    : (prepared(db, `SELECT count(*) AS n FROM segments_fts WHERE ${matchWhere.join(' AND ')}`).get(params) as { n: number; ids?: string });
  const matches = counted.n;
  if (matches === 0) return NONE;
  const rank = (step: number) => {
    const inStride = step > 1 ? ['(segments_fts.rowid % @step) = 0'] : [];
    const keep = [...inStride, ...rowFilters];
    // CASE, not AND: SQLite may reorder AND terms, and the stride must be tested before the costly filters.
    const where = keep.length ? [...matchWhere, `CASE WHEN ${inStride[0] ?? '1'} THEN ${rowFilters.length ? rowFilters.join(' AND ') : '1'} ELSE 0 END`] : matchWhere;
    // The window count over the (at most ~exactLimit) kept rows tells how many were ranked in the same pass.
    const rows = prepared(db, `SELECT id, score AS rank, count(*) OVER () AS ranked FROM (
        SELECT rowid AS id, bm25(segments_fts) AS score FROM segments_fts WHERE ${where.join(' AND ')})
      ORDER BY score, id LIMIT @limit`).all({ ...params, step, limit }) as { id: number; rank: number; ranked: number }[];
    return { rows, ranked: rows[0]?.ranked ?? 0 };
  };

  if (phrases && matches > exactLimit) {
    // A common query without row filters: an even stride of its matches, scored here (no IDF pass).
    const fineIds = JSON.parse(counted.ids ?? '[]') as number[];
    const every = Math.ceil(fineIds.length / sampleSize);
    const ids = fineIds.length >= sampleSize
      ? fineIds.filter((_, i) => i % every === 0)
      : (prepared(db, `SELECT rowid FROM segments_fts WHERE ${matchWhere.join(' AND ')} AND (rowid % @step) = 0`)
        .pluck().all({ ...params, step: Math.ceil(matches / sampleSize) }) as number[]);
    const texts = prepared(db, 'SELECT rowid, text FROM segments_fts WHERE rowid IN (SELECT value FROM json_each(@ids))')
      .raw().all({ ids: JSON.stringify(ids) }) as [number, string][];
    const rows = scoreSample(texts, phrases, ftsAverageLength(db)).slice(0, limit);
    return { hits: fetchHits(db, fts, rows, options), total: matches, totalEstimated: false, sampled: true, ranked: texts.length };
  }
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

/**
 * The phrases of a query as toFtsQuery writes it (`"word"`, `"a phrase"`, `"prefix"*`, space-separated),
 * each as tokens folded the way the index's unicode61 tokenizer folds them; null for anything else.
 */
export function queryPhrases(fts: string): { tokens: string[]; prefix: boolean }[] | null {
  const phrases: { tokens: string[]; prefix: boolean }[] = [];
  const rest = fts.replace(/"([^"]*)"(\*?)\s*/g, (_, phrase: string, star: string) => {
    phrases.push({ tokens: ftsTokens(phrase), prefix: star === '*' });
    return '';
  });
  return rest.trim() === '' && phrases.length && phrases.every((p) => p.tokens.length) ? phrases : null;
}

/** Tokens as FTS5's unicode61 tokenizer with remove_diacritics 2 makes them: letters and digits, folded. */
export function ftsTokens(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const K1 = 1.2;
const B = 0.75;

/**
 * The average sentence length in tokens that bm25 uses, from the record FTS5 keeps of it (row 1 of
 * segments_fts_data: the row count, then each column's token total, as SQLite varints).
 */
export function ftsAverageLength(db: Db): number {
  const block = (prepared(db, 'SELECT block FROM segments_fts_data WHERE id = ?').get(1) as { block: Buffer } | undefined)?.block;
  if (!block) return 1;
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let i = 0; i < 9 && at < block.length; i++) {
      const byte = block[at++];
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return value;
  };
  const rows = varint();
  const tokens = varint();
  return rows > 0 ? tokens / rows : 1;
}

/**
 * Ranks sampled sentences by bm25's saturation and length part, Σ tf·(k1+1) / (tf + k1·(1 − b + b·len/avg)),
 * with FTS5's k1 and b and the index's average sentence length. For a one-phrase query this is bm25's
 * order (its rarity weight is one positive constant); several phrases are weighted equally. Returned
 * as FTS5 ranks (negative, lower is better), ties by sentence id.
 */
export function scoreSample(texts: readonly (readonly [number, string])[], phrases: readonly { tokens: string[]; prefix: boolean }[], average: number): { id: number; rank: number }[] {
  const tokenized = texts.map(([id, text]) => ({ id, tokens: ftsTokens(text) }));
  const scored = tokenized.map(({ id, tokens }) => {
    let score = 0;
    for (const { tokens: phrase, prefix } of phrases) {
      let tf = 0;
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        let same = true;
        for (let j = 0; j < phrase.length && same; j++) {
          const last = j === phrase.length - 1;
          same = prefix && last ? tokens[i + j].startsWith(phrase[j]) : tokens[i + j] === phrase[j];
        }
        if (same) tf++;
      }
      score += (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * tokens.length) / Math.max(1, average)));
    }
    return { id, rank: -score };
  });
  return scored.sort((a, b) => a.rank - b.rank || a.id - b.id);
}

/** Stage two: documents, text and snippet for the ranked rowids only, in rank order. */
function fetchHits(db: Db, fts: string, ranked: readonly { id: number; rank: number }[], options: SearchOptions): SearchHit[] {
  if (!ranked.length) return [];
  const [open, close] = options.mark ?? ['[', ']'];
  // rowid IN json_each(…) makes FTS5 seek each rowid (plan: INDEX 0:=M1) instead of scanning the matches.
  const rows = prepared(db, `SELECT s.id AS segmentId, d.document_id AS documentId, d.file, d.title, s.page, s.start, s."end" AS "end",
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
