/**
 * Settles ambiguous short forms ("Protokol 1967", "Prinsip-Prinsip Panduan", "the 1951 Convention")
 * from context. Takes the matches of one document, its text, the registry and the window size;
 * returns, for each match, the one instrument id it denotes and whether context decided it, or null
 * when it stays ambiguous (such a match is dropped, not guessed). A candidate is supported when one
 * of its `context` words occurs within the window around the form (strong), or when the document
 * names it, or an instrument listed in its `context`, unambiguously (weak). The single
 * strongest-supported candidate wins; a tie stays unresolved.
 */
import type { Registry } from './registry.js';
import type { InstrumentMatch } from './match-instruments.js';

function hasWord(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(word, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : haystack[i - 1];
    const after = haystack[i + word.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}

export function resolveAmbiguous(matches: readonly InstrumentMatch[], text: string, registry: Registry, window: number): (string | null)[] {
  const named = new Set<string>();
  for (const m of matches) if (!m.ambiguous) named.add(m.candidates[0]);
  return matches.map((m) => {
    if (!m.ambiguous) return m.candidates[0];
    const around = text.slice(Math.max(0, m.start - window), Math.min(text.length, m.end + window)).toLowerCase();
    let best: string | null = null;
    let bestScore = 0;
    let tie = false;
    for (const id of m.candidates) {
      const inst = registry.byId.get(id);
      if (!inst) continue;
      let score = 0;
      if (named.has(id)) score = 1;
      for (const c of inst.context) {
        if (registry.byId.has(c)) {
          if (named.has(c)) score = Math.max(score, 1);
        } else if (hasWord(around, c.toLowerCase())) score = 2;
      }
      if (score > bestScore) {
        best = id;
        bestScore = score;
        tie = false;
      } else if (score === bestScore && score > 0) tie = true;
    }
    return tie ? null : best;
  });
}
