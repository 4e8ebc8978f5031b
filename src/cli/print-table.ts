/** A plain, aligned terminal table: numbers right-aligned, text left-aligned. */
export function printTable(out: (line?: string) => void, title: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): void {
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[columns[i]] === 'number'));
  const line = (values: string[]) => values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  out(title);
  out(line([...columns]));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) out(line(row));
  out();
}
