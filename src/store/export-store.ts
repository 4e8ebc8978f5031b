/**
 * The exports' port to the store: every read the CSV tables, the REFI-QDA project, the bibliographies
 * and the report need, as prepared statements streamed in a stable order (document, then position).
 * Annotation `data` is parsed JSON read defensively by callers. A document's text is cached for the
 * document last asked for, because every stream here is ordered by document and texts can be large.
 * Read-only: nothing here writes.
 */
import type { StoredAnnotation } from './stored-annotation.js';
import type { Db } from './open-store.js';

export interface ExportDocument {
  readonly id: number;
  readonly documentId: string;
  readonly file: string;
  readonly sha256: string | null;
  readonly title: string | null;
  readonly language: string | null;
  readonly pages: number;
  readonly status: string;
  readonly error: string | null;
}

export type ExportAnnotation = StoredAnnotation;

export interface ExportSpan {
  readonly document: number;
  readonly number: number;
  readonly label?: string | null;
  readonly page?: number;
  readonly start: number;
  readonly end: number;
}

export interface ExportSentence {
  readonly id: number;
  readonly kind: 'sentence' | 'paragraph';
  readonly idx: number;
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly paragraph: number | null;
}

export interface ExportInstrument {
  readonly id: string;
  readonly nameEn: string | null;
  readonly nameId: string | null;
  readonly kind: string;
  readonly year: number | null;
  readonly indonesiaStatus: string | null;
  readonly ratifiedBy: string | null;
}

export interface ExportWork {
  readonly workId: string;
  readonly authors: readonly string[];
  readonly year: string | null;
  readonly title: string | null;
  readonly container: string | null;
  readonly doi: string | null;
  readonly citedByDocuments: number;
  readonly citations: number;
}

export interface ExportMessage {
  readonly documentId: string | null;
  readonly file: string;
  readonly stage: string;
  readonly source: string;
  readonly rule: string;
  readonly severity: string;
  readonly reason: string;
  readonly page: number | null;
  readonly start: number | null;
  readonly end: number | null;
}

export interface ExportRun {
  readonly id: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly telaahVersion: string;
  readonly pipelineVersion: string;
  readonly config: Record<string, unknown>;
  readonly annotators: readonly { id: string; version: string }[];
}

export interface ExportStore {
  documents(): ExportDocument[];
  text(document: number): string;
  pages(): Iterable<ExportSpan>;
  footnotes(): Iterable<ExportSpan>;
  messages(): Iterable<ExportMessage>;
  /** Annotations of one kind, ordered by document, start, end. */
  annotations(kind: string): Iterable<ExportAnnotation>;
  /**
   * One document's theme codes in the order they were stored (id), with `data` left as stored JSON text:
   * the codes are the bulk of a store (100+ per document), so the caller parses only what it keeps.
   */
  themeCodes(document: number): RawThemeCode[];
  segments(document: number): ExportSentence[];
  /** One document's sentences as [start, end, segment id, paragraph] tuples, in reading order (idx). */
  sentenceSpans(document: number): [number, number, number, number | null][];
  /** document row id → number of sentences. */
  sentenceCounts(): Map<number, number>;
  instruments(): ExportInstrument[];
  works(): ExportWork[];
  /** annotation id → work id, from the corpus grouping (empty until works are built). */
  workOfReference(): Map<number, string>;
  latestRun(): ExportRun | null;
}

function parseJson<T>(raw: unknown, fallback: T): T {
  try {
    const value = JSON.parse(String(raw)) as unknown;
    return value === null || value === undefined ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

type RawAnnotation = Omit<ExportAnnotation, 'data' | 'inFootnote'> & { data: string; inFootnote: number };

export interface RawThemeCode {
  readonly start: number;
  readonly end: number;
  readonly page: number;
  /** 1 inside a footnote, else 0. */
  readonly inFootnote: number;
  readonly data: string;
}

export function createExportStore(db: Db): ExportStore {
  const s = {
    documents: db.prepare('SELECT id, document_id AS documentId, file, sha256, title, language, pages, status, error FROM documents ORDER BY file'),
    text: db.prepare('SELECT text FROM document_texts WHERE document = ?').pluck(),
    pages: db.prepare('SELECT document, number, label, start, "end" FROM pages ORDER BY document, number'),
    footnotes: db.prepare('SELECT document, number, page, start, "end" FROM footnotes ORDER BY document, start'),
    messages: db.prepare(`SELECT d.document_id AS documentId, m.file, m.stage, m.source, m.rule, m.severity, m.reason, m.page, m.start, m."end" AS "end"
      FROM messages m LEFT JOIN documents d ON d.id = m.document ORDER BY m.file, m.id`),
    annotations: db.prepare(`SELECT id, document, kind, start, "end", page, source, version, rule, in_footnote AS inFootnote, data
      FROM annotations WHERE kind = ? ORDER BY document, start, "end", id`),
    // Ordered by id, which the (document, kind) index gives without a sort; callers sort by position.
    themeCodes: db.prepare(`SELECT start, "end", page, in_footnote AS inFootnote, data FROM annotations
      WHERE document = ? AND kind = 'theme-code' ORDER BY id`),
    sentenceSpans: db.prepare(`SELECT start, "end", id, paragraph FROM segments WHERE document = ? AND kind = 'sentence' ORDER BY idx`).raw(),
    segments: db.prepare('SELECT id, kind, idx, start, "end", page, paragraph FROM segments WHERE document = ? ORDER BY kind, idx'),
    sentenceCounts: db.prepare(`SELECT document, COUNT(*) AS n FROM segments WHERE kind = 'sentence' GROUP BY document`),
    instruments: db.prepare(`SELECT id, name_en AS nameEn, name_id AS nameId, kind, year, indonesia_status AS indonesiaStatus, ratified_by AS ratifiedBy
      FROM instruments ORDER BY id`),
    works: db.prepare(`SELECT work_id AS workId, authors, year, title, container, doi, cited_by_documents AS citedByDocuments, citations
      FROM works ORDER BY citations DESC, work_id`),
    workReferences: db.prepare('SELECT annotation, work_id AS workId FROM work_references'),
    latestRun: db.prepare(`SELECT id, started_at AS startedAt, finished_at AS finishedAt, telaah_version AS telaahVersion,
      pipeline_version AS pipelineVersion, config_json AS config, annotators_json AS annotators FROM runs ORDER BY id DESC LIMIT 1`),
  };
  const hasWorks = hasTable(db, 'works');
  const cache = { document: -1, text: '' };
  return {
    documents: () => s.documents.all() as ExportDocument[],
    text(document) {
      if (cache.document !== document) {
        cache.document = document;
        cache.text = (s.text.get(document) as string | undefined) ?? '';
      }
      return cache.text;
    },
    pages: () => s.pages.iterate() as Iterable<ExportSpan>,
    footnotes: () => s.footnotes.iterate() as Iterable<ExportSpan>,
    messages: () => s.messages.iterate() as Iterable<ExportMessage>,
    *annotations(kind) {
      for (const r of s.annotations.iterate(kind) as Iterable<RawAnnotation>) {
        const data = parseJson<unknown>(r.data, {});
        // The row object is fresh from SQLite and ours: fill it in rather than copy it (one object per row, not two).
        const out = r as unknown as { inFootnote: boolean; data: Record<string, unknown> };
        out.inFootnote = r.inFootnote === 1;
        out.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
        yield out as unknown as ExportAnnotation;
      }
    },
    themeCodes: (document) => s.themeCodes.all(document) as RawThemeCode[],
    segments: (document) => s.segments.all(document) as ExportSentence[],
    sentenceSpans: (document) => s.sentenceSpans.all(document) as [number, number, number, number | null][],
    sentenceCounts: () => new Map((s.sentenceCounts.all() as { document: number; n: number }[]).map((r) => [r.document, r.n])),
    instruments: () => s.instruments.all() as ExportInstrument[],
    works: () =>
      hasWorks
        ? (s.works.all() as (Omit<ExportWork, 'authors'> & { authors: string })[]).map((w) => ({ ...w, authors: parseJson<string[]>(w.authors, []) }))
        : [],
    workOfReference: () =>
      hasWorks ? new Map((s.workReferences.all() as { annotation: number; workId: string }[]).map((r) => [r.annotation, r.workId])) : new Map(),
    latestRun() {
      const r = s.latestRun.get() as (Omit<ExportRun, 'config' | 'annotators'> & { config: string; annotators: string }) | undefined;
      if (!r) return null;
      return { ...r, config: parseJson<Record<string, unknown>>(r.config, {}), annotators: parseJson<{ id: string; version: string }[]>(r.annotators, []) };
    },
  };
}
