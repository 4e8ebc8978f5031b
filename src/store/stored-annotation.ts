/** An annotation row as the store holds it: its row id, document row and parsed JSON data. */
export interface StoredAnnotation {
  readonly id: number;
  readonly document: number;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly source: string;
  readonly version: string;
  readonly rule: string;
  readonly inFootnote: boolean;
  readonly data: Record<string, unknown>;
}
