/**
 * The review app's port to the store: every query the pages need and the one write (append a decision).
 * Statements are prepared once, all SQL is parameterized, and each call is one short read or one short
 * write transaction, so the review server can run beside `telaah run` on the same WAL database (readers
 * never block the writer; a write waits on the busy timeout instead of failing).
 * Annotation `data` is returned as parsed JSON but never trusted: callers read it defensively.
 */
import type { StoredAnnotation } from './stored-annotation.js';
import type { Db } from './open-store.js';
import { searchFts, type SearchResult } from './search.js';

export interface ReviewDocumentRow {
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

export type ReviewAnnotation = StoredAnnotation;

export interface DecisionRow {
  readonly id: number;
  readonly targetKind: string;
  readonly documentSha256: string;
  readonly start: number;
  readonly end: number;
  readonly targetKey: string;
  readonly reviewer: string;
  readonly action: 'accept' | 'reject' | 'recode' | 'memo' | 'manual' | 'undo';
  readonly previousStatus: string | null;
  readonly newStatus: string | null;
  readonly newKey: string | null;
  readonly memo: string | null;
  readonly undoes: number | null;
  readonly blind: boolean;
  readonly adjudication: boolean;
  readonly surface: string | null;
  readonly documentFile: string | null;
  readonly createdAt: string;
}

export type NewDecision = Omit<DecisionRow, 'id' | 'createdAt'>;

export interface DocumentText {
  readonly text: string;
  readonly notesStart: number;
  readonly pages: { number: number; label: string | null; start: number; end: number }[];
  readonly footnotes: { number: number; page: number; start: number; end: number }[];
  readonly markers: { number: number; page: number; start: number; end: number; linked: boolean }[];
  readonly provisions: { kind: string; label: string; start: number; end: number }[];
  readonly sentences: { id: number; start: number; end: number; page: number; language: string; paragraph: number | null }[];
  readonly paragraphs: { start: number; end: number }[];
}

export interface QueueFilter {
  readonly kind: string;
  /** json path value the queue is for: themeId for theme codes, instrumentId for mentions. */
  readonly keyPath: '$.themeId' | '$.instrumentId';
  readonly key?: string;
  readonly documentId?: string;
  readonly language?: string;
  readonly minScore?: number;
  readonly maxScore?: number;
  readonly level?: string;
  readonly limit: number;
}

export interface QueueRow extends ReviewAnnotation {
  readonly documentId: string;
  readonly sha256: string;
  readonly file: string;
  readonly title: string | null;
  readonly language: string;
  /** The sentence and its paragraph that contain the annotation's start (null when not segmented). */
  readonly sentence: { start: number; end: number } | null;
  readonly context: { start: number; end: number; text: string } | null;
}

export interface SearchFilter {
  readonly query: string;
  readonly documentId?: string;
  readonly language?: string;
  readonly instrumentId?: string;
  readonly themeId?: string;
  readonly limit: number;
  /** Most matches ranked exactly; above it ranking is sampled (default EXACT_RANK_LIMIT in search.ts). */
  readonly exactLimit?: number;
}

export interface ReviewSearchHit {
  readonly segmentId: number;
  readonly documentId: string;
  readonly title: string | null;
  readonly file: string;
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly language: string;
  readonly snippet: string;
}

/** The hits, the total matches and whether ranking was sampled (see SearchResult in search.ts). */
export type ReviewSearchResult = Omit<SearchResult, 'hits'> & { readonly hits: ReviewSearchHit[] };

export interface ReviewStore {
  documents(): ReviewDocumentRow[];
  documentById(documentId: string): ReviewDocumentRow | null;
  documentsBySha(): Map<string, ReviewDocumentRow>;
  annotationCounts(): { document: number; kind: string; count: number }[];
  topInstruments(limit: number): { instrumentId: string; name: string; mentions: number; documents: number; indonesiaStatus: string | null }[];
  themeHeatmap(): { document: number; themeId: string; themeName: string; count: number }[];
  themes(): { themeId: string; themeName: string; count: number }[];
  instrumentsMentioned(): { instrumentId: string; name: string; count: number }[];
  flaggedClaims(limit: number): (ReviewAnnotation & { documentId: string; title: string | null; surface: string })[];
  text(document: number): DocumentText | null;
  annotations(document: number): ReviewAnnotation[];
  queue(filter: QueueFilter): QueueRow[];
  search(filter: SearchFilter): ReviewSearchResult;
  /** Machine annotations matching a decision target exactly (document content hash, span, kind). */
  annotationsAt(sha256: string, kind: string, start: number, end: number): ReviewAnnotation[];
  decisions(filter?: { reviewer?: string; sha256?: string; file?: string }): DecisionRow[];
  decisionsForTarget(sha256: string, targetKind: string, start: number, end: number, targetKey: string): DecisionRow[];
  appendDecisions(decisions: readonly NewDecision[]): DecisionRow[];
  /** What agreement needs: the sentence spans and text length of each document that has decisions. */
  sentencesBySha(sha256: string): { start: number; end: number }[];
  textLength(sha256: string): number | null;
  themeCodesBySha(sha256: string): ReviewAnnotation[];
}

const ANNOTATION_COLUMNS = 'a.id, a.document, a.kind, a.start, a."end" AS "end", a.page, a.source, a.version, a.rule, a.in_footnote AS inFootnote, a.data';
const DECISION_COLUMNS = `id, target_kind AS targetKind, document_sha256 AS documentSha256, start, "end", target_key AS targetKey, reviewer, action,
  previous_status AS previousStatus, new_status AS newStatus, new_key AS newKey, memo, undoes, blind, adjudication, surface,
  document_file AS documentFile, created_at AS createdAt`;
const DOCUMENT_COLUMNS = 'd.id, d.document_id AS documentId, d.file, d.sha256, d.title, d.language, d.pages, d.status, d.error';

function parseData(raw: unknown): Record<string, unknown> {
  try {
    const value = JSON.parse(String(raw)) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type RawAnnotation = Omit<ReviewAnnotation, 'data' | 'inFootnote'> & { data: string; inFootnote: number };
const toAnnotation = <T extends RawAnnotation>(r: T): Omit<T, 'data' | 'inFootnote'> & { data: Record<string, unknown>; inFootnote: boolean } =>
  ({ ...r, inFootnote: r.inFootnote === 1, data: parseData(r.data) });

type RawDecision = Omit<DecisionRow, 'blind' | 'adjudication'> & { blind: number; adjudication: number };
const toDecision = (r: RawDecision): DecisionRow => ({ ...r, blind: r.blind === 1, adjudication: r.adjudication === 1 });

export function createReviewStore(db: Db): ReviewStore {
  const s = {
    documents: db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.status = 'failed', COALESCE(d.title, d.file)`),
    documentById: db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.document_id = ?`),
    documentBySha: db.prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.sha256 = ? AND d.status IN ('ok', 'flagged') LIMIT 1`),
    counts: db.prepare('SELECT document, kind, COUNT(*) AS count FROM annotations GROUP BY document, kind'),
    topInstruments: db.prepare(`SELECT json_extract(a.data, '$.instrumentId') AS instrumentId,
        COALESCE(i.name_en, i.name_id, MAX(json_extract(a.data, '$.instrumentName')), json_extract(a.data, '$.instrumentId')) AS name,
        COUNT(*) AS mentions, COUNT(DISTINCT a.document) AS documents, i.indonesia_status AS indonesiaStatus
      FROM annotations a LEFT JOIN instruments i ON i.id = json_extract(a.data, '$.instrumentId')
      WHERE a.kind = 'instrument-mention' AND json_extract(a.data, '$.instrumentId') IS NOT NULL
      GROUP BY 1 ORDER BY mentions DESC LIMIT ?`),
    heatmap: db.prepare(`SELECT a.document, json_extract(a.data, '$.themeId') AS themeId,
        COALESCE(MAX(json_extract(a.data, '$.themeName')), json_extract(a.data, '$.themeId')) AS themeName, COUNT(*) AS count
      FROM annotations a WHERE a.kind = 'theme-code' AND COALESCE(json_extract(a.data, '$.level'), 'sentence') != 'paragraph'
        AND json_extract(a.data, '$.themeId') IS NOT NULL
      GROUP BY a.document, 2`),
    themes: db.prepare(`SELECT json_extract(data, '$.themeId') AS themeId, COALESCE(MAX(json_extract(data, '$.themeName')), json_extract(data, '$.themeId')) AS themeName,
        COUNT(*) AS count FROM annotations WHERE kind = 'theme-code' AND json_extract(data, '$.themeId') IS NOT NULL GROUP BY 1 ORDER BY 1`),
    instrumentsMentioned: db.prepare(`SELECT json_extract(data, '$.instrumentId') AS instrumentId,
        COALESCE(MAX(json_extract(data, '$.instrumentName')), json_extract(data, '$.instrumentId')) AS name, COUNT(*) AS count
      FROM annotations WHERE kind = 'instrument-mention' AND json_extract(data, '$.instrumentId') IS NOT NULL GROUP BY 1 ORDER BY count DESC`),
    flaggedClaims: db.prepare(`SELECT ${ANNOTATION_COLUMNS}, d.document_id AS documentId, d.title, substr(t.text, a.start + 1, a."end" - a.start) AS surface
      FROM annotations a JOIN documents d ON d.id = a.document JOIN document_texts t ON t.document = a.document
      WHERE a.kind = 'claim' AND (COALESCE(json_extract(a.data, '$.contradiction'), 0) NOT IN (0, '')
        OR json_extract(a.data, '$.state') IN ('contradicted', 'contradiction', 'flagged', 'mismatch'))
      ORDER BY d.document_id, a.start LIMIT ?`),
    text: db.prepare('SELECT text, notes_start AS notesStart FROM document_texts WHERE document = ?'),
    pages: db.prepare('SELECT number, label, start, "end" FROM pages WHERE document = ? ORDER BY number'),
    footnotes: db.prepare('SELECT number, page, start, "end" FROM footnotes WHERE document = ? ORDER BY start'),
    markers: db.prepare('SELECT number, page, start, "end", linked FROM markers WHERE document = ? ORDER BY start'),
    provisions: db.prepare('SELECT kind, label, start, "end" FROM provisions WHERE document = ? ORDER BY start'),
    sentences: db.prepare(`SELECT id, start, "end", page, language, paragraph FROM segments WHERE document = ? AND kind = 'sentence' ORDER BY idx`),
    paragraphs: db.prepare(`SELECT start, "end" FROM segments WHERE document = ? AND kind = 'paragraph' ORDER BY idx`),
    annotations: db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a WHERE a.document = ? ORDER BY a.start, a."end" DESC`),
    annotationsAt: db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a JOIN documents d ON d.id = a.document
      WHERE d.sha256 = ? AND a.kind = ? AND a.start = ? AND a."end" = ?`),
    decisionsAll: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions ORDER BY id`),
    decisionsByReviewer: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE reviewer = ? ORDER BY id`),
    decisionsBySha: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE document_sha256 = ? ORDER BY id`),
    decisionsByFile: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE document_file = ? ORDER BY id`),
    decisionsForTarget: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions
      WHERE document_sha256 = ? AND target_kind = ? AND start = ? AND "end" = ? AND target_key = ? ORDER BY id`),
    decisionById: db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE id = ?`),
    insertDecision: db.prepare(`INSERT INTO decisions (target_kind, document_sha256, start, "end", target_key, reviewer, action,
        previous_status, new_status, new_key, memo, undoes, blind, adjudication, surface, document_file, created_at)
      VALUES (@targetKind, @documentSha256, @start, @end, @targetKey, @reviewer, @action, @previousStatus, @newStatus, @newKey, @memo,
        @undoes, @blind, @adjudication, @surface, @documentFile, @createdAt)`),
    // The documents are found by hash in a subquery first, so SQLite reads the (document, kind) index instead
    // of scanning every sentence or theme code of the corpus and joining each to its document.
    sentencesBySha: db.prepare(`SELECT s.start, s."end" FROM segments s
      WHERE s.document IN (SELECT id FROM documents WHERE sha256 = ?) AND s.kind = 'sentence' ORDER BY s.idx`),
    textLength: db.prepare(`SELECT length(t.text) AS n FROM document_texts t JOIN documents d ON d.id = t.document WHERE d.sha256 = ? LIMIT 1`),
    themeCodesBySha: db.prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations a
      WHERE a.document IN (SELECT id FROM documents WHERE sha256 = ?) AND a.kind = 'theme-code' ORDER BY a.start`),
  };

  // Queue and search filters make a few WHERE shapes; each shape is prepared once and reused.
  const shapes = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let statement = shapes.get(sql);
    if (!statement) shapes.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  const appendTx = db.transaction((rows: readonly NewDecision[]) => {
    const createdAt = new Date().toISOString();
    return rows.map((r) => {
      const id = Number(s.insertDecision.run({ ...r, blind: r.blind ? 1 : 0, adjudication: r.adjudication ? 1 : 0, createdAt }).lastInsertRowid);
      return toDecision(s.decisionById.get(id) as RawDecision);
    });
  });

  return {
    documents: () => s.documents.all() as ReviewDocumentRow[],
    documentById: (documentId) => (s.documentById.get(documentId) as ReviewDocumentRow | undefined) ?? null,
    documentsBySha() {
      const map = new Map<string, ReviewDocumentRow>();
      for (const d of s.documents.all() as ReviewDocumentRow[]) {
        if (d.sha256 && (d.status === 'ok' || d.status === 'flagged')) map.set(d.sha256, d);
      }
      return map;
    },
    annotationCounts: () => s.counts.all() as { document: number; kind: string; count: number }[],
    topInstruments: (limit) => s.topInstruments.all(limit) as ReturnType<ReviewStore['topInstruments']>,
    themeHeatmap: () => s.heatmap.all() as ReturnType<ReviewStore['themeHeatmap']>,
    themes: () => s.themes.all() as ReturnType<ReviewStore['themes']>,
    instrumentsMentioned: () => s.instrumentsMentioned.all() as ReturnType<ReviewStore['instrumentsMentioned']>,
    flaggedClaims: (limit) =>
      (s.flaggedClaims.all(limit) as (RawAnnotation & { documentId: string; title: string | null; surface: string })[]).map(toAnnotation),
    text(document) {
      const row = s.text.get(document) as { text: string; notesStart: number } | undefined;
      if (!row) return null;
      return {
        ...row,
        pages: s.pages.all(document) as DocumentText['pages'],
        footnotes: s.footnotes.all(document) as DocumentText['footnotes'],
        markers: (s.markers.all(document) as (Omit<DocumentText['markers'][number], 'linked'> & { linked: number })[]).map((m) => ({ ...m, linked: m.linked === 1 })),
        provisions: s.provisions.all(document) as DocumentText['provisions'],
        sentences: s.sentences.all(document) as DocumentText['sentences'],
        paragraphs: s.paragraphs.all(document) as DocumentText['paragraphs'],
      };
    },
    annotations: (document) => (s.annotations.all(document) as RawAnnotation[]).map(toAnnotation),
    queue(filter) {
      const where = ['a.kind = @kind', "d.status IN ('ok', 'flagged')"];
      if (filter.key) where.push(`json_extract(a.data, '${filter.keyPath}') = @key`);
      if (filter.documentId) where.push('d.document_id = @documentId');
      if (filter.language) where.push('COALESCE(s.language, d.language) = @language');
      if (filter.minScore !== undefined) where.push("json_extract(a.data, '$.score') >= @minScore");
      if (filter.maxScore !== undefined) where.push("json_extract(a.data, '$.score') <= @maxScore");
      if (filter.level) where.push("COALESCE(json_extract(a.data, '$.level'), 'sentence') = @level");
      // The sentence holding the annotation's start, and the paragraph holding that sentence, give the context.
      const rows = prepared(
          `SELECT ${ANNOTATION_COLUMNS}, d.document_id AS documentId, d.sha256, d.file, d.title, COALESCE(s.language, d.language, 'und') AS language,
            s.start AS sStart, s."end" AS sEnd, p.start AS pStart, p."end" AS pEnd,
            substr(t.text, COALESCE(p.start, s.start, a.start) + 1, COALESCE(p."end", s."end", a."end") - COALESCE(p.start, s.start, a.start)) AS contextText
          FROM annotations a JOIN documents d ON d.id = a.document JOIN document_texts t ON t.document = a.document
          LEFT JOIN segments s ON s.id = (SELECT id FROM segments WHERE document = a.document AND kind = 'sentence' AND start <= a.start AND "end" > a.start LIMIT 1)
          LEFT JOIN segments p ON p.id = (SELECT id FROM segments WHERE document = a.document AND kind = 'paragraph' AND start <= COALESCE(s.start, a.start)
            AND "end" >= COALESCE(s."end", a."end") LIMIT 1)
          WHERE ${where.join(' AND ')}
          ORDER BY d.document_id, a.start, a.id LIMIT @limit`,
        )
        .all({
          kind: filter.kind, key: filter.key ?? null, documentId: filter.documentId ?? null, language: filter.language ?? null,
          minScore: filter.minScore ?? null, maxScore: filter.maxScore ?? null, level: filter.level ?? null, limit: filter.limit,
        }) as (RawAnnotation & Omit<QueueRow, 'data' | 'inFootnote' | 'sentence' | 'context'> &
          { sStart: number | null; sEnd: number | null; pStart: number | null; pEnd: number | null; contextText: string | null })[];
      return rows.map(({ sStart, sEnd, pStart, pEnd, contextText, ...r }) => ({
        ...toAnnotation(r),
        sentence: sStart === null || sEnd === null ? null : { start: sStart, end: sEnd },
        context: contextText === null ? null : { start: pStart ?? sStart ?? r.start, end: pEnd ?? sEnd ?? r.end, text: contextText },
      }));
    },
    search(filter) {
      // Two-stage ranking with sampling above EXACT_RANK_LIMIT matches (search.ts). \u0001 and \u0002 cannot
      // occur in stored text (extraction drops control characters), so the page can escape the snippet first
      // and only then turn them into <mark>.
      const { hits, ...counts } = searchFts(db, filter.query, {
        limit: filter.limit, documentId: filter.documentId, language: filter.language, instrumentId: filter.instrumentId,
        themeId: filter.themeId, exactLimit: filter.exactLimit, mark: ['\u0001', '\u0002'], snippetTokens: 24,
      });
      return {
        ...counts,
        hits: hits.map((h) => ({
          segmentId: h.segmentId, documentId: h.documentId, title: h.title, file: h.file, page: h.page, start: h.start, end: h.end,
          language: h.language, snippet: h.snippet,
        })),
      };
    },
    annotationsAt: (sha256, kind, start, end) => (s.annotationsAt.all(sha256, kind, start, end) as RawAnnotation[]).map(toAnnotation),
    decisions(filter = {}) {
      const rows = filter.reviewer
        ? s.decisionsByReviewer.all(filter.reviewer)
        : filter.sha256
          ? s.decisionsBySha.all(filter.sha256)
          : filter.file
            ? s.decisionsByFile.all(filter.file)
            : s.decisionsAll.all();
      return (rows as RawDecision[]).map(toDecision);
    },
    decisionsForTarget: (sha256, targetKind, start, end, targetKey) =>
      (s.decisionsForTarget.all(sha256, targetKind, start, end, targetKey) as RawDecision[]).map(toDecision),
    appendDecisions: (rows) => appendTx.immediate(rows),
    sentencesBySha: (sha256) => s.sentencesBySha.all(sha256) as { start: number; end: number }[],
    textLength: (sha256) => (s.textLength.get(sha256) as { n: number } | undefined)?.n ?? null,
    themeCodesBySha: (sha256) => (s.themeCodesBySha.all(sha256) as RawAnnotation[]).map(toAnnotation),
  };
}
