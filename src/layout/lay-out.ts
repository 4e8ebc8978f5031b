/**
 * Layout: RawDocument → LaidOutText, the one normalized text with pages, footnotes, markers, statute
 * provisions and an offset map back to the source. The flow, in order:
 *   lines → (PDF: columns, running headers/footers, footnotes by type size and position, superscript
 *   markers) | (text: page numbers and running lines, pages inferred from the numbers; Markdown
 *   footnotes or footnote blocks by numbering) → glued markers linked to
 *   notes → inline artefacts cut → paragraph breaks → text assembled → provisions found.
 * Every step only classifies lines or marks ranges to cut; `buildLaidOutText` alone writes text, so
 * the offset map records every edit.
 */
import type { LaidOutText, Marker, RawDocument } from '../document.js';
import type { Report } from '../message.js';
import { buildLaidOutText, type PageFurniture } from './build-laid-out-text.js';
import { documentLexicon } from './document-lexicon.js';
import { findInlineCuts } from './find-inline-cuts.js';
import { findMarkdownFootnotes } from './find-markdown-footnotes.js';
import { findMarkerCandidates } from './find-marker-candidates.js';
import { findSuperscriptMarkers } from './find-superscript-markers.js';
import { findProvisions } from './find-provisions.js';
import { findTextFootnotes } from './find-text-footnotes.js';
import { findTextFurniture } from './find-text-furniture.js';
import { layOutPdfLines } from './lay-out-pdf-lines.js';
import { type LayoutLine, toLayoutLines } from './layout-line.js';
import { loadLayoutVocabulary } from './layout-vocabulary.js';
import { linkMarkers } from './link-markers.js';
import { markParagraphBreaks } from './mark-paragraph-breaks.js';
import type { LayoutOptions } from './options.js';

export function layOut(raw: RawDocument, options: LayoutOptions, report: Report): LaidOutText {
  const vocabulary = loadLayoutVocabulary();
  const isPdf = raw.format === 'pdf' && raw.pages.some((p) => p.lines.some((l) => l.y !== undefined));
  let lines: LayoutLine[];
  let furniture = new Map<number, PageFurniture>();
  let markdown = false;
  let pageNumbers = raw.pages.map((p) => p.number);
  if (isPdf) {
    const laid = layOutPdfLines(raw, options, vocabulary, report);
    lines = laid.lines;
    furniture = laid.furniture;
  } else {
    lines = toLayoutLines(raw.pages.flatMap((p) => p.lines));
    if (options.headers) {
      const paged = findTextFurniture(lines, vocabulary, raw.pages.length);
      lines = paged.lines;
      furniture = paged.furniture;
      pageNumbers = paged.pageNumbers;
    }
    if (options.footnotes) {
      markdown = findMarkdownFootnotes(lines);
      if (!markdown) findTextFootnotes(lines, vocabulary);
    }
  }

  const notes = new Map<number, LayoutLine>();
  for (const line of lines) if (line.role === 'note' && line.note !== undefined && !notes.has(line.note)) notes.set(line.note, line);
  if (options.footnotes) {
    // PDFs: raised or smaller digits are calls whatever follows; glued digits only back them up.
    const superscripts = isPdf ? findSuperscriptMarkers(lines) : [];
    const called = new Set(superscripts.map((c) => c.number));
    const glued = notes.size || markdown ? findMarkerCandidates(lines, markdown).filter((c) => !called.has(c.number)) : [];
    linkMarkers([...superscripts, ...glued], notes);
  }
  // Cuts are appended one by one: a long line can have more cuts than a spread call takes arguments.
  if (options.dehyphenate) for (const line of lines) if (line.role === 'body') for (const cut of findInlineCuts(line)) line.cuts.push(cut);
  markParagraphBreaks(lines);

  const lexicon = documentLexicon(lines.filter((l) => l.role === 'body' || l.role === 'note').map((l) => l.raw.text));
  const prefixes = new Set(options.dehyphenate ? vocabulary.hyphenPrefixes.map((p) => p.toLowerCase()) : []);
  const built = buildLaidOutText(lines, pageNumbers, furniture, lexicon, prefixes);
  const markers: Marker[] = built.markers.map((m) => ({ ...m, linked: notes.has(m.number) }));
  const unlinked = markers.filter((m) => !m.linked).length;
  if (unlinked) report.info('layout', 'layout', 'unlinked-markers', `${unlinked} footnote marker(s) call no footnote found in the document`);
  const bodyParagraphs = built.paragraphs.filter((p) => p.end <= built.notesStart);
  const provisions = findProvisions(built.text, bodyParagraphs, vocabulary);
  return {
    text: built.text,
    notesStart: built.notesStart,
    pages: built.pages,
    footnotes: built.footnotes,
    markers,
    provisions,
    sourceMap: built.sourceMap,
    paragraphs: built.paragraphs,
  };
}
