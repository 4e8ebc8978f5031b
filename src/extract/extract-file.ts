/**
 * Extraction: a file on disk → RawDocument (lines with source offsets; geometry for PDFs).
 * Bad input fails the document through `report.fail` with a reason that says what to do next.
 * To do: replaced by the full extractor (pdfjs geometry, encodings, bad-input detection).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RawDocument, RawLine, SourceFormat } from '../document.js';
import type { Report } from '../message.js';
import type { ExtractOptions } from './options.js';

export async function extractFile(file: string, bytes: Uint8Array, options: ExtractOptions, report: Report): Promise<RawDocument> {
  const ext = path.extname(file).toLowerCase();
  const format: SourceFormat = ext === '.pdf' ? 'pdf' : ext === '.md' ? 'md' : 'txt';
  if (bytes.length === 0) report.fail('extract', 'extract', 'empty-file', 'the file is empty (0 bytes)');
  const text = Buffer.from(bytes).toString('utf8').replace(/\r\n?/g, '\n');
  let offset = 0;
  const lines: RawLine[] = text.split('\n').map((line) => {
    const l: RawLine = { text: line, page: 1, sourceStart: offset, sourceEnd: offset + line.length };
    offset += line.length + 1;
    return l;
  });
  void options;
  void readFile;
  return { file, format, sourceText: text, pages: [{ number: 1, lines }], info: {} };
}
