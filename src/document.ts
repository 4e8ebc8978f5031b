/**
 * The one document model. Extraction yields a RawDocument (lines with their source offsets and, for
 * PDFs, their geometry); layout turns it into a TelaahDocument with one normalized `text`. Every later
 * structure (pages, footnotes, markers, paragraphs, sentences, annotations) is a `[start, end)` span of
 * UTF-16 offsets into that text. Body text comes first; footnote texts follow it, one per line, from
 * `notesStart` on, so footnotes can be segmented and annotated like the body.
 */
import type { Span } from './span.js';
import type { OffsetMapData } from './offset-map.js';

export type Language = 'id' | 'en' | 'und';
export type SourceFormat = 'pdf' | 'txt' | 'md';

/** One positioned run of text from pdfjs (coordinates in PDF points, origin bottom-left). */
export interface TextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly fontName: string;
}

export interface RawLine {
  readonly text: string;
  /** Page number, from 1 in file order. */
  readonly page: number;
  /** Offsets of this line in RawDocument.sourceText. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Geometry, PDFs only: baseline-left corner, width, dominant font size. */
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly fontSize?: number;
  /** The items that make up the line, left to right (PDFs only); text === items' texts joined. */
  readonly items?: readonly TextItem[];
}

export interface RawPage {
  readonly number: number;
  readonly width?: number;
  readonly height?: number;
  readonly lines: readonly RawLine[];
}

export interface RawDocument {
  readonly file: string;
  readonly format: SourceFormat;
  /** The extracted text as the extractor saw it: lines joined by "\n", pages by "\f". Source offsets index it. */
  readonly sourceText: string;
  readonly pages: readonly RawPage[];
  readonly info: { readonly title?: string | null; readonly author?: string | null; readonly encoding?: string };
}

export interface Page extends Span {
  readonly number: number;
  /** The printed page label ("27", "iv", "- 2 -" → "2"), when one was found. */
  readonly label: string | null;
  /** Running header and footer lines removed from this page's body. */
  readonly header: readonly string[];
  readonly footer: readonly string[];
}

export interface Footnote extends Span {
  readonly number: number;
  /** Page the note starts on. */
  readonly page: number;
}

/** A footnote marker removed from the running text; a zero-width span where it stood. */
export interface Marker extends Span {
  readonly number: number;
  readonly page: number;
  /** Offsets of the marker digits in the source text. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Whether a footnote with this number exists in the document. */
  readonly linked: boolean;
}

export type ProvisionKind =
  | 'bab' | 'bagian' | 'paragraf' | 'pasal' | 'ayat' | 'huruf' | 'penjelasan'
  | 'part' | 'chapter' | 'article' | 'section' | 'paragraph';

/** A statute structure unit: the span it governs and its full label ("Pasal 28D ayat (1)"). */
export interface Provision extends Span {
  readonly kind: ProvisionKind;
  readonly label: string;
}

export interface Segment extends Span {
  readonly kind: 'paragraph' | 'sentence';
  readonly page: number;
  readonly language: Language;
  readonly inFootnote: boolean;
  /** Index of the enclosing paragraph (sentences only). */
  readonly paragraph?: number;
}

/** What an annotator produces: a span, where it came from, and a JSON-serializable payload. */
export interface Annotation<D = Record<string, unknown>> extends Span {
  readonly kind: string;
  readonly page: number;
  /** Annotator id and version that made it. */
  readonly source: string;
  readonly version: string;
  readonly rule: string;
  readonly inFootnote: boolean;
  readonly data: D;
}

export interface LaidOutText {
  readonly text: string;
  readonly notesStart: number;
  readonly pages: readonly Page[];
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly Marker[];
  readonly provisions: readonly Provision[];
  /** Maps normalized offsets back to RawDocument.sourceText. */
  readonly sourceMap: OffsetMapData;
  /** Body paragraph boundaries found by layout (segmenting refines sentences inside them). */
  readonly paragraphs: readonly Span[];
}

export interface TelaahDocument extends LaidOutText {
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly format: SourceFormat;
  readonly title: string | null;
  readonly language: Language;
  readonly pageCount: number;
  readonly segments: {
    readonly paragraphs: readonly Segment[];
    readonly sentences: readonly Segment[];
  };
  readonly annotations: readonly Annotation[];
}

/** Page number of an offset: body pages by range, note text by its footnote's page. */
export function pageAt(doc: Pick<LaidOutText, 'pages' | 'footnotes' | 'notesStart'>, offset: number): number {
  if (offset >= doc.notesStart) {
    for (const note of doc.footnotes) if (offset >= note.start && offset <= note.end) return note.page;
  }
  const pages = doc.pages;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < pages[mid].start) hi = mid - 1;
    else if (offset >= pages[mid].end && mid < pages.length - 1) lo = mid + 1;
    else return pages[mid].number;
  }
  return pages.length ? pages[Math.max(0, Math.min(lo, pages.length - 1))].number : 1;
}

export function inFootnotes(doc: Pick<LaidOutText, 'notesStart'>, offset: number): boolean {
  return offset >= doc.notesStart;
}
