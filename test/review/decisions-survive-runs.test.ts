import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildReviewApp } from '../../src/review/build-review-app.js';
import { openDatabase } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const ARTICLE = `Perlindungan Pekerja Migran

Indonesia telah meratifikasi Konvensi Pekerja Migran melalui UU No. 6 Tahun 2012. Namun, pelaksanaannya masih menghadapi hambatan.

Prinsip non-refoulement mengikat setiap negara. Pengungsi tidak boleh dikembalikan ke tempat yang membahayakan.
`;
const HOST = '127.0.0.1:4173';

/** One review session against the store: inject requests, then close. */
async function withApp<T>(database: string, run: (app: ReturnType<typeof buildReviewApp>) => Promise<T>): Promise<T> {
  const db = openDatabase(database);
  const app = buildReviewApp({ db, allowedHosts: new Set([HOST]) });
  try {
    await app.ready();
    return await run(app);
  } finally {
    await app.close();
    db.close();
  }
}

describe('decisions are keyed to content hash, span and key: re-runs never drop them, changed documents orphan them', () => {
  const dir = tempDir('review-orphans-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  const file = path.join(corpus, 'artikel.txt');
  const run = () => runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 1 });
  const docRow = () => {
    const db = openDatabase(database);
    try {
      return db.prepare("SELECT d.document_id AS documentId, d.sha256, t.text FROM documents d JOIN document_texts t ON t.document = d.id").get() as { documentId: string; sha256: string; text: string };
    } finally {
      db.close();
    }
  };
  const decisionCount = () => {
    const db = openDatabase(database);
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  let first: ReturnType<typeof docRow>;

  beforeAll(async () => {
    mkdirSync(corpus, { recursive: true });
    writeFileSync(file, ARTICLE);
    await run();
    first = docRow();
    // A sub-sentence span: the machine codes whole sentences, so this target exists only as the manual code.
    const surface = 'non-refoulement mengikat setiap negara';
    const start = first.text.indexOf(surface);
    expect(start).toBeGreaterThan(0);
    await withApp(database, async (app) => {
      const res = await app.inject({
        method: 'POST', url: '/api/decisions', headers: { host: HOST, 'content-type': 'application/json', 'x-telaah-request': '1' },
        payload: JSON.stringify({ targetKind: 'theme-code', documentSha256: first.sha256, start, end: start + surface.length, targetKey: 'non-refoulement', action: 'manual', reviewer: 'ana', memo: 'core principle' }),
      });
      expect(res.statusCode).toBe(201);
    });
  });

  it('a re-run over the unchanged document keeps the decision attached (not orphaned)', async () => {
    await run();
    expect(docRow().sha256).toBe(first.sha256);
    await withApp(database, async (app) => {
      const audit = (await app.inject({ url: '/audit.json', headers: { host: HOST } })).json() as { orphaned: boolean; surface: string }[];
      expect(audit.map((d) => [d.surface, d.orphaned])).toEqual([['non-refoulement mengikat setiap negara', false]]);
      const reader = await app.inject({ url: `/doc/${first.documentId}`, headers: { host: HOST } });
      expect(reader.body).toContain('"origin":"manual"');
      expect(reader.body).not.toContain('Orphaned decisions');
    });
  });

  it('after the document changes, the decision is kept and shown as orphaned in the reader and the audit log', async () => {
    writeFileSync(file, ARTICLE.replace('Perlindungan Pekerja Migran\n', 'Perlindungan Pekerja Migran (edisi revisi)\n\nParagraf baru di awal dokumen.\n'));
    await run();
    const second = docRow();
    expect(second.sha256).not.toBe(first.sha256);
    expect(decisionCount()).toBe(1);
    await withApp(database, async (app) => {
      const audit = (await app.inject({ url: '/audit.json', headers: { host: HOST } })).json() as { orphaned: boolean; memo: string; documentSha256: string }[];
      expect(audit.map((d) => [d.documentSha256, d.memo, d.orphaned])).toEqual([[first.sha256, 'core principle', true]]);
      const reader = await app.inject({ url: `/doc/${second.documentId}`, headers: { host: HOST } });
      expect(reader.body).toContain('Orphaned decisions (1)');
      expect(reader.body).toContain('<td class="surface">non-refoulement mengikat setiap negara</td>');
      expect(reader.body).not.toContain('"origin":"manual"');
      const page = await app.inject({ url: '/audit', headers: { host: HOST } });
      expect(page.body).toMatch(/<tr class="orphaned">[\s\S]*core principle/);
    });
  });
});
