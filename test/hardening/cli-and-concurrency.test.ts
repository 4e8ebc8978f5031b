/**
 * The command line with hostile file names (leading dashes after `--`, quotes, spaces, non-Latin
 * letters) and its exit codes, and two `telaah run` processes on one store: the second refuses with a
 * clear message and changes nothing, the first completes, and the store passes integrity_check.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOTE = 'The State shall protect every migrant worker. Deportation requires a court order.\n';

function documents(database: string): { file: string; status: string; error: string | null }[] {
  const db = new Database(database, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT file, status, error FROM documents ORDER BY file').all() as { file: string; status: string; error: string | null }[];
  } finally {
    db.close();
  }
}

describe('telaah run with hostile file names', () => {
  const dir = tempDir('cli-names-');
  const names = ['-weird.txt', '--pipeline.txt', `it's "quoted".txt`, 'spaced name.md', 'Konvensi Pekerja Migran 移民 مهاجر.txt'];
  for (const name of names) writeFileSync(path.join(dir, name), `${name}\n\n${NOTE}`);
  writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');

  it('takes names with leading dashes after --, and exits 0 when all are ok', () => {
    const r = runCli(['run', '--db', 'dashes.sqlite', '--', '-weird.txt', '--pipeline.txt'], dir);
    expect(r.stderr).not.toMatch(/unknown option|error:/);
    expect(r.status).toBe(0);
    expect(documents(path.join(dir, 'dashes.sqlite')).map((d) => [path.basename(d.file), d.status])).toEqual([['--pipeline.txt', 'ok'], ['-weird.txt', 'ok']]);
  });

  it('exits 3 when one document failed, naming it and why, after processing the others', () => {
    const r = runCli(['run', '--db', 'all.sqlite', '--', ...names, 'broken.pdf'], dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('broken.pdf');
    expect(r.stderr).toMatch(/truncated|damaged/);
    const stored = documents(path.join(dir, 'all.sqlite'));
    expect(stored.filter((d) => d.status === 'ok').map((d) => path.basename(d.file)).sort()).toEqual([...names].sort());
    expect(stored.find((d) => d.file.endsWith('broken.pdf'))).toMatchObject({ status: 'failed', error: expect.stringMatching(/truncated/) });
  });
});

describe('two telaah run processes on one store', () => {
  const dir = tempDir('concurrent-');
  const corpus = path.join(dir, 'corpus');
  const database = path.join(dir, 'store.sqlite');
  mkdirSync(corpus, { recursive: true });
  for (let i = 0; i < 30; i++) writeFileSync(path.join(corpus, `doc-${String(i).padStart(2, '0')}.txt`), `Dokumen ${i}\n\n${NOTE.repeat(60 + i)}`);

  it('the second refuses with a clear message and writes nothing; the first completes; the store is intact', async () => {
    const first = spawnCli(['run', corpus, '--db', database, '--jobs', '2']);
    let firstErr = '';
    const exited = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      first.stderr!.on('data', (chunk: Buffer) => {
        firstErr += chunk.toString();
        if (/^ok /m.test(firstErr)) resolve();
      });
      first.once('exit', () => reject(new Error(`the first run ended before writing a document:\n${firstErr}`)));
    });
    // Paused while the second one tries (SIGSTOP), so the first is surely mid-run however fast it is.
    first.kill('SIGSTOP');
    let second: ReturnType<typeof runCli>;
    try {
      second = runCli(['run', corpus, '--db', database, '--jobs', '1']);
    } finally {
      first.kill('SIGCONT');
    }
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^telaah: another telaah run \\(pid ${first.pid}\\) is writing .*store\\.sqlite; wait for it to finish, or pass another --db\\n$`));
    expect(await exited).toBe(0);
    const stored = documents(database);
    expect(stored).toHaveLength(30);
    expect(stored.every((d) => d.status === 'ok')).toBe(true);
    const db = new Database(database, { readonly: true });
    try {
      expect(db.prepare('SELECT status, documents_ok FROM runs').all()).toEqual([{ status: 'complete', documents_ok: 30 }]);
    } finally {
      db.close();
    }
    // The lock went with the first run.
    expect(existsSync(`${database}.lock`)).toBe(false);
  }, 120_000);
});
