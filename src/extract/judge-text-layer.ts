/**
 * Decides whether extracted text can be trusted, and says why not through the report.
 *
 * Takes the RawDocument, what the PDF reader found (damaged compressed streams, unreadable pages) and
 * the options. Fails the document when a PDF has no text layer at all, or when its content is damaged
 * and little text came out; flags it when the text is garbled (see assess-text-layer.ts) or came from
 * damaged streams; warns about single garbled pages and notes pages without text. Every reason says
 * what to do next.
 */
import type { RawDocument } from '../document.js';
import type { Report } from '../message.js';
import { assessTextLayer } from './assess-text-layer.js';
import { describeDamagedStreams, type DamagedStream } from './find-damaged-streams.js';
import type { ExtractOptions } from './options.js';

const SOURCE = 'judge-text-layer';
/** Fewer non-space characters per page than this, with damaged streams, is "little or no text". */
const LITTLE_TEXT_PER_PAGE = 200;
/** Words counted before a share is trusted (a page number and a heading prove nothing). */
const MIN_TOKENS_DOCUMENT = 20;
const MIN_TOKENS_PAGE = 30;
/** Above this share of plausible words, a low share of common words means another language, not garbage. */
const PLAUSIBLE_ENOUGH = 0.8;

export interface PdfFindings {
  readonly damagedStreams: readonly DamagedStream[];
  readonly unreadablePages: readonly number[];
}

function letterCount(raw: RawDocument): { chars: number; pagesWithText: number[]; pagesWithout: number[] } {
  let chars = 0;
  const pagesWithText: number[] = [];
  const pagesWithout: number[] = [];
  for (const page of raw.pages) {
    let pageChars = 0;
    for (const line of page.lines) {
      for (let i = 0; i < line.text.length; i++) if (line.text.charCodeAt(i) > 32) pageChars++;
    }
    chars += pageChars;
    (pageChars ? pagesWithText : pagesWithout).push(page.number);
  }
  return { chars, pagesWithText, pagesWithout };
}

export function judgeTextLayer(raw: RawDocument, findings: PdfFindings | null, options: ExtractOptions, report: Report): void {
  const isPdf = raw.format === 'pdf';
  const { chars, pagesWithText, pagesWithout } = letterCount(raw);
  const pageCount = raw.pages.length;
  if (findings?.damagedStreams.length) {
    const damage = describeDamagedStreams(findings.damagedStreams);
    if (chars < LITTLE_TEXT_PER_PAGE * pageCount) {
      report.fail('extract', SOURCE, 'damaged-content', `${damage}, and little or no text could be extracted (${chars} characters from ${pageCount} page(s)); obtain an intact copy of the file, or repair it (e.g. print it to a new PDF) and run OCR if needed`);
    }
    report.flag('extract', SOURCE, 'damaged-content', `${damage}; the text read past the damage may be incomplete or wrong; compare it with the rendered pages or obtain an intact copy`);
  }
  if (isPdf && pageCount > 0 && pagesWithText.length === 0) {
    report.fail('extract', SOURCE, 'no-text-layer', `the PDF has no text layer (none of its ${pageCount} page(s) has extractable text; it is probably scanned images); run OCR on it first (e.g. \`ocrmypdf input.pdf output.pdf\`) and process the OCR'd copy`);
  }
  if (!isPdf && chars === 0) {
    report.fail('extract', SOURCE, 'no-text', 'the file contains no text (only whitespace); replace it with the intended file or remove it from the input');
  }
  const assessment = assessTextLayer(raw.pages);
  const counted = assessment.common + assessment.plausible + assessment.unrecognized;
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  const garbled =
    counted >= MIN_TOKENS_DOCUMENT &&
    (assessment.recognizedShare < options.minWordShare ||
      (assessment.commonShare < options.minCommonWordShare && assessment.recognizedShare < PLAUSIBLE_ENOUGH));
  if (garbled) {
    const evidence = `only ${percent(assessment.recognizedShare)} of its ${counted} words are recognizable and ${percent(assessment.commonShare)} are common English or Indonesian words`;
    report.flag('extract', SOURCE, 'garbled-text', isPdf
      ? `the PDF's text layer is garbled: ${evidence} (its fonts probably lack a usable character map, or the OCR is poor); the text cannot be trusted; OCR the rendered pages (e.g. \`ocrmypdf --force-ocr input.pdf output.pdf\`) and process that copy`
      : `the text looks garbled: ${evidence}; check the file's encoding or source and save it as UTF-8 text`, { actual: percent(assessment.recognizedShare), expected: `≥ ${percent(options.minWordShare)}` });
    return;
  }
  const badPages = assessment.pages.filter((p) => p.common + p.plausible + p.unrecognized >= MIN_TOKENS_PAGE && p.recognizedShare < options.minWordShare);
  if (badPages.length) {
    report.warn('extract', SOURCE, 'garbled-pages', `the text of page(s) ${badPages.map((p) => `${p.page} (${percent(p.recognizedShare)} recognizable)`).join(', ')} looks garbled; annotations from those pages may be wrong; check them against the rendered pages`);
  }
  if (isPdf && pagesWithout.length && !findings?.unreadablePages.length) {
    report.info('extract', SOURCE, 'pages-without-text', `page(s) ${pagesWithout.join(', ')} have no extractable text (images or blank pages); run OCR if they hold text that matters`);
  }
}
