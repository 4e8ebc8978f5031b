/**
 * An annotation in the form the store writes it: `data` already serialized, and the indexed `key` and
 * `level` columns already read out of it. Workers encode their annotations before sending them to the
 * single writer thread: a flat object with one string crosses threads far cheaper than nested data, and
 * the JSON work stays off the writer, whose share of the run bounds what more cores can gain.
 */
import { createHash } from 'node:crypto';
import type { Annotation } from '../document.js';

export interface EncodedAnnotation extends Omit<Annotation, 'inFootnote' | 'data'> {
  /** 1 inside a footnote, as stored. */
  readonly inFootnote: 0 | 1;
  /** `Annotation.data` as JSON. */
  readonly data: string;
  /** What the annotation is about: a theme, an instrument or a work (indexed). */
  readonly key: string | null;
  /** Theme codes: 'sentence' or 'paragraph'. */
  readonly level: string | null;
}

function annotationKey(data: Record<string, unknown>): string | null {
  for (const field of ['themeId', 'instrumentId', 'workKey']) if (typeof data[field] === 'string') return data[field] as string;
  return null;
}

export function encodeAnnotation(a: Annotation): EncodedAnnotation {
  return {
    kind: a.kind, start: a.start, end: a.end, page: a.page, source: a.source, version: a.version, rule: a.rule,
    inFootnote: a.inFootnote ? 1 : 0, data: JSON.stringify(a.data), key: annotationKey(a.data),
    level: typeof a.data.level === 'string' ? a.data.level : null,
  };
}

/** What identifies an annotation's content (everything but its version): equal identities, same annotation. */
export function annotationIdentity(a: Pick<EncodedAnnotation, 'kind' | 'start' | 'end' | 'page' | 'rule' | 'inFootnote' | 'data'>): string {
  return `${a.kind}\u0000${a.start}\u0000${a.end}\u0000${a.page}\u0000${a.rule}\u0000${a.inFootnote}\u0000${a.data}`;
}

/** The same identity computed by SQLite from an `annotations` row (integers print alike in both). */
export const ANNOTATION_IDENTITY_SQL =
  `kind || char(0) || start || char(0) || "end" || char(0) || page || char(0) || rule || char(0) || in_footnote || char(0) || data`;

/** How many annotations a document has of one annotator, kind, key, level and place (body or footnote). */
export interface AnnotationCount {
  readonly source: string;
  readonly kind: string;
  readonly key: string | null;
  readonly level: string | null;
  readonly inFootnote: 0 | 1;
  readonly n: number;
}

/**
 * Counts a document's annotations for the store's `annotation_counts` table, from which corpus tables
 * (the theme × document matrix, annotations by kind) are read without scanning millions of rows.
 */
export function countAnnotations(annotations: readonly EncodedAnnotation[]): AnnotationCount[] {
  const counts = new Map<string, { -readonly [K in keyof AnnotationCount]: AnnotationCount[K] }>();
  for (const a of annotations) {
    const id = `${a.source}\u0000${a.kind}\u0000${a.key}\u0000${a.level}\u0000${a.inFootnote}`;
    const count = counts.get(id);
    if (count) count.n++;
    else counts.set(id, { source: a.source, kind: a.kind, key: a.key, level: a.level, inFootnote: a.inFootnote, n: 1 });
  }
  return [...counts.values()];
}

/**
 * A digest of one annotator's whole output for a document (versions and identities in output order).
 * Kept per document and annotator: a re-run whose output digest equals the stored one changed
 * nothing, and its stored rows need not even be read.
 */
export function outputDigest(annotations: readonly EncodedAnnotation[]): string {
  const hash = createHash('sha256');
  // Versions count here (unlike in identities): a version bump with the same output still restamps rows.
  for (const a of annotations) hash.update(`${a.version}\u0000${annotationIdentity(a)}\u0001`);
  return hash.digest('hex').slice(0, 32);
}

/** The output digest of each annotator in `sources`, from the annotations it produced. */
export function outputDigests(sources: readonly string[], annotations: readonly EncodedAnnotation[]): Record<string, string> {
  const bySource = new Map<string, EncodedAnnotation[]>(sources.map((source) => [source, []]));
  for (const a of annotations) bySource.get(a.source)?.push(a);
  return Object.fromEntries([...bySource].map(([source, own]) => [source, outputDigest(own)]));
}
