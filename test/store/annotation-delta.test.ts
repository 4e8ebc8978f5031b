/**
 * A re-run annotator's output is diffed against its stored rows: rows produced again stay (same ids),
 * the rest are deleted, the new ones inserted. The identity SQLite builds from a stored row must equal
 * the one built from a fresh annotation, or every re-code would silently rewrite every row.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/document.js';
import { annotationDelta } from '../../src/store/annotation-delta.js';
import { ANNOTATION_IDENTITY_SQL, annotationIdentity, encodeAnnotation } from '../../src/store/encoded-annotation.js';

const code = (start: number, end: number, themeId: string, extra: Record<string, unknown> = {}): Annotation => ({
  kind: 'theme-code', start, end, page: 2, source: 'themes', version: '1.0.0', rule: `${themeId}/terms`, inFootnote: start > 100,
  data: { themeId, themeName: 'Hak “pekerja” migran — 𝒜', level: 'sentence', score: 1, evidence: [{ rule: 'terms', terms: ['pekerja'], spans: [{ start, end }] }], ...extra },
});

describe('annotationDelta', () => {
  it('keeps rows produced again, deletes the ones gone and inserts the new ones, counting duplicates', () => {
    const [a, b, c] = [code(0, 10, 'migrant-workers'), code(20, 30, 'refugee-protection'), code(120, 130, 'trafficking-smuggling')].map(encodeAnnotation);
    const stored = [{ id: 7, identity: annotationIdentity(a) }, { id: 8, identity: annotationIdentity(b) }, { id: 9, identity: annotationIdentity(b) }];
    const delta = annotationDelta(stored, [b, c]);
    expect(delta.remove).toEqual([7, 9]);
    expect(delta.insert).toEqual([c]);
  });

  it('treats a changed score, span or footnote flag as a different annotation', () => {
    const before = encodeAnnotation(code(0, 10, 'migrant-workers'));
    const changed = [code(0, 10, 'migrant-workers', { score: 2 }), code(0, 11, 'migrant-workers'), { ...code(0, 10, 'migrant-workers'), inFootnote: true }].map(encodeAnnotation);
    for (const fresh of changed) expect(annotationDelta([{ id: 1, identity: annotationIdentity(before) }], [fresh])).toEqual({ remove: [1], insert: [fresh] });
  });

  it('builds in SQL the identity it builds in JavaScript', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE annotations (id INTEGER PRIMARY KEY, kind TEXT, start INTEGER, "end" INTEGER, page INTEGER, source TEXT,
      version TEXT, rule TEXT, in_footnote INTEGER, data TEXT)`);
    const annotations = [code(0, 10, 'migrant-workers'), code(150, 12_345_678, 'non-refoulement')].map(encodeAnnotation);
    const insert = db.prepare(`INSERT INTO annotations (kind, start, "end", page, source, version, rule, in_footnote, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const a of annotations) insert.run(a.kind, a.start, a.end, a.page, a.source, a.version, a.rule, a.inFootnote, a.data);
    const identities = (db.prepare(`SELECT ${ANNOTATION_IDENTITY_SQL} AS identity FROM annotations ORDER BY id`).all() as { identity: string }[]).map((r) => r.identity);
    expect(identities).toEqual(annotations.map(annotationIdentity));
    db.close();
  });
});
