/**
 * Builds review stores for the tests by inserting rows directly (the stage annotators are not needed for
 * exact expectations): documents with text, pages, sentences (indexed for search), paragraphs, footnotes,
 * markers, provisions and annotations. Spans are found by the text they cover, so cases read plainly.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/store/open-store.js';

export interface FixtureAnnotation {
  readonly kind: string;
  readonly surface: string;
  /** Which occurrence of the surface (0 = first). */
  readonly nth?: number;
  readonly rule?: string;
  readonly data: Record<string, unknown>;
}

export interface FixtureDocument {
  readonly file: string;
  readonly title: string;
  readonly language?: string;
  /** Body text; sentences are the stretches ending in ". " or at a blank line. */
  readonly body: string;
  readonly notes?: readonly { number: number; text: string; markerAfter: string }[];
  readonly provisions?: readonly { label: string; at: string }[];
  readonly annotations?: readonly FixtureAnnotation[];
  readonly status?: 'ok' | 'failed';
  readonly error?: string;
}

export function spanOf(text: string, surface: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`"${surface}" (#${nth}) not in the text`);
  }
  return { start: at, end: at + surface.length };
}

export function sentenceSpans(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const end = i === to || text[i] === '\n' || (text[i] === '.' && (i + 1 === to || /\s/.test(text[i + 1]))) ? (text[i] === '.' ? i + 1 : i) : -1;
    if (end < 0) continue;
    const s = text.slice(start, end);
    const lead = s.length - s.trimStart().length;
    if (s.trim()) out.push({ start: start + lead, end: start + lead + s.trim().length });
    start = end;
  }
  return out;
}

export function insertDocument(db: Db, doc: FixtureDocument): { id: number; documentId: string; sha256: string; text: string } {
  const notes = doc.notes ?? [];
  const notesText = notes.map((n) => `${n.number} ${n.text}`).join('\n');
  const text = notes.length ? `${doc.body}\n\n${notesText}` : doc.body;
  const notesStart = notes.length ? doc.body.length + 2 : text.length;
  const sha256 = createHash('sha256').update(`${doc.file}\n${text}`).digest('hex');
  const documentId = sha256.slice(0, 16);
  const status = doc.status ?? 'ok';
  const id = Number(db.prepare(`INSERT INTO documents (document_id, file, sha256, bytes, mtime_ms, format, title, language, pages, status, error, updated_at)
    VALUES (?, ?, ?, ?, 0, 'txt', ?, ?, 1, ?, ?, '2026-01-01')`).run(documentId, doc.file, sha256, text.length, doc.title, doc.language ?? 'en', status, doc.error ?? null).lastInsertRowid);
  if (status === 'failed') return { id, documentId, sha256, text };
  db.prepare('INSERT INTO document_texts (document, text, notes_start, source_map, layout_paragraphs) VALUES (?, ?, ?, ?, ?)').run(id, text, notesStart, '[]', '[]');
  db.prepare('INSERT INTO pages (document, number, label, start, "end") VALUES (?, 1, NULL, 0, ?)').run(id, text.length);
  const insertSegment = db.prepare(`INSERT INTO segments (document, kind, idx, start, "end", page, language, in_footnote, paragraph) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`);
  const insertFts = db.prepare('INSERT INTO segments_fts (rowid, text) VALUES (?, ?)');
  const paragraphs: { start: number; end: number }[] = [];
  let from = 0;
  for (const block of doc.body.split('\n\n')) {
    paragraphs.push({ start: from, end: from + block.length });
    from += block.length + 2;
  }
  paragraphs.forEach((p, i) => insertSegment.run(id, 'paragraph', i, p.start, p.end, doc.language ?? 'en', 0, null));
  let idx = 0;
  paragraphs.forEach((p, pi) => {
    for (const s of sentenceSpans(text, p.start, p.end)) {
      const sid = insertSegment.run(id, 'sentence', idx++, s.start, s.end, doc.language ?? 'en', 0, pi).lastInsertRowid;
      insertFts.run(sid, text.slice(s.start, s.end));
    }
  });
  let at = notesStart;
  for (const n of notes) {
    const marker = spanOf(doc.body, n.markerAfter).end;
    db.prepare('INSERT INTO footnotes (document, number, page, start, "end") VALUES (?, ?, 1, ?, ?)').run(id, n.number, at, at + `${n.number} ${n.text}`.length);
    db.prepare('INSERT INTO markers (document, number, page, start, "end", source_start, source_end, linked) VALUES (?, ?, 1, ?, ?, 0, 0, 1)').run(id, n.number, marker, marker);
    at += `${n.number} ${n.text}`.length + 1;
  }
  for (const p of doc.provisions ?? []) {
    const s = spanOf(text, p.at);
    db.prepare('INSERT INTO provisions (document, kind, label, start, "end") VALUES (?, ?, ?, ?, ?)').run(id, 'pasal', p.label, s.start, s.end);
  }
  for (const a of doc.annotations ?? []) insertAnnotation(db, id, text, a);
  return { id, documentId, sha256, text };
}

export function insertAnnotation(db: Db, document: number, text: string, a: FixtureAnnotation): { start: number; end: number } {
  const s = spanOf(text, a.surface, a.nth);
  db.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data) VALUES (?, ?, ?, ?, 1, 'fixture', '1', ?, 0, ?)`)
    .run(document, a.kind, s.start, s.end, a.rule ?? 'fixture-rule', JSON.stringify(a.data));
  return s;
}

export const theme = (surface: string, themeId: string, extra: Record<string, unknown> = {}): FixtureAnnotation => ({
  kind: 'theme-code', surface, rule: `${themeId}/rule`,
  data: { themeId, themeName: themeId.replace(/-/g, ' '), level: 'sentence', score: 2, codebookVersion: 'test', evidence: [{ rule: `${themeId}/rule`, terms: ['term'], spans: [] }], ...extra },
});
