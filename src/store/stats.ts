/**
 * Corpus figures for `telaah stats`: documents by status and language, pages, and the top
 * annotations each stage contributes (instruments, themes, cited works) when present.
 */
import type { Db } from './open-store.js';

export interface CorpusStats {
  readonly documents: number;
  readonly pages: number;
  readonly byStatus: { status: string; documents: number; pages: number }[];
  readonly byLanguage: { language: string; documents: number; pages: number }[];
  readonly sentences: number;
  readonly annotationsByKind: { kind: string; count: number }[];
  readonly lastRun: { id: number; started_at: string; status: string; seconds: number | null } | null;
}

export function corpusStats(db: Db): CorpusStats {
  const totals = db.prepare("SELECT COUNT(*) AS documents, COALESCE(SUM(pages), 0) AS pages FROM documents WHERE status != 'missing'").get() as
    { documents: number; pages: number };
  return {
    ...totals,
    byStatus: db.prepare('SELECT status, COUNT(*) AS documents, COALESCE(SUM(pages), 0) AS pages FROM documents GROUP BY status ORDER BY documents DESC').all() as CorpusStats['byStatus'],
    byLanguage: db.prepare(`SELECT COALESCE(language, 'und') AS language, COUNT(*) AS documents, COALESCE(SUM(pages), 0) AS pages
      FROM documents WHERE status IN ('ok', 'flagged') GROUP BY 1 ORDER BY documents DESC`).all() as CorpusStats['byLanguage'],
    sentences: (db.prepare("SELECT COUNT(*) AS n FROM segments WHERE kind = 'sentence'").get() as { n: number }).n,
    annotationsByKind: db.prepare('SELECT kind, COUNT(*) AS count FROM annotations GROUP BY kind ORDER BY count DESC').all() as CorpusStats['annotationsByKind'],
    lastRun: (db.prepare('SELECT id, started_at, status, seconds FROM runs ORDER BY id DESC LIMIT 1').get() as CorpusStats['lastRun']) ?? null,
  };
}
