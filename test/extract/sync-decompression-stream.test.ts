import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPdf } from '../../src/extract/extract-pdf.js';
import { extractOptions } from '../../src/extract/options.js';
import { Report } from '../../src/message.js';
import { SyncDecompressionStream } from '../../src/extract/sync-decompression-stream.js';

const NodeDecompressionStream = globalThis.DecompressionStream;

/** Drives a decompression stream the way pdfjs does: write everything, close, read until done. */
async function decompress(stream: { writable: WritableStream<BufferSource>; readable: ReadableStream<Uint8Array> }, bytes: Uint8Array) {
  const writer = stream.writable.getWriter();
  void writer.write(bytes).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream.readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const text = Buffer.from('BT /F1 12 Tf 72 712 Td (Pasal 28D ayat \\(1\\) UUD 1945) Tj ET\n'.repeat(500));

describe('SyncDecompressionStream', () => {
  afterEach(() => {
    globalThis.DecompressionStream = NodeDecompressionStream;
  });

  it('inflates zlib (deflate) and Brotli data to exactly what Node\'s DecompressionStream gives', async () => {
    const deflated = deflateSync(text);
    expect(await decompress(new SyncDecompressionStream('deflate'), deflated)).toEqual(text);
    expect(await decompress(new NodeDecompressionStream('deflate'), deflated)).toEqual(text);
    expect(await decompress(new SyncDecompressionStream('brotli' as CompressionFormat), brotliCompressSync(text))).toEqual(text);
  });

  it('errors on damaged data, as Node\'s does, so pdfjs falls back to its own decoder', async () => {
    const damaged = Buffer.from(deflateSync(text));
    damaged.fill(0x41, 40, 60);
    await expect(decompress(new SyncDecompressionStream('deflate'), damaged)).rejects.toThrow(/invalid|incorrect/);
    await expect(decompress(new NodeDecompressionStream('deflate'), damaged)).rejects.toThrow();
  });

  it('refuses a format it does not know', () => {
    expect(() => new SyncDecompressionStream('lzw')).toThrow(TypeError);
  });

  it.each([
    'uu-6-2011-keimigrasian.pdf',
    'article-watson-asylum-seekers-securitization-jilir.pdf',
    'damaged-zlib-stream-zen-of-python-printout.pdf',
  ])('lets pdfjs read %s to the same text as with Node\'s class', async (name) => {
    const file = `../shared/corpus/real/${name}`;
    const bytes = new Uint8Array(readFileSync(file));
    const read = async () => (await extractPdf(file, bytes, extractOptions.parse({}), new Report(file))).raw.sourceText;
    const withNode = await read();
    let used = 0;
    globalThis.DecompressionStream = class extends SyncDecompressionStream {
      constructor(format: string) {
        super(format);
        used++;
      }
    } as unknown as typeof DecompressionStream;
    const withSync = await read();
    expect(used).toBeGreaterThan(0);
    expect(withSync.length).toBeGreaterThan(500);
    expect(withSync).toBe(withNode);
  });
});
