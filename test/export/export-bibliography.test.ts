import { readFileSync } from 'node:fs';
import path from 'node:path';
import Cite from 'citation-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBibliography } from '../../src/export/export-bibliography.js';
import { worksToCsl } from '../../src/export/works-to-csl.js';
import { createExportContext } from '../../src/export/export-context.js';
import { tempDir } from '../helpers/temp-dir.js';
import { buildFixture, type Fixture } from './export-fixture.js';

type Csl = { id?: string; title?: string; DOI?: string; author?: { family?: string; given?: string }[]; issued?: { 'date-parts': number[][] }; 'container-title'?: string; type?: string; publisher?: string };

describe('bibliographies of cited works (BibTeX, CSL-JSON, RIS)', () => {
  const dir = tempDir('export-bib-');
  let fixture: Fixture;
  let works: ReturnType<ReturnType<typeof createExportContext>['citations']>['works'];

  beforeAll(async () => {
    fixture = await buildFixture(dir);
    works = createExportContext(fixture.db).citations().works;
  }, 60_000);
  afterAll(() => fixture?.db.close());

  const expectSameWorks = (items: Csl[]) => {
    expect(items.length).toBe(works.length);
    const goldenziel = items.find((i) => i.DOI === '10.2139/ssrn.2435251')!;
    expect(goldenziel.title).toBe('When Law Migrates: Refugees in Comparative International Law');
    expect(goldenziel.author?.[0]).toMatchObject({ family: 'Goldenziel', given: 'J. I.' });
    expect(goldenziel.issued?.['date-parts'][0][0]).toBe(2015);
    expect(goldenziel['container-title']).toBe('SSRN Electronic Journal');
    const ruggie = items.find((i) => i.author?.[0]?.family === 'Ruggie')!;
    expect(ruggie.title).toBe('Just Business: Multinational Corporations and Human Rights');
    expect(ruggie.publisher).toBe('University of Connecticut');
    expect(ruggie.type).toBe('book');
  };

  it('the fixture cites two works', () => expect(works.map((w) => w.year).sort()).toEqual(['2013', '2015']));

  it('CSL-JSON reads back with citation-js', () => {
    const { file } = exportBibliography(fixture.db, path.join(dir, 'out'), 'csl-json');
    expectSameWorks(new Cite(JSON.parse(readFileSync(file, 'utf8'))).data as Csl[]);
  });

  it('BibTeX reads back with citation-js, keys kept', () => {
    const { file } = exportBibliography(fixture.db, path.join(dir, 'out'), 'bibtex');
    const bib = readFileSync(file, 'utf8');
    expect(bib).toMatch(/@article\{Goldenziel2015When,/);
    expect(bib).toMatch(/@book\{Ruggie2013Just,/);
    expectSameWorks(new Cite(bib).data as Csl[]);
  });

  it('RIS reads back with citation-js', () => {
    const { file } = exportBibliography(fixture.db, path.join(dir, 'out'), 'ris');
    expectSameWorks(new Cite(readFileSync(file, 'utf8')).data as Csl[]);
  });

  it('gives works that would share a citation key distinct keys, and keeps institutions literal', () => {
    const base = { container: null, doi: null, citedByDocuments: 1, citations: 1, publisher: null, place: null, volume: null, issue: null, pages: null, url: null };
    const items = worksToCsl([
      { ...base, workId: 'a', authors: ['Rahayu, S.'], year: '2020', title: 'Hukum Pengungsi' },
      { ...base, workId: 'b', authors: ['Rahayu, T.'], year: '2020', title: 'Hukum Migrasi' },
      { ...base, workId: 'c', authors: ['UNHCR'], year: '2019', title: 'Global Trends' },
    ]);
    expect(items.map((i) => i['citation-key'])).toEqual(['Rahayu2020Hukuma', 'Rahayu2020Hukumb', 'UNHCR2019Global']);
    expect(items[2].author).toEqual([{ literal: 'UNHCR' }]);
  });
});
