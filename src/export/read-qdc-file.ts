/**
 * Reads the codebook XML a team already has: a `.qdc` file as it is, or the project XML (`.qde`) inside
 * a `.qdpx` archive. No ZIP library is installed, so the archive's central directory is read by hand
 * (stored and deflated entries, which is what QDA tools write); zlib does the inflating.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { QdcError } from './read-qda-codes.js';

function entriesOf(zip: Buffer): { name: string; method: number; size: number; offset: number }[] {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new QdcError('not a ZIP archive (no central directory); a .qdpx project is a ZIP file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new QdcError('damaged ZIP central directory');
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    entries.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLength), method, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function readQdcXml(file: string): string {
  const bytes = readFileSync(file);
  if (!file.toLowerCase().endsWith('.qdpx')) return bytes.toString('utf8');
  const entry = entriesOf(bytes).find((e) => /\.(qde|qdc)$/i.test(e.name));
  if (!entry) throw new QdcError(`${file} holds no project.qde or .qdc codebook`);
  const local = entry.offset;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method === 8) return inflateRawSync(data).toString('utf8');
  throw new QdcError(`${entry.name} is compressed with method ${entry.method}, which Telaah cannot read; export the codebook as .qdc`);
}
