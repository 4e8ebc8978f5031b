/**
 * Assembles per-page lines into RawDocument's `sourceText` and `pages`.
 *
 * Takes pages in file order, each with its lines (text plus optional geometry); returns the source
 * text (lines joined by "\n", pages by "\f") and RawPages whose lines carry their offsets in it.
 * Guarantees `sourceText.slice(line.sourceStart, line.sourceEnd) === line.text` for every line.
 */
import type { RawLine, RawPage, TextItem } from '../document.js';

export interface PageDraft {
  readonly number: number;
  readonly width?: number;
  readonly height?: number;
  readonly lines: readonly LineInput[];
}

export interface LineInput {
  readonly text: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly fontSize?: number;
  readonly items?: readonly TextItem[];
}

export function assemblePages(drafts: readonly PageDraft[]): { sourceText: string; pages: RawPage[] } {
  const parts: string[] = [];
  const pages: RawPage[] = [];
  let offset = 0;
  drafts.forEach((draft, p) => {
    if (p > 0) {
      parts.push('\f');
      offset += 1;
    }
    const lines: RawLine[] = [];
    draft.lines.forEach((line, i) => {
      if (i > 0) {
        parts.push('\n');
        offset += 1;
      }
      parts.push(line.text);
      lines.push({ ...line, page: draft.number, sourceStart: offset, sourceEnd: offset + line.text.length });
      offset += line.text.length;
    });
    pages.push({ number: draft.number, width: draft.width, height: draft.height, lines });
  });
  return { sourceText: parts.join(''), pages };
}
