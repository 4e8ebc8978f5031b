import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { repoRoot, sharedDir, tempDir } from '../helpers/temp-dir.js';

describe('corpus commands: refs parse, stats, codebook check and add, themes discover', () => {
  const dir = tempDir('corpus-cli-');
  const corpus = path.join(dir, 'corpus');
  const db = path.join(dir, 'store.sqlite');

  beforeAll(() => {
    mkdirSync(corpus, { recursive: true });
    const body = (topic: string, n: number) =>
      Array.from({ length: n }, (_, i) => `Pekerja migran Indonesia di ${topic} menghadapi eksploitasi upah dan kontrak kerja ke-${i}. ` +
        `Indonesia telah meratifikasi Konvensi Internasional tentang Perlindungan Hak-Hak Seluruh Pekerja Migran dan Anggota Keluarganya melalui UU No. 6 Tahun 2012.`).join('\n\n');
    writeFileSync(path.join(corpus, 'a.txt'), `Perlindungan Pekerja Migran\n\n${body('Malaysia', 6)}\n`);
    writeFileSync(path.join(corpus, 'b.txt'), `Pekerja Migran di Taiwan\n\n${body('Taiwan', 6)}\n`);
    // Two real articles give discovery enough text to find candidate themes.
    for (const seed of ['000_a8b5b348252ec0f7.txt', '003_0b94888e7e7436df.txt']) copyFileSync(path.join(sharedDir, 'corpus/seeds', seed), path.join(corpus, seed));
    expect(runCli(['run', corpus, '--db', db]).status).toBe(0);
  });

  it('refs parse reads references on stdin and writes one JSON object per line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/helpers/cli-entry.ts'), 'refs', 'parse'], {
      input: 'Martin, S., & Abimourched, R. (2009). Migrant Rights: International Law and National Action. International Migration, 47(5), 115-138. https://doi.org/10.1111/j.1468-2435.2009.00566.x\n',
      encoding: 'utf8', cwd: repoRoot,
    });
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout.trim());
    expect(parsed).toMatchObject({ authors: ['Martin, S.', 'Abimourched, R.'], year: '2009', volume: '47', issue: '5', pages: '115-138', doi: '10.1111/j.1468-2435.2009.00566.x' });
  });

  it('stats shows the top instruments and themes by document', () => {
    const r = runCli(['stats', '--db', db]);
    expect(r.stdout).toMatch(/Top instruments[^\n]*\ninstrument\s+indonesia\s+mentions\s+documents\n/);
    expect(r.stdout).toMatch(/^icrmw\s+party\s+\d+\s+4$/m);
    expect(r.stdout).toMatch(/^id-uu-6-2012\s+\S+\s+12\s+2$/m);
    expect(r.stdout).toMatch(/Themes by document: coded sentences\ntheme\s+all/);
    expect(r.stdout).toMatch(/^migrant-workers\s+\d+/m);
  });

  it('codebook check validates the codebook and lists rules that never fire on this corpus', () => {
    const r = runCli(['codebook', 'check', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/migration-law-v1\.yaml: valid, 15 themes, version [0-9a-f]{16}/);
    expect(r.stdout).toMatch(/Terms claimed by several themes\nterm\s+themes/);
    // A rule whose term the corpus never uses is reported by theme and rule id.
    const codebook = path.join(dir, 'never.yaml');
    const yaml = readFileSync(path.join(repoRoot, 'pipelines/codebooks/migration-law-v1.yaml'), 'utf8')
      .replace(/\n  - id: non-refoulement\n/, '\n  - id: space-law\n    name: { en: Space law, id: Hukum antariksa }\n    description: Outer space.\n    rules:\n      - id: orbit-terms\n        terms: { en: [geostationary orbit], id: [orbit geostasioner] }\n\n  - id: non-refoulement\n');
    writeFileSync(codebook, yaml);
    const never = runCli(['codebook', 'check', '--db', db, '--codebook', codebook]);
    expect(never.stdout).toMatch(/Rules that never fire on this corpus\nthemeId\s+ruleId\n[- ]+\nspace-law\s+orbit-terms\n\n/);
  });

  it('codebook check names the theme, rule and line of an invalid codebook', () => {
    const bad = path.join(dir, 'bad-codebook.yaml');
    writeFileSync(bad, 'id: x\ntitle: x\nthemes:\n  - id: t1\n    name: { en: A, id: B }\n    rules:\n      - id: r1\n        near: { a: { en: [x] } }\n');
    const r = runCli(['codebook', 'check', '--db', db, '--codebook', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad-codebook\.yaml:\d+: theme "t1", rule "r1"/);
  });

  it('themes discover prints candidates and writes candidate_themes.csv; codebook add turns one into an entry', () => {
    const out = path.join(dir, 'csv');
    const r = runCli(['themes', 'discover', '--db', db, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\. .+\(\d+ sentences\)$/m);
    const rows = parse(readFileSync(path.join(out, 'candidate_themes.csv')), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0])).toEqual(['candidate', 'label', 'support', 'top_terms', 'example_1', 'example_2', 'example_3']);
    const codebook = path.join(dir, 'codebook.yaml');
    copyFileSync(path.join(repoRoot, 'pipelines/codebooks/migration-law-v1.yaml'), codebook);
    const added = runCli(['codebook', 'add', '--from-candidate', '1', '--db', db, '--codebook', codebook]);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/added theme "[^"]+" \(candidate 1:/);
    const check = runCli(['codebook', 'check', '--db', db, '--codebook', codebook]);
    expect(check.stdout).toMatch(/valid, 16 themes/);
    expect(runCli(['codebook', 'add', '--from-candidate', '999', '--db', db, '--codebook', codebook]).stderr).toMatch(/there is no candidate 999/);
  });
});
