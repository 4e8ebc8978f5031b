import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { startReviewServer } from '../../src/review/start-review-server.js';
import { openDatabase } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { insertDocument } from './review-fixture.js';

describe('reviewing while `telaah run` writes to the same store', () => {
  const dir = tempDir('review-concurrent-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');

  it('serves pages and records decisions without errors during a run, and loses none', async () => {
    mkdirSync(corpus, { recursive: true });
    for (let i = 0; i < 40; i++) {
      writeFileSync(path.join(corpus, `doc-${i}.txt`), `Dokumen ${i}\n\n` +
        Array.from({ length: 30 }, (_, j) => `Kalimat ${j} tentang perlindungan pengungsi dan prinsip non-refoulement nomor ${i}.`).join(' ') + '\n');
    }
    // A document already in the store that the reviewer codes while the run goes on.
    const setup = openDatabase(database);
    const reviewed = insertDocument(setup, { file: '/elsewhere/reviewed.txt', title: 'Reviewed', body: 'Asylum seekers need protection. Another sentence.' });
    setup.close();
    const server = await startReviewServer({ db: database, port: 0, host: '127.0.0.1' });
    const origin = new URL(server.url).origin;
    const statuses: number[] = [];
    let decisions = 0;
    let done = false;
    const runDone = runPipeline({ config: defaultPipeline(), inputs: [corpus], database, jobs: 2 }).finally(() => { done = true; });
    const started = Date.now();
    try {
      // Bounded: stops when the run ends, after 400 request pairs, or after 60 s.
      for (let n = 0; !done && n < 400 && Date.now() - started < 60_000; n++) {
        const [page, search, post] = await Promise.all([
          fetch(`${origin}/`),
          fetch(`${origin}/search?q=pengungsi`),
          fetch(`${origin}/api/decisions`, {
            method: 'POST', headers: { 'content-type': 'application/json', 'x-telaah-request': '1', origin },
            body: JSON.stringify({ targetKind: 'theme-code', documentSha256: reviewed.sha256, start: 0, end: 31, targetKey: 'asylum', action: 'manual', reviewer: 'ana' }),
          }),
        ]);
        statuses.push(page.status, search.status, post.status);
        await Promise.all([page.text(), search.text(), post.text()]);
        decisions++;
      }
      const summary = await runDone;
      expect(summary.failed).toBe(0);
      expect(summary.ok + summary.flagged).toBe(40);
    } finally {
      await server.close();
    }
    expect(decisions).toBeGreaterThan(3);
    expect(statuses.filter((s) => s >= 300)).toEqual([]);
    const db = openDatabase(database);
    expect((db.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n).toBe(decisions);
    expect((db.prepare("SELECT COUNT(*) AS n FROM documents WHERE status = 'ok'").get() as { n: number }).n).toBe(41);
    db.close();
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startReviewServer({ db: database, port: 0, host: '0.0.0.0' })).rejects.toThrow(/without a token/);
  });
});
