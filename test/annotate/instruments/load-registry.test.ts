import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/annotate/instruments/load-registry.js';
import { instrumentRows } from '../../../src/annotate/instruments/instrument-rows.js';
import { REGISTRY_DIR } from './build-document.js';

/** A registry folder with the real vocabulary and one instruments file of the given YAML. */
function registryWith(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'telaah-registry-'));
  cpSync(path.join(REGISTRY_DIR, 'vocabulary'), path.join(dir, 'vocabulary'), { recursive: true });
  writeFileSync(path.join(dir, 'test.yaml'), yaml);
  return dir;
}

const entry = (id: string, extra = '') => `
  - id: ${id}
    kind: treaty
    name_en: Name of ${id}
    name_id: Nama ${id}
    year: 2000
    indonesia: { status: not-party }
    source: test${extra}`;

describe('loadRegistry', () => {
  it('loads the shipped registry: at least 80 instruments, each with a source and a status', () => {
    const r = loadRegistry(REGISTRY_DIR);
    expect(r.instruments.length).toBeGreaterThanOrEqual(80);
    for (const i of r.instruments) expect(i.source.length).toBeGreaterThan(0);
    const rows = instrumentRows(r);
    expect(rows.find((row) => row.id === 'icrmw')).toMatchObject({ kind: 'treaty', year: 1990, indonesia_status: 'party', ratified_by: 'id-uu-6-2012' });
    expect(rows.find((row) => row.id === 'refugee-convention-1951')).toMatchObject({ indonesia_status: 'not-party', ratified_by: null });
  });

  it('names the file and entry of a missing field', () => {
    const dir = registryWith(`instruments:\n  - id: broken\n    kind: treaty\n    name_en: Broken\n    year: 2000\n    indonesia: { status: party }\n    source: x\n`);
    expect(() => loadRegistry(dir)).toThrow(/test\.yaml: instrument "broken": name_id: .*/);
  });

  it('rejects an alias claimed by two instruments, naming both', () => {
    const dir = registryWith(`instruments:${entry('first', '\n    aliases: [Shared Name]')}${entry('second', '\n    aliases: [shared  NAME]')}\n`);
    expect(() => loadRegistry(dir)).toThrow(/instrument "second": alias "shared  NAME" is already claimed by "first"/);
  });

  it('rejects a duplicate alias within one entry (after folding)', () => {
    const dir = registryWith(`instruments:${entry('one', '\n    aliases: [Hak-Hak Anak, Hak Anak]')}\n`);
    expect(() => loadRegistry(dir)).toThrow(/instrument "one": duplicate alias "Hak Anak"/);
  });

  it('allows two instruments to share an ambiguous short form', () => {
    const dir = registryWith(`instruments:${entry('a', '\n    ambiguous: [The Principles]')}${entry('b', '\n    ambiguous: [The Principles]')}\n`);
    expect(loadRegistry(dir).instruments.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
