/**
 * Plain text and Markdown: bytes → RawDocument with one RawLine per line; form feeds split pages.
 * To do: encoding detection (decode-text.ts) and Markdown titles.
 */
import type { RawDocument, SourceFormat } from '../document.js';
import type { Report } from '../message.js';
import { assemblePages, type PageDraft } from './assemble-pages.js';

export function extractText(file: string, bytes: Uint8Array, format: Exclude<SourceFormat, 'pdf'>, report: Report): RawDocument {
  void report;
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  const drafts: PageDraft[] = text.split('\f').map((page, i) => ({ number: i + 1, lines: page.split('\n').map((line) => ({ text: line })) }));
  const { sourceText, pages } = assemblePages(drafts);
  return { file, format, sourceText, pages, info: { encoding: 'utf-8' } };
}
