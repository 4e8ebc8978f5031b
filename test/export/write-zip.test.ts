import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip, writeZip } from '../../src/export/write-zip.js';

describe('writeZip (a ZIP written piece by piece)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telaah-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the bytes buildZip returns for the same entries, however the data is cut into pieces', () => {
    const project = '<?xml version="1.0"?>\n<Project name="halo 😀">\n</Project>\n';
    const pieces = project.split('\n').map((line, i, all) => Buffer.from(i < all.length - 1 ? `${line}\n` : line));
    const file = path.join(dir, 'a.qdpx');
    const bytes = writeZip(file, [
      { name: 'project.qde', chunks: pieces },
      { name: 'sources/bé.txt', chunks: [Buffer.from('teks sumber')] },
      { name: 'empty.txt', chunks: [] },
    ]);
    const expected = buildZip([
      { name: 'project.qde', data: Buffer.from(project) },
      { name: 'sources/bé.txt', data: Buffer.from('teks sumber') },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const written = readFileSync(file);
    expect(bytes).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
  });
});
