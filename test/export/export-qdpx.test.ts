import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/export-csv.js';
import { exportQdpx } from '../../src/export/export-qdpx.js';
import { codePointOffsets } from '../../src/export/code-point-offsets.js';
import { buildZip } from '../../src/export/write-zip.js';
import { parseCodebook } from '../../src/annotate/themes/load-codebook.js';
import { tempDir, sharedDir } from '../helpers/temp-dir.js';
import { buildFixture, type Fixture } from './export-fixture.js';

const SCHEMA = path.join(sharedDir, 'refi-qda', 'Project-mrt2019.xsd');

function requireTool(tool: string, apt: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  if (!found) throw new Error(`${tool} is not installed: the REFI-QDA tests need it to read the export independently (apt-get install ${apt})`);
}

/** An entry of a ZIP file, read by Info-ZIP's unzip (independent of our writer). */
function unzipEntry(zip: string, entry: string): Buffer {
  return execFileSync('unzip', ['-p', zip, entry], { maxBuffer: 64 * 1024 * 1024 });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

describe('REFI-QDA project export (.qdpx)', () => {
  const dir = tempDir('export-qdpx-');
  let fixture: Fixture;
  let qdpx: string;
  let xml: string;

  beforeAll(async () => {
    requireTool('xmllint', 'libxml2-utils');
    requireTool('unzip', 'unzip');
    fixture = await buildFixture(dir);
    qdpx = exportQdpx(fixture.db, path.join(dir, 'out')).file;
    xml = unzipEntry(qdpx, 'project.qde').toString('utf8');
    await exportCsv(fixture.db, path.join(dir, 'csv'));
  }, 60_000);
  afterAll(() => fixture?.db.close());

  it('is a valid ZIP whose project.qde validates against the REFI-QDA schema (xmllint)', () => {
    expect(execFileSync('unzip', ['-tq', qdpx]).toString()).toMatch(/No errors detected/);
    const file = path.join(dir, 'project.qde');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
    expect(r.stderr.trim()).toBe(`${file} validates`);
    expect(r.status).toBe(0);
  });

  it('keeps the codebook as codes with colours, reviewers as users and memos as notes', () => {
    const codes = [...xml.matchAll(/<Code [^>]*>/g)].map((m) => attributes(m[0]));
    expect(codes.length).toBe(15);
    expect(codes.find((c) => c.name === 'Refugee status and protection')?.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(new Set(codes.map((c) => c.color)).size).toBe(15);
    const users = [...xml.matchAll(/<User [^>]*>/g)].map((m) => attributes(m[0]).name);
    expect(users).toEqual(['Telaah', 'ana', 'budi']);
    expect(xml).toMatch(/<Note [^>]*name="Memo by ana on refugee-protection"[^>]*>\s*<PlainTextContent>Symbols outside the BMP; coded by hand.<\/PlainTextContent>/);
  });

  it('selects, in code points, exactly the excerpt codes.csv gives, also after and inside characters outside the BMP', () => {
    const rows = parse(readFileSync(path.join(dir, 'csv', 'codes.csv')), { columns: true }) as Record<string, string>[];
    const counted = rows.filter((r) => r.status !== 'rejected');
    const sources = [...xml.matchAll(/<TextSource [^>]*>[\s\S]*?<\/TextSource>/g)].map((m) => m[0]);
    expect(sources.length).toBe(2);
    let checked = 0;
    let astral = 0;
    for (const source of sources) {
      const head = attributes(source.slice(0, source.indexOf('>')));
      const documentId = /Telaah document ([0-9a-f]+)/.exec(source)![1];
      const text = unzipEntry(qdpx, `sources/${head.plainTextPath.replace('internal://', '')}`).toString('utf8');
      const points = [...text];
      const selections = [...source.matchAll(/<PlainTextSelection [^>]*>/g)].map((m) => attributes(m[0]));
      for (const row of counted.filter((r) => r.document_id === documentId)) {
        const excerpt = row.excerpt.replace(/^'(?=[=+\-@\t\r])/, '');
        const matching = selections.filter((s) => points.slice(Number(s.startPosition), Number(s.endPosition)).join('') === excerpt);
        expect(matching.length, `${row.theme_id} at ${row.start}-${row.end}: ${excerpt}`).toBe(1);
        checked++;
        if (/[\u{10000}-\u{10FFFF}]/u.test(text.slice(0, Number(row.end)))) astral++;
      }
    }
    expect(checked).toBe(counted.length);
    expect(astral).toBeGreaterThanOrEqual(2);
    // The manual code on '𝔄 symbol and 😀' starts 6 UTF-16 units later than its code point position would.
    const manual = rows.find((r) => r.origin === 'manual')!;
    expect(manual.excerpt).toBe('𝔄 symbol and 😀');
  });

  it('leaves rejected codes out and carries the recode as a coding of the new theme', () => {
    const codings = (xml.match(/<Coding /g) ?? []).length;
    const rows = parse(readFileSync(path.join(dir, 'csv', 'codes.csv')), { columns: true }) as Record<string, string>[];
    expect(codings).toBe(rows.filter((r) => r.status !== 'rejected').length);
  });
});

describe('code point offsets', () => {
  it('counts a character outside the BMP once', () => {
    const text = 'a😀b𝔄c';
    const toCp = codePointOffsets(text);
    expect([0, 1, 3, 4, 6, 7].map(toCp)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(codePointOffsets('plain')(4)).toBe(4);
  });
});

describe('ZIP writer', () => {
  const dir = tempDir('zip-');
  it('writes stored entries with UTF-8 names and CRCs that unzip verifies', () => {
    requireTool('unzip', 'unzip');
    const file = path.join(dir, 'a.zip');
    writeFileSync(file, buildZip([{ name: 'a.txt', data: Buffer.from('halo 😀') }, { name: 'dir/bé.txt', data: Buffer.alloc(0) }]));
    expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors detected/);
    expect(unzipEntry(file, 'a.txt').toString('utf8')).toBe('halo 😀');
  });
});

describe('telaah codebook import (.qdc)', () => {
  const importQdc = async () => (await import('../../src/export/import-qdc-codebook.js')).importQdcCodebook;

  it('imports the codebook of the ATLAS.ti sample project, nesting kept, as a valid Telaah codebook', async () => {
    requireTool('unzip', 'unzip');
    const xml = unzipEntry(path.join(sharedDir, 'refi-qda', 'target-atlas-project.qdpx'), 'project.qde').toString('utf8');
    const yaml = (await importQdc())(xml, { id: 'atlas-sample', source: 'target-atlas-project.qdpx' });
    const codebook = parseCodebook(yaml, 'imported.yaml');
    expect(codebook.id).toBe('atlas-sample');
    expect(codebook.themes.map((t) => [t.id, t.name.en, t.parent])).toEqual([
      ['commits', 'Commits', null],
      ['2022-05-10t02-05-59z-19e4dce', '2022-05-10T02:05:59Z 19e4dce', 'commits'],
      ['2022-02-11t10-39-25z-cdbfd92', '2022-02-11T10:39:25Z cdbfd92', 'commits'],
    ]);
  });

  it('reads a .qdc with descriptions, entities, colours and ATLAS.ti "Parent::child" names', async () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA">
  <!-- a comment <Code name="not a code"/> -->
  <Codes>
    <Code guid="0983E32E-6866-431A-BD94-DAC9BB963825" name="Coke" isCodable="true" color="#966450">
      <Description>the breakfast of champions</Description>
    </Code>
    <Code guid="D299EFAE-5779-46DC-9827-A3D1A5D544BC" name="Coke::diet Coke" isCodable="true" color="#966450"><Description>non sucr&#233;</Description></Code>
    <Code guid="9F43FE32-C2CB-4BA8-B766-A0734C826E49" name="&quot;rushed&quot; &amp; late" isCodable="false"/>
  </Codes>
</CodeBook>`;
    const yaml = (await importQdc())(qdc);
    expect(yaml).toContain('#   coke: #966450');
    const codebook = parseCodebook(yaml);
    expect(codebook.themes.map((t) => [t.id, t.name.en, t.parent, t.description])).toEqual([
      ['coke', 'Coke', null, 'the breakfast of champions'],
      ['coke-diet-coke', 'diet Coke', 'coke', 'non sucré'],
      ['rushed-late', '"rushed" & late', null, 'Imported from REFI-QDA code ""rushed" & late" (9F43FE32-C2CB-4BA8-B766-A0734C826E49); describe the theme here.'],
    ]);
    expect(codebook.themes[1].rules[0].terms).toEqual({ en: ['diet Coke'], id: ['diet Coke'] });
  });

  it('says what is wrong with a file that is not a codebook', async () => {
    await expect((async () => (await importQdc())('<html><body/></html>'))()).rejects.toThrow(/no <Codes> element/);
  });
});
