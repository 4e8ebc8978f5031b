/**
 * Test helper: extracts and lays out one file with default options, and gives the body paragraphs,
 * a footnote's page and text by number, and a page's furniture, for specifications on named documents.
 */
import { readFileSync } from 'node:fs';
import { extractFile } from '../../src/extract/extract-file.js';
import { extractOptions } from '../../src/extract/options.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';

export async function layOutFile(file: string) {
  const report = new Report(file);
  const raw = await extractFile(file, readFileSync(file), extractOptions.parse({}), report);
  const laid = layOut(raw, layoutOptions.parse({}), report);
  const body = laid.paragraphs.filter((p) => p.end <= laid.notesStart).map((p) => laid.text.slice(p.start, p.end));
  const note = (n: number) => {
    const f = laid.footnotes.find((x) => x.number === n);
    return f ? { page: f.page, text: laid.text.slice(f.start, f.end) } : null;
  };
  const page = (n: number) => laid.pages.find((p) => p.number === n)!;
  return { raw, laid, body, note, page, report };
}
