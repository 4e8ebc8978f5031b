/**
 * Finds Flate-compressed streams in a PDF's bytes whose data does not decompress cleanly (bad zlib
 * header, invalid deflate data, or a failed Adler-32 checksum). pdfjs reads past such damage
 * silently, so without this check a damaged content stream only shows as missing or wrong text.
 *
 * Takes the raw file bytes; returns the damaged streams (object number where found, zlib's reason).
 * Skips images (large, and irrelevant to text) and encrypted files (their streams are ciphertext).
 * A stream that merely ends early is not counted: some producers omit the checksum. Cost: one scan
 * of the file for the `stream` keyword plus one native inflate per non-image Flate stream.
 */
import { constants, inflateSync } from 'node:zlib';

export interface DamagedStream {
  /** "12 0 obj" as found before the stream, or null when the object header was not found. */
  readonly object: string | null;
  readonly reason: string;
}

/** How far back from `stream` to look for the object header and dictionary. */
const DICT_WINDOW = 4096;

export function findDamagedStreams(bytes: Uint8Array): DamagedStream[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const text = buf.toString('latin1');
  if (text.includes('/Encrypt')) return [];
  const damaged: DamagedStream[] = [];
  let pos = 0;
  for (;;) {
    const at = text.indexOf('stream', pos);
    if (at < 0) break;
    pos = at + 6;
    if (text.startsWith('end', at - 3)) continue;
    let dataStart = at + 6;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    else if (dataStart === at + 6) continue; // "stream" inside some other token
    const windowStart = Math.max(0, at - DICT_WINDOW);
    const objAt = text.lastIndexOf(' obj', at);
    const dictFrom = objAt >= windowStart ? objAt : windowStart;
    const dict = text.slice(dictFrom, at);
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) break;
    pos = end + 9;
    if (!dict.includes('/FlateDecode')) continue;
    if (/\/Subtype\s*\/Image/.test(dict)) continue;
    const filterAt = dict.indexOf('/Filter');
    // Only a stream whose first filter is Flate holds zlib data as stored.
    if (filterAt >= 0 && !/^\/Filter\s*\[?\s*\/FlateDecode/.test(dict.slice(filterAt, filterAt + 40))) continue;
    try {
      inflateSync(buf.subarray(dataStart, end), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      const header = objAt >= windowStart ? /(\d+\s+\d+)\s*$/.exec(text.slice(Math.max(0, objAt - 24), objAt)) : null;
      damaged.push({ object: header ? `${header[1].replace(/\s+/, ' ')} obj` : null, reason: (error as Error).message });
    }
  }
  return damaged;
}

/** "2 compressed stream(s) of the PDF are damaged and fail to decompress (4 0 obj: incorrect data check; …)" */
export function describeDamagedStreams(streams: readonly DamagedStream[]): string {
  const shown = streams.slice(0, 3).map((s) => `${s.object ?? 'unnumbered object'}: ${s.reason}`).join('; ');
  return `${streams.length} compressed stream(s) of the PDF are damaged and fail to decompress (${shown}${streams.length > 3 ? '; …' : ''})`;
}
