import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/export-csv.js';
import { csvTables } from '../../src/export/csv-tables.js';
import { tempDir } from '../helpers/temp-dir.js';
import { buildFixture, sentenceCodes, type Fixture } from './export-fixture.js';

type Row = Record<string, string>;

describe('telaah export --format csv', () => {
  const dir = tempDir('export-csv-');
  const out = path.join(dir, 'csv');
  let fixture: Fixture;
  const read = (name: string, folder = out): Row[] => parse(readFileSync(path.join(folder, `${name}.csv`)), { columns: true, bom: true }) as Row[];
  const header = (name: string, folder = out) => (parse(readFileSync(path.join(folder, `${name}.csv`)), { to_line: 1, bom: true }) as string[][])[0];

  beforeAll(async () => {
    fixture = await buildFixture(dir);
    await exportCsv(fixture.db, out);
  }, 60_000);
  afterAll(() => fixture?.db.close());

  it('writes every table with exactly the documented columns', () => {
    const names = csvTables.map((t) => t.name);
    expect(names).toEqual(['documents', 'pages', 'footnotes', 'messages', 'mentions', 'instruments', 'claims', 'references', 'works', 'codes',
      'quotes', 'theme_by_document', 'theme_cooccurrence', 'instrument_by_theme', 'agreement', 'audit']);
    expect(header('mentions')).toEqual(['document_id', 'instrument_id', 'instrument_name', 'kind', 'surface', 'provision', 'page', 'start', 'end', 'in_footnote']);
    expect(header('instruments')).toEqual(['instrument_id', 'name_en', 'name_id', 'kind', 'year', 'indonesia_status', 'mentions', 'documents']);
    expect(header('references')).toEqual(['document_id', 'note_number', 'ref_index', 'raw', 'authors', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'pinpoint', 'doi', 'url', 'work_id', 'back_reference', 'resolved_to']);
    expect(header('works')).toEqual(['work_id', 'authors', 'year', 'title', 'container', 'doi', 'cited_by_documents', 'citations']);
    expect(header('codes')).toEqual(['document_id', 'theme_id', 'theme_name', 'segment_id', 'page', 'start', 'end', 'excerpt', 'evidence', 'score', 'origin', 'status', 'reviewer']);
    expect(header('footnotes')).toEqual(['document_id', 'number', 'page', 'text']);
    const docs = new Map(read('documents').map((d) => [d.document_id, d]));
    // The documented docs/exports.md lists every column of every table.
    const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'exports.md'), 'utf8');
    for (const t of csvTables) {
      expect(doc, `docs/exports.md documents ${t.name}.csv`).toContain(`### ${t.name}.csv`);
      const section = doc.slice(doc.indexOf(`### ${t.name}.csv`)).split('\n### ')[0];
      for (const c of t.columns) expect(section, `${t.name}.csv column ${c}`).toContain(`| \`${c}\` |`);
    }
    expect(docs.size).toBe(2);
  });

  it('neutralizes formulas inside document text, and csv-parse reads the text back otherwise intact', () => {
    const codes = read('codes');
    const formula = codes.find((c) => c.excerpt.includes('HYPERLINK'));
    expect(formula?.excerpt.startsWith(`'=HYPERLINK("http://evil.example","click")`)).toBe(true);
    const pages = read('pages');
    expect(pages.find((p) => p.text.includes('HYPERLINK'))?.text.startsWith(`'=HYPERLINK`)).toBe(true);
    for (const c of codes) expect(c.excerpt).not.toMatch(/^[=+\-@\t\r]/);
    const quotes = read('quotes');
    expect(quotes.find((q) => q.excerpt.includes('HYPERLINK'))?.excerpt.startsWith("'=")).toBe(true);
  });

  it('codes.csv lists each sentence code once, its excerpt the span of the stored text, with its review status', () => {
    const codes = read('codes');
    const machine = codes.filter((c) => c.origin === 'machine');
    const stored = sentenceCodes(fixture.db);
    expect(machine.length).toBe(stored.length);
    for (const [i, s] of stored.entries()) {
      const c = machine.find((m) => Number(m.start) === s.start && Number(m.end) === s.end && m.theme_id === s.themeId)!;
      expect(c, `code ${i}`).toBeDefined();
      const expected = s.text.slice(s.start, s.end);
      expect(c.excerpt.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(expected);
      expect(c.segment_id).toMatch(/^\d+$/);
    }
    const statusAt = (i: number) => machine.find((m) => Number(m.start) === stored[i].start && m.theme_id === stored[i].themeId)!;
    expect([statusAt(0).status, statusAt(0).reviewer]).toEqual(['accepted', 'ana']);
    expect([statusAt(1).status, statusAt(1).reviewer]).toEqual(['rejected', 'budi']);
    expect(statusAt(2).status).toBe('recoded');
    const recode = codes.find((c) => c.origin === 'recode')!;
    expect([recode.theme_id, recode.status, recode.start]).toEqual(['trafficking-smuggling', 'accepted', String(stored[2].start)]);
    const manual = codes.find((c) => c.origin === 'manual')!;
    expect([manual.theme_id, manual.status, manual.reviewer, manual.excerpt]).toEqual(['refugee-protection', 'accepted', 'ana', '𝔄 symbol and 😀']);
    expect(machine.filter((c) => c.status === 'proposed').length).toBe(stored.length - 3);
  });

  it('--status accepted keeps only accepted codes, and the matrices count only those', async () => {
    const accepted = path.join(dir, 'accepted');
    await exportCsv(fixture.db, accepted, { status: 'accepted' });
    const codes = read('codes', accepted);
    expect(codes.map((c) => c.origin).sort()).toEqual(['machine', 'manual', 'recode']);
    expect(codes.every((c) => c.status === 'accepted')).toBe(true);
    const matrix = read('theme_by_document', accepted);
    expect(matrix.reduce((n, r) => n + Number(r.sentences), 0)).toBe(3);
  });

  it('theme_by_document counts coded sentences per document and theme, zeros included, rejected codes left out', () => {
    const rows = read('theme_by_document');
    expect(rows.length).toBe(2 * 15);
    const codes = read('codes').filter((c) => c.status !== 'rejected');
    for (const r of rows) {
      const n = new Set(codes.filter((c) => c.document_id === r.document_id && c.theme_id === r.theme_id).map((c) => `${c.start}|${c.end}`)).size;
      expect(Number(r.sentences), `${r.document_id} ${r.theme_id}`).toBe(n);
      expect(Number(r.share)).toBeCloseTo(n / Number(r.document_sentences), 4);
    }
  });

  it('theme_cooccurrence pairs themes on the same sentence and the same paragraph', () => {
    const rows = read('theme_cooccurrence');
    const codes = read('codes').filter((c) => c.status !== 'rejected');
    const bySentence = new Map<string, Set<string>>();
    for (const c of codes) {
      const key = `${c.document_id}|${c.start}|${c.end}`;
      bySentence.set(key, (bySentence.get(key) ?? new Set()).add(c.theme_id));
    }
    const expected = new Map<string, number>();
    for (const themes of bySentence.values()) {
      const list = [...themes].sort();
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expected.set(`${list[i]}|${list[j]}`, (expected.get(`${list[i]}|${list[j]}`) ?? 0) + 1);
    }
    const sentenceRows = rows.filter((r) => r.level === 'sentence');
    expect(new Map(sentenceRows.map((r) => [`${r.theme_a}|${r.theme_b}`, Number(r.both)]))).toEqual(expected);
    expect(rows.some((r) => r.level === 'paragraph')).toBe(true);
    for (const r of rows) expect(Number(r.both)).toBeLessThanOrEqual(Math.min(Number(r.units_a), Number(r.units_b)));
  });

  it('mentions, instruments and instrument_by_theme agree with the store', () => {
    const mentions = read('mentions');
    const stored = fixture.db.prepare(`SELECT COUNT(*) AS n FROM annotations WHERE kind = 'instrument-mention'`).get() as { n: number };
    expect(mentions.length).toBe(stored.n);
    expect(mentions.some((m) => m.instrument_id === 'refugee-convention-1951' && m.surface === 'Konvensi Pengungsi 1951')).toBe(true);
    const instruments = new Map(read('instruments').map((i) => [i.instrument_id, i]));
    const counted = mentions.filter((m) => m.instrument_id === 'refugee-convention-1951');
    expect(Number(instruments.get('refugee-convention-1951')?.mentions)).toBe(counted.length);
    expect(Number(instruments.get('refugee-convention-1951')?.documents)).toBe(2);
    const byTheme = read('instrument_by_theme');
    expect(byTheme.some((r) => r.instrument_id === 'refugee-convention-1951' && r.theme_id === 'refugee-protection')).toBe(true);
  });

  it('references and works carry the parsed footnotes, with DOIs and work ids', () => {
    const refs = read('references');
    const goldenziel = refs.find((r) => r.raw.startsWith('Goldenziel'))!;
    expect([goldenziel.note_number, goldenziel.year, goldenziel.doi, goldenziel.authors]).toEqual(['1', '2015', '10.2139/ssrn.2435251', 'Goldenziel, J. I.']);
    const works = read('works');
    const work = works.find((w) => w.work_id === goldenziel.work_id)!;
    expect([work.year, work.doi, work.cited_by_documents, work.citations]).toEqual(['2015', '10.2139/ssrn.2435251', '1', '1']);
  });

  it('audit.csv lists every decision, append-only, with the document it concerns', () => {
    const audit = read('audit');
    expect(audit.map((a) => [a.reviewer, a.action])).toEqual([['ana', 'accept'], ['budi', 'reject'], ['ana', 'recode'], ['ana', 'manual']]);
    expect(audit.every((a) => a.orphaned === 'false' && /^[0-9a-f]{16}$/.test(a.document_id))).toBe(true);
    expect(audit[3].memo).toBe('Symbols outside the BMP; coded by hand.');
  });

  it('agreement.csv gives figures per theme and pooled when reviewers decided', () => {
    const rows = read('agreement');
    expect(rows.some((r) => r.theme === '*' && r.level === 'sentence' && r.uncoded_text === 'included')).toBe(true);
    expect(rows.find((r) => r.theme === '*')?.reviewers).toBe('ana;budi');
  });

  it('--excel starts each file with a byte-order mark', async () => {
    const excel = path.join(dir, 'excel');
    await exportCsv(fixture.db, excel, { excel: true });
    expect([...readFileSync(path.join(excel, 'codes.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(read('codes', excel).length).toBe(read('codes').length);
  });
});
