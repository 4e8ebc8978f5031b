/**
 * `telaah export --format csv`: one CSV file per table, long (tidy) layout, columns documented in
 * docs/exports.md. Each table is a query streamed from the store.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/open-store.js';
import { writeCsv, type CsvOptions } from './write-csv.js';
import { csvTables } from './csv-tables.js';

export async function exportCsv(db: Db, outDir: string, options: CsvOptions & { status?: string } = {}): Promise<{ file: string; rows: number }[]> {
  mkdirSync(outDir, { recursive: true });
  const written: { file: string; rows: number }[] = [];
  for (const table of csvTables) {
    const file = path.join(outDir, `${table.name}.csv`);
    const rows = await writeCsv(file, table.columns, table.rows(db, options), options);
    written.push({ file, rows });
  }
  return written;
}
