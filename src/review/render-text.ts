/**
 * Renders a stretch [from, to) of a document's normalized text as HTML pieces, cut at every span
 * boundary: each piece is `<span data-s="offset">` (so the client can turn a selection back into
 * offsets) carrying the classes and ids of the highlights that cover it; zero-width inserts (footnote
 * markers, provision labels, page breaks, anchors) are placed at their offsets. Text is always escaped.
 * One pass over sorted boundaries: O((pieces + highlights) · overlap depth).
 */
import { escapeHtml } from './html.js';

export interface Highlight {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly className: string;
}

export interface Insert {
  readonly at: number;
  /** Markup built by this app (already escaped). */
  readonly html: string;
}

export function renderText(text: string, from: number, to: number, highlights: readonly Highlight[], inserts: readonly Insert[]): string {
  const spans = highlights.filter((h) => h.end > h.start && h.end > from && h.start < to).slice().sort((a, b) => a.start - b.start);
  // An insert exactly at `to` belongs to the next stretch, except at the end of the text.
  const insertsHere = inserts.filter((i) => i.at >= from && (i.at < to || (i.at === to && to === text.length))).slice().sort((a, b) => a.at - b.at);
  const points = new Set<number>([from, to]);
  for (const h of spans) {
    points.add(Math.max(from, h.start));
    points.add(Math.min(to, h.end));
  }
  for (const i of insertsHere) points.add(i.at);
  const sorted = [...points].sort((a, b) => a - b);
  const active: Highlight[] = [];
  let next = 0;
  let nextInsert = 0;
  const out: string[] = [];
  for (let p = 0; p < sorted.length; p++) {
    const at = sorted[p];
    while (nextInsert < insertsHere.length && insertsHere[nextInsert].at === at) out.push(insertsHere[nextInsert++].html);
    if (p === sorted.length - 1) break;
    const end = sorted[p + 1];
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= at) active.splice(i, 1);
    while (next < spans.length && spans[next].start <= at) {
      if (spans[next].end > at) active.push(spans[next]);
      next++;
    }
    const piece = escapeHtml(text.slice(at, end));
    if (!active.length) {
      out.push(`<span data-s="${at}">${piece}</span>`);
    } else {
      const classes = [...new Set(active.flatMap((h) => h.className.split(' ')))].join(' ');
      out.push(`<span data-s="${at}" class="hl ${escapeHtml(classes)}" data-a="${escapeHtml(active.map((h) => h.id).join(' '))}">${piece}</span>`);
    }
  }
  return out.join('');
}
