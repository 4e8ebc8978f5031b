/**
 * Corpus-level work after the documents of a run are written: the instruments table (the registry's
 * entries plus statutes found only by citation), the works cited across the corpus with their
 * citation graph (work_references), and FTS index maintenance. Skipped when the run changed nothing,
 * so a no-change re-run stays cheap; the FTS merge is skipped too when no document's text was written
 * (a re-code only replaces annotations, and merging the index of a large store costs seconds).
 */
import type { Db } from './open-store.js';
import { groupWorks, type ReferenceRecord } from '../link/group-works.js';

export interface InstrumentRecord {
  readonly id: string;
  readonly name_en: string | null;
  readonly name_id: string | null;
  readonly kind: string;
  readonly year: number | null;
  readonly indonesia_status: string | null;
  readonly ratified_by: string | null;
  readonly source: string | null;
}

export interface AfterRunInput {
  /** Whether any document was written in this run. */
  readonly changed: boolean;
  /** Whether any document's text and segments were written (not only its annotations); default: changed. */
  readonly textsChanged?: boolean;
  /**
   * The annotators whose output was rewritten, or 'all' (default). A re-code that re-ran only the themes
   * annotator leaves the instruments table and the works grouping as they are.
   */
  readonly annotatorsChanged?: ReadonlySet<string> | 'all';
  /** The registry's instruments, as the store's rows. */
  readonly registry: readonly InstrumentRecord[];
  /** Turns a statute mention's data into an instrument row (for statutes not in the registry). */
  readonly statuteRow?: (id: string, statute: never) => InstrumentRecord;
}

export function afterRun(db: Db, input: AfterRunInput): void {
  if (!input.changed) return;
  const rewrote = (id: string) => (input.annotatorsChanged ?? 'all') === 'all' || (input.annotatorsChanged as ReadonlySet<string>).has(id);
  // Missing documents change nothing here: their rows are kept.
  if (rewrote('instruments') || rewrote('claims')) db.transaction(() => fillInstruments(db, input)).immediate();
  if (rewrote('citations')) db.transaction(() => fillWorks(db)).immediate();
  // Merge the FTS index segments written during the run so searches stay fast.
  if (input.textsChanged ?? true) db.exec("INSERT INTO segments_fts(segments_fts) VALUES ('optimize')");
  db.pragma('wal_checkpoint(PASSIVE)');
}

function fillInstruments(db: Db, input: AfterRunInput): void {
  db.exec('DELETE FROM instruments');
  const insert = db.prepare(`INSERT OR REPLACE INTO instruments (id, name_en, name_id, kind, year, indonesia_status, ratified_by, source, from_registry)
    VALUES (@id, @name_en, @name_id, @kind, @year, @indonesia_status, @ratified_by, @source, @from_registry)`);
  for (const row of input.registry) insert.run({ ...row, from_registry: 1 });
  if (!input.statuteRow) return;
  const known = new Set(input.registry.map((r) => r.id));
  const statutes = db.prepare(`SELECT json_extract(data, '$.instrumentId') AS id, json_extract(data, '$.statute') AS statute
    FROM annotations WHERE kind = 'instrument-mention' AND json_extract(data, '$.statute') IS NOT NULL GROUP BY 1`).all() as { id: string; statute: string }[];
  for (const s of statutes) {
    if (known.has(s.id)) continue;
    insert.run({ ...input.statuteRow(s.id, JSON.parse(s.statute) as never), from_registry: 0 });
  }
}

function fillWorks(db: Db): void {
  // Rows are read one at a time and kept only as the fields grouping needs: the corpus's reference JSON
  // would otherwise sit in memory twice over (hundreds of MB at ten thousand documents).
  const rows = db.prepare(`SELECT id, document, data FROM annotations WHERE kind = 'reference'`).iterate() as IterableIterator<{ id: number; document: number; data: string }>;
  const references: ReferenceRecord[] = [];
  for (const r of rows) {
    const d = JSON.parse(r.data) as {
      authors?: string[]; year?: string | number | null; title?: string | null; doi?: string | null; container?: string | null;
      noteNumber?: number | null; refIndex?: number; backReference?: { refersTo: number; refIndex?: number } | null;
    };
    references.push({
      annotation: r.id, document: r.document, authors: d.authors ?? [], year: d.year == null ? null : String(d.year),
      title: d.title ?? null, doi: d.doi ?? null, container: d.container ?? null, noteNumber: d.noteNumber ?? null, refIndex: d.refIndex ?? 0,
      backTo: d.backReference ? { noteNumber: d.backReference.refersTo, refIndex: d.backReference.refIndex ?? 0 } : null,
    });
  }
  db.exec('DELETE FROM work_references; DELETE FROM works;');
  const insertWork = db.prepare(`INSERT INTO works (work_id, authors, year, title, container, doi, cited_by_documents, citations)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLink = db.prepare('INSERT OR IGNORE INTO work_references (annotation, work_id) VALUES (?, ?)');
  const documentOf = new Map(references.map((r) => [r.annotation, r.document]));
  for (const work of groupWorks(references)) {
    const documents = new Set(work.members.map((m) => documentOf.get(m))).size;
    insertWork.run(work.workId, JSON.stringify(work.authors), work.year, work.title, work.container, work.doi, documents, work.members.length);
    for (const m of work.members) insertLink.run(m, work.workId);
  }
}
