/**
 * After a codebook edit, re-coding runs from the store without re-extracting, and a reviewer's decision
 * keeps applying to the code it was made on (decisions are keyed to content hash, span and theme).
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPipeline } from '../src/config.js';
import { runPipeline } from '../src/pipeline.js';
import { repoRoot, tempDir } from './helpers/temp-dir.js';

describe('re-coding after a codebook edit', () => {
  const dir = tempDir('recode-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  const codebook = path.join(dir, 'codebook.yaml');
  const pipelineFile = path.join(dir, 'study.yaml');
  const run = (into = database) => runPipeline({ config: loadPipeline(pipelineFile), inputs: [corpus], database: into, jobs: 1 });
  /** Every theme-code row of a store: its id and everything it says. */
  const themeRows = (file = database) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(`SELECT id, start, "end", page, rule, in_footnote, data, key, level, version FROM annotations
        WHERE kind = 'theme-code' ORDER BY id`).all() as { id: number; key: string; level: string; data: string }[];
    } finally {
      db.close();
    }
  };
  const codes = () => {
    const db = new Database(database, { readonly: true });
    try {
      return db.prepare(`SELECT d.sha256, a.start, a."end" AS "end", json_extract(a.data, '$.themeId') AS theme
        FROM annotations a JOIN documents d ON d.id = a.document
        WHERE a.kind = 'theme-code' AND json_extract(a.data, '$.level') = 'sentence' ORDER BY a.start`).all() as { sha256: string; start: number; end: number; theme: string }[];
    } finally {
      db.close();
    }
  };

  /** The per-document counts the writer keeps, and the same counts taken from the annotations themselves. */
  const countsAndTruth = (file = database) => {
    const db = new Database(file, { readonly: true });
    try {
      const kept = db.prepare(`SELECT document, source, kind, key, level, in_footnote, n FROM annotation_counts
        ORDER BY document, source, kind, key, level, in_footnote`).all();
      const truth = db.prepare(`SELECT document, source, kind, key, level, in_footnote, COUNT(*) AS n FROM annotations
        GROUP BY document, source, kind, key, level, in_footnote ORDER BY document, source, kind, key, level, in_footnote`).all();
      return { kept, truth };
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'a.txt'), [
      'Pekerja migran Indonesia di Malaysia sering tidak menerima upah yang layak menurut UU No. 18 Tahun 2017.',
      'Ombak laut di pesisir selatan Jawa sangat tinggi pada musim hujan.',
    ].join('\n\n') + '\n');
    copyFileSync(path.join(repoRoot, 'pipelines/codebooks/migration-law-v1.yaml'), codebook);
    // The pipeline file sits beside the corpus and the store; only the codebook it names is knowledge.
    writeFileSync(pipelineFile, [
      'version: 1',
      `stages:`,
      `  instruments: { registry: ${path.join(repoRoot, 'pipelines/registry')} }`,
      `  claims: { registry: ${path.join(repoRoot, 'pipelines/registry')} }`,
      '  themes: { codebook: codebook.yaml }',
    ].join('\n') + '\n');
  });

  it('codes, then after an edit re-codes from the store without extracting, keeping decisions', async () => {
    const first = await run();
    expect(first.extracted).toBe(1);
    const afterFirst = countsAndTruth();
    expect(afterFirst.kept).toEqual(afterFirst.truth);
    expect(afterFirst.kept).toContainEqual({ document: 1, source: 'themes', kind: 'theme-code', key: 'migrant-workers', level: 'sentence', in_footnote: 0, n: 1 });
    const before = codes();
    expect(before.map((c) => c.theme)).toEqual(['migrant-workers']);

    // A reviewer accepts the machine's code: the decision names the content hash, the span and the theme.
    const db = new Database(database);
    db.prepare(`INSERT INTO decisions (target_kind, document_sha256, start, "end", target_key, reviewer, action, previous_status, new_status, created_at)
      VALUES ('theme-code', ?, ?, ?, 'migrant-workers', 'ayu', 'accept', 'proposed', 'accepted', '2026-11-21T00:00:00Z')`).run(before[0].sha256, before[0].start, before[0].end);
    db.close();

    const unchanged = await run();
    expect(unchanged.skipped).toBe(1);

    // The researcher adds a theme for coastal hazards; the store is re-coded, nothing is re-extracted.
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace(/\n  - id: non-refoulement\n/,
      '\n  - id: coastal-hazards\n    name: { en: Coastal hazards, id: Bahaya pesisir }\n    description: Waves and floods.\n    rules:\n      - id: wave-terms\n        terms: { en: [high waves], id: [ombak] }\n\n  - id: non-refoulement\n'));
    const instrumentRows = () => {
      const db = new Database(database, { readonly: true });
      try {
        return db.prepare(`SELECT id, key FROM annotations WHERE kind = 'instrument-mention' ORDER BY id`).all();
      } finally {
        db.close();
      }
    };
    const instrumentsBefore = instrumentRows();
    const themesBefore = themeRows();
    expect(themesBefore.map((r) => [r.key, r.level])).toEqual([['migrant-workers', 'sentence'], ['migrant-workers', 'paragraph']]);
    expect(instrumentsBefore).toEqual([{ id: expect.any(Number), key: 'id-uu-18-2017' }]);
    const recoded = await run();
    expect(recoded.extracted).toBe(0);
    expect(recoded.reannotated).toBe(1);
    const after = codes();
    expect(after.map((c) => c.theme)).toEqual(['migrant-workers', 'coastal-hazards']);
    // Only the themes annotator re-ran: the instrument mentions are the same rows as before.
    expect(instrumentRows()).toEqual(instrumentsBefore);
    // The codes the edit left alone are the same rows (same ids); only the new theme's codes were written.
    const themesAfter = themeRows();
    expect(themesAfter.map((r) => [r.key, r.level])).toEqual([
      ['migrant-workers', 'sentence'], ['migrant-workers', 'paragraph'], ['coastal-hazards', 'sentence'], ['coastal-hazards', 'paragraph'],
    ]);
    expect(themesAfter.slice(0, 2)).toEqual(themesBefore);
    expect(Math.min(...themesAfter.slice(2).map((r) => r.id))).toBeGreaterThan(Math.max(...themesBefore.map((r) => r.id)));
    // The counts the corpus tables read follow the re-code: the new theme counted, the others untouched.
    const afterRecode = countsAndTruth();
    expect(afterRecode.kept).toEqual(afterRecode.truth);
    expect(afterRecode.kept).toContainEqual({ document: 1, source: 'themes', kind: 'theme-code', key: 'coastal-hazards', level: 'sentence', in_footnote: 0, n: 1 });
    // And the store holds exactly what coding from scratch with the edited codebook gives.
    const fresh = path.join(dir, 'fresh.sqlite');
    await run(fresh);
    const withoutIds = (rows: { id: number }[]) => rows.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort();
    expect(withoutIds(themesAfter)).toEqual(withoutIds(themeRows(fresh)));
    // Each annotator's output digest is the one a run from scratch stores.
    const digests = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return JSON.parse((db.prepare('SELECT output_digests AS d FROM documents').get() as { d: string }).d) as Record<string, string>;
      } finally {
        db.close();
      }
    };
    expect(Object.keys(digests(database)).sort()).toEqual(['citations', 'claims', 'instruments', 'themes']);
    expect(digests(database)).toEqual(digests(fresh));

    // An edit that changes no code of this document (a term it does not contain) re-codes it without
    // rewriting anything: the same rows, ids and counts.
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('terms: { en: [high waves], id: [ombak] }', 'terms: { en: [high waves, tsunami], id: [ombak] }'));
    const unchangedOutput = await run();
    expect(unchangedOutput.reannotated).toBe(1);
    expect(themeRows()).toEqual(themesAfter);
    expect(countsAndTruth().kept).toEqual(afterRecode.kept);

    // The accepted code is still there, at the same stable key, so the decision still applies.
    const check = new Database(database, { readonly: true });
    const decided = check.prepare(`SELECT COUNT(*) AS n FROM decisions dc JOIN documents d ON d.sha256 = dc.document_sha256
      JOIN annotations a ON a.document = d.id AND a.kind = dc.target_kind AND a.start = dc.start AND a."end" = dc."end"
        AND json_extract(a.data, '$.themeId') = dc.target_key AND json_extract(a.data, '$.level') = 'sentence'`).get() as { n: number };
    check.close();
    expect(decided.n).toBe(1);
  }, 120_000);
});
