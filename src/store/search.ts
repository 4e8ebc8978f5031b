/**
 * Full-text search over sentences (FTS5, bm25 ranking) with optional filters, returning each hit with
 * its document, page and a highlighted snippet.
 */
import type { Db } from './open-store.js';

export interface SearchOptions {
  readonly limit?: number;
  readonly documentId?: string;
  readonly language?: string;
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

export function searchSentences(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const where: string[] = ['segments_fts MATCH @fts'];
  if (options.documentId) where.push('d.document_id = @documentId');
  if (options.language) where.push('s.language = @language');
  return db
    .prepare(
      `SELECT s.id AS segmentId, d.document_id AS documentId, d.file, d.title, s.page, s.start, s."end" AS "end", s.language,
        segments_fts.text AS text, snippet(segments_fts, 0, '[', ']', '…', 16) AS snippet, bm25(segments_fts) AS rank
       FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid JOIN documents d ON d.id = s.document
       WHERE ${where.join(' AND ')} ORDER BY rank LIMIT @limit`,
    )
    .all({ fts, documentId: options.documentId ?? null, language: options.language ?? null, limit: options.limit ?? 20 }) as SearchHit[];
}
