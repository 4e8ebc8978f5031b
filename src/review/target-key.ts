/**
 * The stable key a review decision uses for an annotation, besides the document's content hash and the
 * span: what the annotation claims (the theme, the instrument, the cited work), so a re-run that finds
 * the same thing at the same place meets the same decisions, and one that changes its mind does not.
 * Reads `data` defensively: annotators are free to omit fields.
 */
import type { ReviewAnnotation } from '../store/review-store.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null);

export function targetKey(annotation: Pick<ReviewAnnotation, 'kind' | 'rule' | 'data'>): string {
  const d = annotation.data;
  switch (annotation.kind) {
    case 'theme-code':
      return text(d.themeId) ?? annotation.rule;
    case 'instrument-mention':
    case 'claim':
      return text(d.instrumentId) ?? annotation.rule;
    case 'reference':
      return text(d.workKey) ?? `note ${text(d.noteNumber) ?? '?'}#${text(d.refIndex) ?? '0'}`;
    default:
      return annotation.rule;
  }
}
