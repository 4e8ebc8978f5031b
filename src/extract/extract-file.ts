/**
 * Extraction: a file's bytes → RawDocument (lines with source offsets; geometry for PDFs).
 *
 * Takes the file name (its extension picks the format: .pdf, .md, else plain text), its bytes as read
 * by the orchestrator, the extract options plus the run's page limit, and the document's report.
 * Returns the RawDocument. Bad input fails the document through `report.fail`, and untrustworthy text
 * marks it flagged through `report.flag`; every reason says what happened and what to do next.
 * Never prints and never touches the store.
 */
import path from 'node:path';
import type { RawDocument } from '../document.js';
import type { Report } from '../message.js';
import { extractPdf } from './extract-pdf.js';
import { extractText } from './extract-text.js';
import { findDamagedStreams } from './find-damaged-streams.js';
import { judgeTextLayer } from './judge-text-layer.js';
import type { ExtractOptions } from './options.js';

export async function extractFile(
  file: string,
  bytes: Uint8Array,
  options: ExtractOptions & { maxPages?: number },
  report: Report,
): Promise<RawDocument> {
  const ext = path.extname(file).toLowerCase();
  if (bytes.length === 0) {
    report.fail('extract', 'extract-file', 'empty-file', 'the file is empty (0 bytes); it was probably not downloaded or copied completely; replace it with a complete copy or remove it from the input');
  }
  if (ext === '.pdf') {
    const damagedStreams = findDamagedStreams(bytes);
    const { raw, unreadablePages } = await extractPdf(file, bytes, options, report, damagedStreams);
    judgeTextLayer(raw, { damagedStreams, unreadablePages }, options, report);
    return raw;
  }
  const raw = extractText(file, bytes, ext === '.md' ? 'md' : 'txt', report);
  judgeTextLayer(raw, null, options, report);
  return raw;
}
