/**
 * Plain text and Markdown: bytes → RawDocument with one RawLine per line; form feeds split pages.
 *
 * Decoding is decode-text.ts; this module turns its outcome into report messages (binary → fail,
 * Windows-1252 fallback → info, NUL bytes removed → warning), records `info.encoding`, and for
 * Markdown takes `info.title` from front matter or the first "# " heading. Plain text leaves the
 * title to the orchestrator.
 */
import type { RawDocument, SourceFormat } from '../document.js';
import type { Report } from '../message.js';
import { assemblePages, type PageDraft } from './assemble-pages.js';
import { decodeText } from './decode-text.js';
import { markdownTitle } from './markdown-title.js';

const SOURCE = 'extract-text';

export function extractText(file: string, bytes: Uint8Array, format: Exclude<SourceFormat, 'pdf'>, report: Report): RawDocument {
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') {
    report.fail('extract', SOURCE, 'binary', `the file is named as text but ${decoded.description}; give it the right extension or remove it from the input`);
  }
  const { text, encoding, nulsRemoved } = decoded;
  if (encoding === 'windows-1252') {
    report.info('extract', SOURCE, 'windows-1252', 'the file is not valid UTF-8; it was decoded as Windows-1252 (check accented letters, or save it as UTF-8)');
  }
  if (nulsRemoved) {
    report.warn('extract', SOURCE, 'nul-bytes', `${nulsRemoved} NUL character(s) were removed from the text; the file may be partly damaged or in an unusual encoding`);
  }
  const drafts: PageDraft[] = text.split('\f').map((page, i) => ({ number: i + 1, lines: page.split('\n').map((line) => ({ text: line })) }));
  const { sourceText, pages } = assemblePages(drafts);
  const title = format === 'md' ? markdownTitle(text) : undefined;
  return { file, format, sourceText, pages, info: title === undefined ? { encoding } : { title, encoding } };
}
