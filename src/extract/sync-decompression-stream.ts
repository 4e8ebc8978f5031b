/**
 * A DecompressionStream for pdfjs in a worker thread: the same interface (a writable side that takes the
 * compressed bytes, a readable side that yields the result), but the bytes are inflated in one native
 * call when the writable side closes, and come out as one chunk.
 *
 * Why: pdfjs 5 awaits a DecompressionStream for every Flate (and Brotli) content stream and embedded font
 * it reads. Node 20 builds that class from a zlib Transform bridged into web streams: every stream costs
 * a round trip through the thread pool and many promise hops, and a worker with one document to do
 * waits idle for each. pdfjs always hands over the whole stream and reads all of it, so nothing is lost
 * by doing it in one call. Measured on 40 generated articles (587 pages), interleaved rounds: text
 * extraction with this class takes about 0.85× the time with Node's, and yields the same text.
 * Damaged data errors the readable side, as Node's does, and pdfjs then falls back to its own tolerant
 * decoder, which recovers what it can.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

const decoders: Record<string, (input: Buffer) => Buffer> = {
  deflate: inflateSync,
  'deflate-raw': inflateRawSync,
  gzip: gunzipSync,
  brotli: brotliDecompressSync,
};

export class SyncDecompressionStream {
  readonly writable: WritableStream<BufferSource>;
  readonly readable: ReadableStream<Uint8Array>;

  constructor(format: string) {
    const decode = decoders[format];
    if (!decode) throw new TypeError(`Unsupported compression format: '${format}'`);
    const chunks: Buffer[] = [];
    let closed!: () => void;
    const allWritten = new Promise<void>((resolve) => (closed = resolve));
    this.writable = new WritableStream<BufferSource>({
      write(chunk) {
        const view = ArrayBuffer.isView(chunk) ? chunk : new Uint8Array(chunk);
        chunks.push(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
      },
      close: () => closed(),
    });
    this.readable = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await allWritten;
        try {
          const out = decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
          controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      },
    });
  }
}

/** Makes this thread's DecompressionStream the one-call version (for the worker that runs pdfjs). */
export function installSyncDecompression(): void {
  Object.defineProperty(globalThis, 'DecompressionStream', { value: SyncDecompressionStream, writable: true, configurable: true, enumerable: false });
}
