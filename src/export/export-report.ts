/**
 * Writes the HTML report (build-report.ts) as `report.html` in the output folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/open-store.js';
import { buildReport, type ReportOptions } from './build-report.js';
import { createExportContext, type ExportOptions } from './export-context.js';

export function exportReport(db: Db, outDir: string, options: ExportOptions & ReportOptions = {}): { file: string; bytes: number } {
  mkdirSync(outDir, { recursive: true });
  const html = buildReport(createExportContext(db, options), options);
  const file = path.join(outDir, 'report.html');
  writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}
