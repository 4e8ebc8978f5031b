/**
 * Statute structure. To do: provisions.
 */
import type { Provision } from '../document.js';
import type { Span } from '../span.js';
import type { LayoutVocabulary } from './layout-vocabulary.js';

export function findProvisions(text: string, paragraphs: readonly Span[], vocabulary: LayoutVocabulary): Provision[] {
  void text;
  void paragraphs;
  void vocabulary;
  return [];
}
