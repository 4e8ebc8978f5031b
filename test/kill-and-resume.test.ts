import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBuiltCli, runBuiltCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp-dir.js';

function checkStore(database: string): { documents: number } {
  if (!existsSync(database)) return { documents: 0 }; // killed before the store was created
  // Read-write, as the next run opens it: a killed writer can leave a WAL that only a writer recovers.
  const db = new Database(database);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Killed while the schema was being created: the migration's transaction left nothing half-made.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get()) {
      expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations')").get()).toEqual({ n: 0 });
      return { documents: 0 };
    }
    const duplicates = db.prepare('SELECT file, COUNT(*) AS n FROM documents GROUP BY file HAVING n > 1').all();
    expect(duplicates).toEqual([]);
    // A document is there completely or not at all: every ok document has its text, pages and sentences.
    const incomplete = db.prepare(`SELECT d.file FROM documents d WHERE d.status = 'ok' AND (
      NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document = d.id) OR
      NOT EXISTS (SELECT 1 FROM pages p WHERE p.document = d.id) OR
      NOT EXISTS (SELECT 1 FROM segments s WHERE s.document = d.id AND s.kind = 'sentence'))`).all();
    expect(incomplete).toEqual([]);
    const ftsOrphans = db.prepare('SELECT COUNT(*) AS n FROM segments_fts f LEFT JOIN segments s ON s.id = f.rowid WHERE s.id IS NULL').get() as { n: number };
    expect(ftsOrphans.n).toBe(0);
    return { documents: (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n };
  } finally {
    db.close();
  }
}

describe('a run killed with SIGKILL leaves a consistent store, and the next run completes', () => {
  const dir = tempDir('kill-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  mkdirSync(corpus, { recursive: true });
  const paragraph = 'Indonesia belum meratifikasi Konvensi 1951 tentang Status Pengungsi, tetapi prinsip non-refoulement tetap mengikat. ';
  for (let i = 0; i < 220; i++) {
    writeFileSync(path.join(corpus, `doc-${String(i).padStart(2, '0')}.txt`), `Dokumen ${i}\n\n${paragraph.repeat(40 + (i % 10) * 10)}\n`);
  }

  it('survives kills at 20 moments: during start-up, discovery and planning, and after 1 to 20 documents were written', async () => {
    // Kill points: a delay in ms before any output (start-up, discovery, planning), or the number of
    // per-document lines to wait for (the next documents are then in extraction or being written).
    const killPoints: ({ afterMs: number } | { afterDocuments: number })[] = [
      { afterMs: 60 }, { afterMs: 400 }, { afterMs: 900 }, { afterDocuments: 1 }, { afterDocuments: 2 }, { afterDocuments: 5 },
      { afterDocuments: 8 }, { afterDocuments: 13 }, { afterDocuments: 20 }, { afterDocuments: 3 }, { afterDocuments: 7 },
      { afterDocuments: 1 }, { afterDocuments: 4 }, { afterDocuments: 2 }, { afterDocuments: 6 }, { afterDocuments: 9 },
      { afterDocuments: 1 }, { afterDocuments: 3 }, { afterDocuments: 11 }, { afterDocuments: 2 },
    ];
    let killedMidRun = 0;
    for (const point of killPoints) {
      const child = spawnBuiltCli(['run', corpus, '--db', database, '--jobs', '2']);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const reached = new Promise<void>((resolve) => {
        if ('afterMs' in point) {
          setTimeout(resolve, point.afterMs);
          return;
        }
        let lines = 0;
        child.stderr!.on('data', (chunk: Buffer) => {
          lines += (chunk.toString().match(/^(ok|failed|flagged) /gm) ?? []).length;
          if (lines >= point.afterDocuments) resolve();
        });
      });
      await Promise.race([exited, reached]);
      child.kill('SIGKILL');
      await exited;
      if (child.signalCode === 'SIGKILL') killedMidRun++;
      const { documents } = checkStore(database);
      expect(documents).toBeLessThanOrEqual(220);
    }
    expect(killedMidRun).toBe(killPoints.length);
    const final = runBuiltCli(['run', corpus, '--db', database, '--jobs', '2']);
    expect(final.status).toBe(0);
    expect(checkStore(database).documents).toBe(220);
  }, 240_000);
});
