/**
 * Writes one RFC 4180 CSV file (csv-stringify, UTF-8, optional BOM for Excel) from rows streamed out of
 * the store. Cells a spreadsheet would evaluate as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe so no spreadsheet runs document text.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';

export interface CsvOptions {
  readonly excel?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: unknown): unknown {
  if (typeof value !== 'string' || !FORMULA_START.test(value)) return value;
  // Plain negative numbers are data, not formulas; every spreadsheet reads them as numbers.
  if (/^-\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}

export async function writeCsv(file: string, columns: readonly string[], rows: Iterable<Record<string, unknown>>, options: CsvOptions = {}): Promise<number> {
  const out = createWriteStream(file);
  if (options.excel) out.write('\uFEFF');
  const csv = stringify({ header: true, columns: [...columns], record_delimiter: 'windows', cast: { boolean: (b) => (b ? 'true' : 'false') } });
  csv.pipe(out);
  let count = 0;
  for (const row of rows) {
    const safe: Record<string, unknown> = {};
    for (const c of columns) safe[c] = neutralizeFormula(row[c] ?? null);
    if (!csv.write(safe)) await once(csv, 'drain');
    count++;
  }
  csv.end();
  await once(out, 'finish');
  return count;
}
