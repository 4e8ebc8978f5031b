/**
 * Links marker candidates to footnotes and turns the chosen ones into cuts on their lines. For each
 * footnote in number order, the marker is the strongest candidate with its number that stands after
 * the previous note's marker and before the note itself (a note follows its call); among equals,
 * the first. Markdown references are unambiguous: every one becomes a marker, linked when its note
 * exists. Candidates calling no footnote are left in the text (a glued number is not a call).
 */
import type { MarkerCandidate } from './find-marker-candidates.js';
import type { LayoutLine } from './layout-line.js';

export function linkMarkers(candidates: readonly MarkerCandidate[], notes: ReadonlyMap<number, LayoutLine>): void {
  const explicit = candidates.filter((c) => c.explicit);
  for (const c of explicit) cut(c);
  const glued = candidates.filter((c) => !c.explicit);
  if (!glued.length) return;
  const numbers = [...notes.keys()].sort((a, b) => a - b);
  let after = -1; // position (line index * 1e6 + offset) of the previous chosen marker
  for (const n of numbers) {
    const note = notes.get(n)!;
    let best: MarkerCandidate | null = null;
    let bestStrength = -1;
    for (const c of glued) {
      if (c.number !== n) continue;
      const at = c.line.index * 1e6 + c.digitsStart;
      if (at <= after || c.line.index >= note.index) continue;
      const s = strength(c);
      if (s > bestStrength) {
        best = c;
        bestStrength = s;
      }
    }
    if (best) {
      cut(best);
      after = best.line.index * 1e6 + best.digitsStart;
    }
  }
}

/** Digits after word + punctuation ("politik.1") are the usual call; after a bare word or a year less so. */
function strength(c: MarkerCandidate): number {
  const text = c.line.raw.text;
  const before = text[c.digitsStart - 1] ?? '';
  if (/[.,;:!?"'”’)\]]/.test(before)) {
    const beforeThat = text[c.digitsStart - 2] ?? '';
    return /\d/.test(beforeThat) ? 0 : 2;
  }
  return 1;
}

function cut(c: MarkerCandidate): void {
  c.line.cuts.push({ start: c.cutStart, end: c.cutEnd, number: c.number, digitsStart: c.digitsStart, digitsEnd: c.digitsEnd });
}
