/**
 * A small store for the export tests, built by the real pipeline over documents written here: an
 * Indonesian article with footnotes, an English note whose text holds a spreadsheet formula, an emoji
 * and a letter outside the Basic Multilingual Plane (𝔄) before and inside coded spans, and reviewers'
 * decisions (accept, reject, recode, manual code with a memo) appended through the review store.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { openDatabase, type Db } from '../../src/store/open-store.js';
import { createReviewStore, type NewDecision } from '../../src/store/review-store.js';

export const ARTICLE = `Perlindungan Pengungsi dan Pekerja Migran di Indonesia

Indonesia belum meratifikasi Konvensi Pengungsi 1951 sehingga perlindungan pengungsi bergantung pada Perpres 125/2016.1 Pencari suaka yang tiba di Indonesia ditangani oleh UNHCR.

Pekerja migran Indonesia dilindungi oleh UU No. 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia.2 Perdagangan orang tetap menjadi ancaman bagi buruh migran perempuan.

1 Goldenziel, J. I. (2015). When Law Migrates: Refugees in Comparative International Law. SSRN Electronic Journal. DOI: 10.2139/ssrn.2435251
2 Ruggie, J. G. (2013). Just Business: Multinational Corporations and Human Rights. Connecticut: University of Connecticut, p. 16.
`;

export const NOTE = `=HYPERLINK("http://evil.example","click") refugees asked for asylum.

The 𝔄 symbol and 😀 come first. Refugees and asylum seekers rely on the 1951 Refugee Convention for protection.

Trafficking in persons harms migrant workers.
`;

export interface Fixture {
  readonly dir: string;
  readonly database: string;
  readonly db: Db;
}

export async function buildFixture(dir: string): Promise<Fixture> {
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus, { recursive: true });
  writeFileSync(path.join(corpus, 'artikel.txt'), ARTICLE);
  writeFileSync(path.join(corpus, 'note.txt'), NOTE);
  const database = path.join(dir, 'store.sqlite');
  const summary = await runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 1 });
  if (summary.ok + summary.flagged !== 2) throw new Error(`fixture: expected 2 documents, got ${JSON.stringify(summary)}`);
  const db = openDatabase(database);
  addDecisions(db);
  return { dir, database, db };
}

interface CodeRow {
  sha256: string;
  file: string;
  start: number;
  end: number;
  themeId: string;
  text: string;
}

/** The sentence-level theme codes, in document file order then position. */
export function sentenceCodes(db: Db): CodeRow[] {
  return db.prepare(`SELECT d.sha256, d.file, a.start, a."end" AS "end", json_extract(a.data, '$.themeId') AS themeId, t.text
    FROM annotations a JOIN documents d ON d.id = a.document JOIN document_texts t ON t.document = a.document
    WHERE a.kind = 'theme-code' AND json_extract(a.data, '$.level') = 'sentence' ORDER BY d.file, a.start, themeId`).all() as CodeRow[];
}

/**
 * Decisions: ana accepts the first code, budi rejects the second, ana recodes the third to
 * 'trafficking-smuggling' and codes '𝔄 symbol and 😀' in the note by hand as 'refugee-protection' with a memo.
 */
function addDecisions(db: Db): void {
  const codes = sentenceCodes(db);
  if (codes.length < 3) throw new Error(`fixture: expected at least 3 sentence codes, got ${codes.length}`);
  const base = (c: CodeRow, reviewer: string): NewDecision => ({
    targetKind: 'theme-code', documentSha256: c.sha256, start: c.start, end: c.end, targetKey: c.themeId, reviewer, action: 'accept',
    previousStatus: 'pending', newStatus: 'accepted', newKey: null, memo: null, undoes: null, blind: false, adjudication: false,
    surface: c.text.slice(c.start, c.end), documentFile: path.basename(c.file),
  });
  const note = codes.find((c) => c.file.endsWith('note.txt'))!;
  const titleStart = note.text.indexOf('𝔄 symbol');
  const titleEnd = note.text.indexOf('😀') + '😀'.length;
  createReviewStore(db).appendDecisions([
    base(codes[0], 'ana'),
    { ...base(codes[1], 'budi'), action: 'reject', newStatus: 'rejected' },
    { ...base(codes[2], 'ana'), action: 'recode', newStatus: 'recoded', newKey: 'trafficking-smuggling' },
    {
      ...base({ ...note, start: titleStart, end: titleEnd, themeId: 'refugee-protection' }, 'ana'),
      action: 'manual', newStatus: 'accepted', memo: 'Symbols outside the BMP; coded by hand.',
    },
  ]);
}
