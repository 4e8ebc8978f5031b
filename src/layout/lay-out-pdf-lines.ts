/**
 * PDF lines. To do.
 */
import type { RawDocument } from '../document.js';
import type { Report } from '../message.js';
import type { PageFurniture } from './build-laid-out-text.js';
import { type LayoutLine, toLayoutLines } from './layout-line.js';
import type { LayoutVocabulary } from './layout-vocabulary.js';
import type { LayoutOptions } from './options.js';

export function layOutPdfLines(raw: RawDocument, options: LayoutOptions, vocabulary: LayoutVocabulary, report: Report): { lines: LayoutLine[]; furniture: Map<number, PageFurniture> } {
  void options;
  void vocabulary;
  void report;
  return { lines: toLayoutLines(raw.pages.flatMap((p) => p.lines)), furniture: new Map() };
}
