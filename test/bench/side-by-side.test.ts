/**
 * The two-process ceiling splits the files into halves of about equal bytes, largest first, so the
 * two processes finish at about the same time and their wall time measures the hardware, not a tail.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { balancedHalves } from '../../bench/side-by-side.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('balancedHalves', () => {
  it('gives each file to the lighter half, largest first', () => {
    const dir = tempDir('halves-');
    const sizes = { 'a.pdf': 500, 'b.pdf': 400, 'c.pdf': 300, 'd.pdf': 200, 'e.pdf': 100 };
    const files = Object.entries(sizes).map(([name, size]) => {
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.alloc(size));
      return file;
    });
    const [first, second] = balancedHalves(files).map((half) => half.map((f) => path.basename(f)));
    expect(first).toEqual(['a.pdf', 'd.pdf', 'e.pdf']);
    expect(second).toEqual(['b.pdf', 'c.pdf']);
  });
});
