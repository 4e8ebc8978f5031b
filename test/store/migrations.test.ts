import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openDatabase, schemaVersion } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the schema is created by numbered migrations and upgrades in place', () => {
  const dir = tempDir('migrations-');
  const latest = migrations.at(-1)!.version;

  it('numbers migrations 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('creates a new store at the latest version with WAL on', () => {
    const db = openDatabase(path.join(dir, 'new.sqlite'));
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it.each(migrations.map((m) => m.version))('upgrades a store made at schema %i, keeping its documents', (version) => {
    const file = path.join(dir, `v${version}.sqlite`);
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= version)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01');
    }
    old.prepare(`INSERT INTO documents (document_id, file, sha256, status, pages, updated_at) VALUES ('abc', '/x.pdf', 'abc', 'ok', 3, '2026-01-01')`).run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latest);
    expect(db.prepare('SELECT document_id, pages FROM documents').all()).toEqual([{ document_id: 'abc', pages: 3 }]);
    db.close();
  });

  it('counts the annotations of a store made before annotation_counts (schema 6)', () => {
    const file = path.join(dir, 'counts.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 6)) old.exec(m.sql);
    old.prepare(`INSERT INTO schema_migrations VALUES (6, 'six', '2026-01-01')`).run();
    old.prepare(`INSERT INTO documents (document_id, file, sha256, status, pages, updated_at) VALUES ('abc', '/x.pdf', 'abc', 'ok', 3, '2026-01-01')`).run();
    const code = old.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data, key, level)
      VALUES (1, 'theme-code', ?, ?, 1, 'themes', '1.0.0', 'r', ?, '{}', ?, 'sentence')`);
    code.run(0, 5, 0, 'refugee-protection');
    code.run(6, 9, 0, 'refugee-protection');
    code.run(10, 15, 1, 'refugee-protection');
    code.run(16, 20, 0, 'migrant-workers');
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT key, in_footnote, n FROM annotation_counts ORDER BY key, in_footnote').all()).toEqual([
      { key: 'migrant-workers', in_footnote: 0, n: 1 }, { key: 'refugee-protection', in_footnote: 0, n: 2 }, { key: 'refugee-protection', in_footnote: 1, n: 1 },
    ]);
    db.close();
  });

  it('refuses a store written by a newer Telaah', () => {
    const file = path.join(dir, 'future.sqlite');
    openDatabase(file).prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(latest + 1, 'future', '2099-01-01');
    expect(() => openDatabase(file)).toThrow(/newer Telaah/);
  });
});
