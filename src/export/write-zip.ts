/**
 * Writes a ZIP archive of in-memory files, stored without compression (method 0), with CRC-32 from
 * node:zlib. Why our own writer: no ZIP library is among the dependencies (package.json is not ours to
 * change), a REFI-QDA project needs only a handful of entries, and stored entries are what the format
 * requires at the least (ZIP, spec §4.4.5). Sizes are limited to 4 GiB per entry (no ZIP64), well above
 * the standard's own 2 GiB limit for an internal file. File names are written as UTF-8 (flag bit 11).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** DOS date and time (local fields as the format has no zone): a fixed 1980-01-01 keeps output reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Header {
  readonly local: Buffer;
  readonly central: Buffer;
  readonly name: Buffer;
  readonly size: number;
}

function headers(entryName: string, crc: number, size: number, offset: number): Header {
  const name = Buffer.from(entryName, 'utf8');
  if (size >= 0xffffffff) throw new Error(`${entryName}: larger than 4 GiB; ZIP64 is not supported`);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(0, 8); // stored
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(size, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by: 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(0, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(size, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local, central, name, size };
}

function endRecord(entries: number, centralSize: number, offset: number): Buffer {
  if (entries > 0xffff || offset > 0xffffffff) throw new Error('too many or too large entries for a ZIP without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const h = headers(entry.name, crc32(data) >>> 0, data.length, offset);
    locals.push(h.local, h.name, data);
    centrals.push(h.central, h.name);
    offset += h.local.length + h.name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  return Buffer.concat([...locals, ...centrals, endRecord(entries.length, centralSize, offset)]);
}

/** An entry given as consecutive pieces, so a large file never has to be one string or one Buffer. */
export interface ZipChunkedEntry {
  readonly name: string;
  readonly chunks: readonly Uint8Array[];
}

/**
 * Writes the same bytes `buildZip` returns straight to a file, piece by piece (a 100 MB project is
 * never concatenated in memory). Returns the number of bytes written.
 */
export function writeZip(file: string, entries: readonly ZipChunkedEntry[]): number {
  const fd = openSync(file, 'w');
  try {
    const write = (b: Uint8Array) => {
      for (let at = 0; at < b.byteLength; ) at += writeSync(fd, b, at, b.byteLength - at);
    };
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
      let crc = 0;
      let size = 0;
      for (const chunk of entry.chunks) {
        crc = crc32(chunk, crc);
        size += chunk.byteLength;
      }
      const h = headers(entry.name, crc >>> 0, size, offset);
      write(h.local);
      write(h.name);
      for (const chunk of entry.chunks) write(chunk);
      centrals.push(h.central, h.name);
      offset += h.local.length + h.name.length + size;
    }
    let centralSize = 0;
    for (const b of centrals) {
      write(b);
      centralSize += b.length;
    }
    write(endRecord(entries.length, centralSize, offset));
    return offset + centralSize + 22;
  } finally {
    closeSync(fd);
  }
}
