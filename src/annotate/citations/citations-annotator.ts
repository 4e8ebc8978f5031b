/**
 * The citations annotator: a TelaahDocument → annotations of kind
 * - 'reference': one per work cited in a footnote (a note citing two works gives two) or per
 *   bibliography entry, with the parsed fields, the back-reference it makes (resolved to the earlier
 *   note and reference) or the reason it could not be resolved, and the work key;
 * - 'note': a footnote that comments rather than cites (rule 'commentary'), or that is about the
 *   article itself: corresponding author, affiliation, funding (rule 'author-note');
 * - a footnote citing a treaty or statute the instruments annotator found is a 'reference' with rule
 *   'instrument': the instrument's full title as its title, no author;
 * - 'in-text-citation': an author–year citation in the body, linked to the bibliography entry it
 *   names when there is one.
 * Every span lies inside the note or entry it came from, so `text.slice(start, end)` is the
 * reference as printed. Unresolved back-references are also reported as warnings.
 */
import type { AnnotatorDefinition } from '../annotator.js';
import { pageAt, type Annotation, type TelaahDocument } from '../../document.js';
import type { Report } from '../../message.js';
import type { CitationsOptions } from './options.js';
import { findBibliography } from './find-bibliography.js';
import { findInTextCitations } from './find-in-text-citations.js';
import { parseReference, type ParsedReference } from './parse-reference.js';
import { loadReferenceLabeller } from './reference-labeller-model.js';
import { resolveNoteCitations, type ResolvedBackReference } from './resolve-note-citations.js';
import { familyOf, similarNames, workKey } from './same-work.js';

export const CITATIONS_ID = 'citations';
/** The annotator's version: the code's, and the learned labeller's weights it parses references with. */
export const CITATIONS_VERSION = `0.4.0+${loadReferenceLabeller()?.version ?? 'rules'}`;

/** A parsed reference as stored: its fields, where it stands, and what it repeats. */
export interface ReferenceData extends ParsedReference {
  readonly noteNumber: number | null;
  readonly refIndex: number;
  readonly backReference: ResolvedBackReference | null;
  readonly unresolved: string | null;
  /** Null for a back-reference: its work is the one it refers to. */
  readonly workKey: string | null;
}

export interface InTextCitationData {
  readonly authors: readonly string[];
  readonly year: string;
  readonly pinpoint: string | null;
  /** refIndex of the bibliography reference it names, or null. */
  readonly referenceIndex: number | null;
}

const LABEL = /^\s{0,3}(\d{1,4})[.)]?\s/;

export const citationsAnnotator: AnnotatorDefinition<CitationsOptions> = {
  id: CITATIONS_ID,
  version: CITATIONS_VERSION,
  // Instrument mentions inside a note tell a statute citation from a reference.
  reads: ['instruments'],
  create(options) {
    return (doc: TelaahDocument, report: Report): readonly Annotation[] => {
      if (!options.enabled) return [];
      const out: Annotation[] = [];
      const make = <D>(kind: string, rule: string, start: number, end: number, data: D): Annotation =>
        ({ kind, rule, start, end, page: pageAt(doc, start), source: CITATIONS_ID, version: CITATIONS_VERSION, inFootnote: start >= doc.notesStart, data }) as Annotation;

      // Footnotes: the text after the note's own label, if layout left it in the span.
      const notes = doc.footnotes.map((f) => {
        const text = doc.text.slice(f.start, f.end);
        const label = LABEL.exec(text);
        const skip = label && Number(label[1]) === f.number ? label[0].length : 0;
        const offset = f.start + skip;
        const mentions = doc.annotations
          .filter((a) => a.kind === 'instrument-mention' && a.start >= offset && a.end <= f.end)
          .map((a) => {
            const data = a.data as { instrumentId: string; statute?: { year: number } };
            return { start: a.start - offset, end: a.end - offset, instrumentId: data.instrumentId, statuteYear: data.statute?.year ?? null };
          });
        return { number: f.number, text: text.slice(skip), offset, mentions };
      });
      const offsets = new Map(notes.map((n) => [n.number, n.offset]));
      for (const c of resolveNoteCitations(notes)) {
        const base = offsets.get(c.noteNumber)!;
        if (c.kind === 'note') {
          out.push(make('note', c.rule, base + c.start, base + c.end, { noteNumber: c.noteNumber }));
          continue;
        }
        const data = referenceData(c.parsed, c.noteNumber, c.refIndex, c.backReference, c.unresolved);
        out.push(make('reference', c.backReference || c.unresolved ? 'back-reference' : c.rule, base + c.start, base + c.end, data));
        if (c.unresolved && options.warnUnresolved) {
          report.warn('annotate', CITATIONS_ID, 'unresolved-back-reference', `note ${c.noteNumber}: ${c.unresolved}; check the note and name the work it repeats`, {
            span: { start: base + c.start, end: base + c.end },
            page: pageAt(doc, base + c.start),
          });
        }
      }

      // Bibliography entries.
      const bibliography: { refIndex: number; ref: ParsedReference }[] = [];
      if (options.bibliography) {
        findBibliography(doc.text, doc.segments.paragraphs).forEach((span, refIndex) => {
          const raw = doc.text.slice(span.start, span.end);
          const ref = parseReference(raw);
          bibliography.push({ refIndex, ref });
          out.push(make('reference', 'bibliography', span.start, span.end, referenceData(ref, null, refIndex, null, null)));
        });
      }

      // Author–year citations in the body.
      if (options.inText) {
        for (const c of findInTextCitations(doc.text, doc.notesStart)) {
          const family = familyOf(c.authors[0]);
          const match = bibliography.find((b) => b.ref.year === c.year && b.ref.authors.length && similarNames(familyOf(b.ref.authors[0]), family));
          const data: InTextCitationData = { authors: c.authors, year: c.year, pinpoint: c.pinpoint, referenceIndex: match ? match.refIndex : null };
          out.push(make('in-text-citation', 'author-year', c.start, c.end, data));
        }
      }
      return out.sort((a, b) => a.start - b.start || a.end - b.end);
    };
  },
};

function referenceData(
  ref: ParsedReference,
  noteNumber: number | null,
  refIndex: number,
  backReference: ResolvedBackReference | null,
  unresolved: string | null,
): ReferenceData {
  const isBack = !!backReference || !!unresolved;
  return {
    noteNumber,
    refIndex,
    raw: ref.raw,
    authors: ref.authors,
    authorNames: ref.authorNames,
    year: ref.year,
    title: ref.title,
    container: ref.container,
    volume: ref.volume,
    issue: ref.issue,
    pages: ref.pages,
    pinpoint: ref.pinpoint,
    publisher: ref.publisher,
    place: ref.place,
    doi: ref.doi,
    url: ref.url,
    accessed: ref.accessed,
    backReference,
    unresolved,
    workKey: isBack ? null : workKey(ref),
  };
}
