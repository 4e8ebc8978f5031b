import type { Annotation } from '../document.js';

/** An annotation row as the store holds it: its row id, document row and parsed JSON data. */
export interface StoredAnnotation extends Annotation {
  readonly id: number;
  readonly document: number;
}
