import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/run-cli.js';
import { sharedDir, tempDir } from '../helpers/temp-dir.js';

describe('the telaah command line', () => {
  const dir = tempDir('cli-');
  const corpus = path.join(dir, 'corpus');
  const db = path.join(dir, 'store.sqlite');
  mkdirSync(corpus, { recursive: true });
  writeFileSync(path.join(corpus, 'a.txt'), 'Prinsip non-refoulement melarang pengembalian pengungsi. Indonesia belum meratifikasi Konvensi 1951.\n');
  writeFileSync(path.join(corpus, 'c.txt'), 'Kajian Pustaka\n\nPerlindungan pekerja migran telah lama dibahas.\n\nDaftar Pustaka\n\n' +
    'Martin, S., & Abimourched, R. (2009). Migrant Rights: International Law and National Action. International Migration, 47(5), 115-138. https://doi.org/10.1111/j.1468-2435.2009.00566.x\n');
  writeFileSync(path.join(corpus, 'b.md'), '=HYPERLINK("http://example.invalid") is text a document may contain.\n');

  it('prints help with examples', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
    expect(r.stdout).toMatch(/telaah run/);
  });

  it('exits 1 on a usage error', () => {
    expect(runCli(['run', '--jobs', 'zero', corpus, '--db', db]).status).toBe(1);
    expect(runCli(['frobnicate']).status).toBe(1);
  });

  it('exits 1 on a configuration error, naming the file and line', () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nlimits:\n  maxPages: -5\n');
    const r = runCli(['run', corpus, '--db', db, '--pipeline', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:3: limits.maxPages:`);
  });

  it('exits 0 when every document is ok, with one plain line per document off a terminal', () => {
    const r = runCli(['run', corpus, '--db', db, '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^ok\s+.*a\.txt \(1 p\)$/m);
    expect(r.stderr).toMatch(/done in [\d.]+ s: 3 ok, 0 flagged, 0 failed, 0 skipped/);
  });

  it('exits 3 when some documents failed, listing them with reasons', () => {
    writeFileSync(path.join(corpus, 'broken.pdf'), '%PDF-1.7\n1 0 obj');
    const r = runCli(['run', corpus, '--db', db]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/failed:\n\s+.*broken\.pdf: \S/);
  });

  it('searches sentences and prints document and page', () => {
    const r = runCli(['search', 'non-refoulement', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{16} p\.1 /m);
    expect(r.stdout).toContain('[non-refoulement]');
    expect(r.stdout).toMatch(/^1 match$/m);
  });

  it('prints stats as tables', () => {
    const r = runCli(['stats', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Documents by status\nstatus\s+documents\s+pages/);
  });

  it('exports documents.csv with the documented columns and neutralized formulas', () => {
    const out = path.join(dir, 'csv');
    const r = runCli(['export', '--db', db, '--out', out]);
    expect(r.status).toBe(0);
    const docs = parse(readFileSync(path.join(out, 'documents.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(docs[0])).toEqual(['document_id', 'file', 'sha256', 'title', 'language', 'pages', 'status', 'error']);
    expect(docs.map((d) => d.status).sort()).toEqual(['failed', 'ok', 'ok', 'ok']);
    const pages = parse(readFileSync(path.join(out, 'pages.csv')), { columns: true }) as Record<string, string>[];
    const cell = pages.map((p) => p.text).find((t) => t.includes('HYPERLINK'))!;
    expect(cell.startsWith("'=HYPERLINK")).toBe(true);
  });

  it.each([
    ['qdpx', 'telaah.qdpx'], ['bibtex', 'works.bib'], ['csl-json', 'works.json'], ['ris', 'works.ris'], ['report', 'report.html'],
  ])('exports --format %s to %s', (format, file) => {
    const out = path.join(dir, `export-${format}`);
    const r = runCli(['export', '--db', db, '--out', out, '--format', format]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(file);
    const written = readFileSync(path.join(out, file), 'utf8');
    if (format !== 'qdpx') expect(written).toMatch(format === 'report' ? /<html/ : /Abimourched/);
  });

  it('imports the codebook of a REFI-QDA project as a Telaah codebook', () => {
    const out = path.join(dir, 'imported.yaml');
    const r = runCli(['codebook', 'import', path.join(sharedDir, 'refi-qda', 'target-atlas-project.qdpx'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*imported\.yaml: \d+ themes from target-atlas-project\.qdpx/);
    expect(readFileSync(out, 'utf8')).toMatch(/^themes:$/m);
  });

  it('says so when the store does not exist', () => {
    const r = runCli(['stats', '--db', path.join(dir, 'nope.sqlite')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no store at/);
  });

  it('review refuses a non-loopback host without a token', () => {
    const r = runCli(['review', '--db', db, '--host', '0.0.0.0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to serve on 0\.0\.0\.0 without a token/);
  });

  it('review serves the overview on the address it prints', async () => {
    const child = spawnCli(['review', '--db', db, '--port', '0']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = out.match(/telaah review: (http:\/\/127\.0\.0\.1:\d+\/)/);
          if (m) resolve(m[1]);
        });
        child.once('exit', () => reject(new Error(`review exited: ${out}`)));
      });
      const page = await (await fetch(url)).text();
      expect(page).toContain('<title>Overview · Telaah review</title>');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
