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
  readonly topInstruments: { instrument: string; name: string; indonesia: string; mentions: number; documents: number }[];
  readonly themesByDocument: { document: string; [theme: string]: string | number }[];
  readonly themeColumns: string[];
  readonly topWorks: { work: string; citations: number; documents: number }[];
  readonly flaggedClaims: number;
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
    annotationsByKind: db.prepare('SELECT kind, SUM(n) AS count FROM annotation_counts GROUP BY kind ORDER BY count DESC').all() as CorpusStats['annotationsByKind'],
    lastRun: (db.prepare('SELECT id, started_at, status, seconds FROM runs ORDER BY id DESC LIMIT 1').get() as CorpusStats['lastRun']) ?? null,
    // The author's own reliance: mentions inside the titles of cited works do not count.
    topInstruments: db.prepare(`SELECT json_extract(a.data, '$.instrumentId') AS instrument,
        COALESCE(i.name_en, json_extract(a.data, '$.instrumentName')) AS name, COALESCE(i.indonesia_status, '') AS indonesia,
        COUNT(*) AS mentions, COUNT(DISTINCT a.document) AS documents
      FROM annotations a JOIN documents d ON d.id = a.document AND d.status = 'ok'
      LEFT JOIN instruments i ON i.id = json_extract(a.data, '$.instrumentId')
      WHERE a.kind = 'instrument-mention' AND COALESCE(json_extract(a.data, '$.inReference'), 0) = 0
      GROUP BY 1 ORDER BY mentions DESC LIMIT 15`).all() as CorpusStats['topInstruments'],
    ...themesByDocument(db),
    topWorks: (db.prepare(`SELECT authors, year, title, citations, cited_by_documents AS documents FROM works ORDER BY citations DESC, cited_by_documents DESC LIMIT 10`).all() as
      { authors: string; year: string | null; title: string | null; citations: number; documents: number }[]).map((w) => {
      const first = (JSON.parse(w.authors) as string[])[0]?.split(',')[0] ?? 'Anon.';
      return { work: `${first} (${w.year ?? 'n.d.'}) ${(w.title ?? '').slice(0, 60)}`, citations: w.citations, documents: w.documents };
    }),
    flaggedClaims: (db.prepare(`SELECT COUNT(*) AS n FROM annotations WHERE kind = 'claim' AND json_extract(data, '$.contradiction') = 1`).get() as { n: number }).n,
  };
}

/**
 * Sentence-level theme codes (body text) counted per document and theme: the theme × document matrix.
 * Read from the per-document counts the writer keeps (annotation_counts), through a covering index:
 * a few rows per document instead of every theme code.
 */
export function themeCountsByDocument(db: Db): { document: string; theme: string; n: number }[] {
  const counts = db.prepare(`SELECT document, key AS theme, SUM(n) AS n FROM annotation_counts
    WHERE kind = 'theme-code' AND level = 'sentence' AND in_footnote = 0 GROUP BY key, document`).all() as { document: number; theme: string; n: number }[];
  const ids = new Map((db.prepare('SELECT id, document_id FROM documents').all() as { id: number; document_id: string }[]).map((d) => [d.id, d.document_id]));
  return counts.map((c) => ({ document: ids.get(c.document) ?? String(c.document), theme: c.theme, n: c.n }));
}

/** Sentence-level theme codes per document, as a document × theme table of counts. */
function themesByDocument(db: Db): Pick<CorpusStats, 'themesByDocument' | 'themeColumns'> {
  const rows = themeCountsByDocument(db);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.theme, (totals.get(r.theme) ?? 0) + r.n);
  const themeColumns = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)!);
  const byDoc = new Map<string, { document: string; [theme: string]: string | number }>();
  for (const r of rows) {
    const row = byDoc.get(r.document) ?? { document: r.document };
    row[r.theme] = r.n;
    byDoc.set(r.document, row);
  }
  for (const row of byDoc.values()) for (const t of themeColumns) row[t] ??= 0;
  return { themesByDocument: [...byDoc.values()], themeColumns };
}
