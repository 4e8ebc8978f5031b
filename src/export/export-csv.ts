/**
 * `telaah export --format csv`: one CSV file per table, long (tidy) layout, columns documented in
 * docs/exports.md. Tables read one shared export context, so codes, works and mentions are derived once.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/open-store.js';
import { writeCsv, type CsvOptions } from './write-csv.js';
import { csvTables } from './csv-tables.js';
import { createExportContext, type ExportOptions } from './export-context.js';

export interface ExportedFile {
  readonly file: string;
  readonly rows: number;
}

export async function exportCsv(db: Db, outDir: string, options: CsvOptions & ExportOptions = {}): Promise<ExportedFile[]> {
  mkdirSync(outDir, { recursive: true });
  const context = createExportContext(db, options);
  const written: ExportedFile[] = [];
  for (const table of csvTables) {
    const file = path.join(outDir, `${table.name}.csv`);
    const rows = await writeCsv(file, table.columns, table.rows(context), options);
    written.push({ file, rows });
  }
  return written;
}
