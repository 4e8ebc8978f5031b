import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha1 } from '../../src/export/sha1.js';
import { stableGuid } from '../../src/export/stable-guid.js';

const reference = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

describe('sha1 (plain JS, for stable GUIDs)', () => {
  it('gives the FIPS 180 test vectors', () => {
    expect(sha1('').toString('hex')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1('abc').toString('hex')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq').toString('hex')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('matches node:crypto at every length around the block and padding boundaries (ASCII and multi-byte UTF-8)', () => {
    for (let n = 0; n <= 300; n++) {
      const ascii = 'x'.repeat(n);
      const mixed = 'é😀a'.repeat(n);
      expect(sha1(ascii).toString('hex')).toBe(reference(ascii));
      expect(sha1(mixed).toString('hex')).toBe(reference(mixed));
    }
  });

  it('matches node:crypto on arbitrary strings, lone surrogates included (both encode them as U+FFFD)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => sha1(s).toString('hex') === reference(s)), { numRuns: 5000 });
  });

  it('keeps the GUIDs earlier exports wrote', () => {
    expect(stableGuid('theme:refugee-protection')).toBe(uuidV5Layout('telaah:theme:refugee-protection'));
    expect(stableGuid('selection:abc:0|85')).toBe(uuidV5Layout('telaah:selection:abc:0|85'));
  });
});

function uuidV5Layout(key: string): string {
  const h = createHash('sha1').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
