import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, QUERY_CACHE_MEGABYTES } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('openDatabase', () => {
  const dir = tempDir('open-store-');

  it("keeps SQLite's default page cache unless asked, and gives a querying connection its own", () => {
    const file = path.join(dir, 'store.sqlite');
    const writer = openDatabase(file);
    expect(writer.pragma('cache_size', { simple: true })).toBe(-16000); // better-sqlite3's build: 16 MB
    const reader = openDatabase(file, { readonly: true, cacheMegabytes: QUERY_CACHE_MEGABYTES });
    expect(QUERY_CACHE_MEGABYTES).toBe(64);
    expect(reader.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    reader.close();
    writer.close();
  });
});
