/**
 * The CSV tables Telaah exports: name, columns (a contract; see docs/exports.md) and the query that
 * streams its rows. Each capability adds its tables here.
 */
import type { Db } from '../store/open-store.js';

export interface CsvTable {
  readonly name: string;
  readonly columns: readonly string[];
  rows(db: Db, options: { status?: string }): Iterable<Record<string, unknown>>;
}

export const csvTables: readonly CsvTable[] = [
  {
    name: 'documents',
    columns: ['document_id', 'file', 'sha256', 'title', 'language', 'pages', 'status', 'error'],
    rows: (db) =>
      db.prepare('SELECT document_id, file, sha256, title, language, pages, status, error FROM documents ORDER BY file').iterate() as Iterable<Record<string, unknown>>,
  },
  {
    name: 'pages',
    columns: ['document_id', 'page', 'label', 'text'],
    rows: (db) =>
      slicedRows(db, 'SELECT document, number AS page, label, start, "end" FROM pages ORDER BY document, number'),
  },
  {
    name: 'footnotes',
    columns: ['document_id', 'number', 'page', 'text'],
    rows: (db) =>
      slicedRows(db, 'SELECT document, number, page, start, "end" FROM footnotes ORDER BY document, start'),
  },
  {
    name: 'messages',
    columns: ['document_id', 'file', 'stage', 'source', 'rule', 'severity', 'reason', 'page', 'start', 'end'],
    rows: (db) =>
      db.prepare(`SELECT d.document_id, m.file, m.stage, m.source, m.rule, m.severity, m.reason, m.page, m.start, m."end" AS "end"
        FROM messages m LEFT JOIN documents d ON d.id = m.document ORDER BY m.file, m.id`).iterate() as Iterable<Record<string, unknown>>,
  },
];

/**
 * Rows of a per-document span table with the span's text. Offsets are UTF-16 units, so the text is
 * sliced in JavaScript (SQLite's substr counts code points and would drift after an astral character).
 * The query must return `document`, `start`, `end`, ordered by document.
 */
function* slicedRows(db: Db, sql: string): Iterable<Record<string, unknown>> {
  const textOf = db.prepare('SELECT d.document_id, t.text FROM documents d JOIN document_texts t ON t.document = d.id WHERE d.id = ?');
  let current = null as { id: number; documentId: string; text: string } | null;
  for (const row of db.prepare(sql).iterate() as Iterable<Record<string, unknown> & { document: number; start: number; end: number }>) {
    if (current?.id !== row.document) {
      const t = textOf.get(row.document) as { document_id: string; text: string } | undefined;
      current = { id: row.document, documentId: t?.document_id ?? '', text: t?.text ?? '' };
    }
    const { document: _document, start, end, ...rest } = row;
    yield { document_id: current.documentId, ...rest, start, end, text: current.text.slice(start, end) };
  }
}
