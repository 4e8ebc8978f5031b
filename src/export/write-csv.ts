/**
 * Writes one RFC 4180 CSV file (csv-stringify, UTF-8, optional BOM for Excel) from rows streamed out of
 * the store. Cells a spreadsheet would evaluate as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe so no spreadsheet runs document text.
 * Rows are turned into CSV a few thousand at a time with csv-stringify's synchronous API and appended to
 * the file: the same bytes its stream API writes, without a stream round trip per row (a 160,000-row
 * table spent most of its time in stream machinery). Memory stays bounded by one batch.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  readonly excel?: boolean;
}

const BATCH_ROWS = 2000;

export function neutralizeFormula(value: unknown): unknown {
  if (typeof value !== 'string' || !isFormulaStart(value.charCodeAt(0))) return value;
  // Plain negative numbers are data, not formulas; every spreadsheet reads them as numbers.
  if (/^-\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}

/** =, +, -, @, tab, carriage return. */
function isFormulaStart(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

/** Writes the text as UTF-8 (encoded natively, no Buffer in between); a short write is finished from a Buffer. */
function writeAll(fd: number, text: string): void {
  const written = writeSync(fd, text);
  const length = Buffer.byteLength(text, 'utf8');
  if (written === length) return;
  const bytes = Buffer.from(text, 'utf8');
  for (let at = written; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

export async function writeCsv(file: string, columns: readonly string[], rows: Iterable<Record<string, unknown>>, options: CsvOptions = {}): Promise<number> {
  const fd = openSync(file, 'w');
  try {
    if (options.excel) writeAll(fd, '\uFEFF');
    const format = { columns: [...columns], record_delimiter: 'windows', cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } } as const;
    let header = true;
    let batch: unknown[][] = [];
    const flush = () => {
      // The header goes with the first batch (alone when there are no rows), as the stream API writes it.
      const csv = stringify(batch, { ...format, header });
      if (csv) writeAll(fd, csv);
      header = false;
      batch = [];
    };
    let count = 0;
    for (const row of rows) {
      const cells = new Array<unknown>(columns.length);
      for (let i = 0; i < columns.length; i++) cells[i] = neutralizeFormula(row[columns[i]] ?? null);
      batch.push(cells);
      count++;
      if (batch.length === BATCH_ROWS) flush();
    }
    if (batch.length || header) flush();
    return count;
  } finally {
    closeSync(fd);
  }
}
