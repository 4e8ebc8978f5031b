/**
 * Spans: half-open `[start, end)` ranges of UTF-16 code units into a document's normalized text.
 * Every annotation in Telaah is one of these; `text.slice(start, end)` is its surface.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Index of the span containing `offset` in a sorted, non-overlapping list, or -1. Binary search. */
export function findSpanIndex(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
