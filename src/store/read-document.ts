/**
 * Reads a stored document back into the document model (text, pages, footnotes, markers, provisions,
 * segments, source map) so annotators can run again without re-extracting.
 */
import type { Language, Segment, SourceFormat, TelaahDocument } from '../document.js';
import type { StoredAnnotationRow } from './annotation-delta.js';
import { ANNOTATION_IDENTITY_SQL } from './encoded-annotation.js';
import type { Db } from './open-store.js';
import { prepared } from './prepared.js';

type StoredDocument = Omit<TelaahDocument, 'annotations'>;

export function readDocument(db: Db, file: string): StoredDocument | null {
  const doc = prepared(db, `SELECT d.id, d.document_id, d.file, d.sha256, d.format, d.title, d.language, d.pages,
      t.text, t.notes_start, t.source_map, t.layout_paragraphs
      FROM documents d JOIN document_texts t ON t.document = d.id WHERE d.file = ?`)
    .get(file) as
    | { id: number; document_id: string; file: string; sha256: string; format: SourceFormat; title: string | null; language: Language;
        pages: number; text: string; notes_start: number; source_map: string; layout_paragraphs: string }
    | undefined;
  if (!doc) return null;
  const pages = (prepared(db, 'SELECT number, label, start, "end", header, footer FROM pages WHERE document = ? ORDER BY number').all(doc.id) as
    { number: number; label: string | null; start: number; end: number; header: string; footer: string }[]).map((p) => ({
    ...p, header: JSON.parse(p.header) as string[], footer: JSON.parse(p.footer) as string[],
  }));
  const footnotes = prepared(db, 'SELECT number, page, start, "end" FROM footnotes WHERE document = ? ORDER BY start').all(doc.id) as
    TelaahDocument['footnotes'][number][];
  const markers = (prepared(db, 'SELECT number, page, start, "end", source_start, source_end, linked FROM markers WHERE document = ? ORDER BY start').all(doc.id) as
    { number: number; page: number; start: number; end: number; source_start: number; source_end: number; linked: number }[]).map((m) => ({
    number: m.number, page: m.page, start: m.start, end: m.end, sourceStart: m.source_start, sourceEnd: m.source_end, linked: m.linked === 1,
  }));
  const provisions = prepared(db, 'SELECT kind, label, start, "end" FROM provisions WHERE document = ? ORDER BY start').all(doc.id) as
    TelaahDocument['provisions'][number][];
  // Raw rows, each turned into its Segment once: a document has thousands of sentences.
  const segmentRows = prepared(db, `SELECT kind, start, "end", page, language, in_footnote, paragraph FROM segments
    WHERE document = ? ORDER BY kind, idx`).raw().all(doc.id) as ['paragraph' | 'sentence', number, number, number, Language, number, number | null][];
  const paragraphs: Segment[] = [];
  const sentences: Segment[] = [];
  for (const [kind, start, end, page, language, inFootnote, paragraph] of segmentRows) {
    if (kind === 'paragraph') paragraphs.push({ kind, start, end, page, language, inFootnote: inFootnote === 1 });
    else sentences.push({ kind, start, end, page, language, inFootnote: inFootnote === 1, ...(paragraph === null ? {} : { paragraph }) });
  }
  return {
    id: doc.document_id,
    file: doc.file,
    sha256: doc.sha256,
    format: doc.format,
    title: doc.title,
    language: doc.language,
    pageCount: doc.pages,
    text: doc.text,
    notesStart: doc.notes_start,
    pages,
    footnotes,
    markers,
    provisions,
    sourceMap: JSON.parse(doc.source_map),
    paragraphs: (JSON.parse(doc.layout_paragraphs) as [number, number][]).map(([start, end]) => ({ start, end })),
    segments: { paragraphs, sentences },
  };
}

/** The stored annotations of a document made by the given annotators (as input to those re-run after them). */
export function readAnnotations(db: Db, file: string, sources: readonly string[]): TelaahDocument['annotations'][number][] {
  if (!sources.length) return [];
  const rows = prepared(db, `SELECT a.kind, a.start, a."end" AS "end", a.page, a.source, a.version, a.rule, a.in_footnote, a.data
    FROM annotations a WHERE a.document = (SELECT id FROM documents WHERE file = ?) AND a.source IN (${sources.map(() => '?').join(', ')})
    ORDER BY a.id`).all(file, ...sources) as { kind: string; start: number; end: number; page: number; source: string; version: string; rule: string; in_footnote: number; data: string }[];
  return rows.map((r) => ({ kind: r.kind, start: r.start, end: r.end, page: r.page, source: r.source, version: r.version, rule: r.rule, inFootnote: r.in_footnote === 1, data: JSON.parse(r.data) }));
}

/** The stored rows of a document's annotations by the given annotators: id, annotator and content identity. */
export function readAnnotationRows(db: Db, file: string, sources: readonly string[]): (StoredAnnotationRow & { readonly source: string })[] {
  const doc = prepared(db, 'SELECT id FROM documents WHERE file = ?').get(file) as { id: number } | undefined;
  if (!doc || !sources.length) return [];
  return prepared(db, `SELECT id, source, ${ANNOTATION_IDENTITY_SQL} AS identity FROM annotations
    WHERE document = ? AND source IN (${sources.map(() => '?').join(', ')})`).all(doc.id, ...sources) as (StoredAnnotationRow & { source: string })[];
}

/** The stored output digest of each annotator for a document (empty when none was stored). */
export function readOutputDigests(db: Db, file: string): Record<string, string> {
  const row = prepared(db, 'SELECT output_digests FROM documents WHERE file = ?').get(file) as { output_digests: string | null } | undefined;
  return row?.output_digests ? (JSON.parse(row.output_digests) as Record<string, string>) : {};
}
