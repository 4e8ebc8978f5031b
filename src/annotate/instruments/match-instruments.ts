/**
 * Finds every instrument name and statute citation in a text with one left-to-right walk of the
 * compiled trie (no per-instrument regexes). Takes the text and a Matcher; returns the matches in
 * text order, never overlapping, each the longest name found where it starts. Tolerances:
 * - a year equal to the instrument's may stand inside a name ("Konvensi 1951 tentang Status
 *   Pengungsi"), before it ("1951 Refugee Convention") or after it ("Konvensi Pengungsi 1951",
 *   "UUD NRI Tahun 1945"); a different year there rejects the reading;
 * - a line-end hyphenated word ("Keimi-\ngrasian") is tried joined;
 * - names never run across brackets, quotes, slashes, ; : ! ?, a blank line or a block boundary
 *   marked on the tokens (see `markBreaks`);
 * - an acronym inside a document symbol or path ("CMW/C/GC/1") is not a mention.
 * Ambiguous short forms are returned with all their candidates for `resolveAmbiguous` to settle.
 */
import type { Span } from '../../span.js';
import type { Accept, Matcher, TrieNode } from './compile-matcher.js';
import { isYearKey } from './compile-matcher.js';
import { parseStatuteCitation } from './parse-statute-citation.js';
import { Gap, tokenize, type Tokens } from './tokenize.js';

export type MatchResolution = 'name' | 'alias' | 'abbreviation' | 'statute-citation';

export interface StatuteInfo {
  readonly type: string;
  readonly number: string;
  readonly year: number;
  readonly title: string | null;
}

export interface InstrumentMatch extends Span {
  /** Instrument ids; more than one only for an ambiguous short form. */
  readonly candidates: readonly string[];
  readonly ambiguous: boolean;
  readonly resolution: MatchResolution;
  readonly statute: StatuteInfo | null;
}

interface Reached {
  readonly end: number; // token index after the last matched token
  readonly accepts: readonly Accept[];
  readonly path: readonly number[]; // token indices matched by pattern tokens
  readonly skippedYear: string | null;
}

interface Candidate {
  readonly first: number;
  readonly end: number;
  readonly candidates: string[];
  readonly ambiguous: boolean;
  readonly resolution: MatchResolution;
  readonly statute: StatuteInfo | null;
  readonly hasYear: boolean;
}

// A slash joins path segments and dates ("universal/declaration/of/…" in a URL), never words of a name.
const NO_CROSS = Gap.hard | Gap.slash;

function walk(t: Tokens, m: Matcher, node: TrieNode, j: number, first: number, path: number[], skippedYear: string | null, out: Reached[]): void {
  if (node.accepts) out.push({ end: j, accepts: node.accepts, path: path.slice(), skippedYear });
  if (j >= t.count || (j > first && t.gap[j] & NO_CROSS)) return;
  const key = t.key[j];
  const child = node.next.get(key);
  if (child) {
    path.push(j);
    walk(t, m, child, j + 1, first, path, skippedYear, out);
    path.pop();
  }
  if (j === first) return;
  const joined = t.joinKey.get(j);
  if (joined !== undefined && j + 1 < t.count) {
    const c = node.next.get(joined);
    if (c) {
      path.push(j);
      walk(t, m, c, j + 2, first, path, skippedYear, out);
      path.pop();
    }
  }
  // "UUD NRI Tahun 1945": a year marker before a year is not part of the name.
  if (m.yearMarkers.has(key) && j + 1 < t.count && isYearKey(t.key[j + 1]) && !(t.gap[j + 1] & NO_CROSS) && !node.next.has(key)) {
    walk(t, m, node, j + 1, first, path, skippedYear, out);
  }
  if (skippedYear === null && isYearKey(key)) walk(t, m, node, j + 1, first, path, key, out);
}

const SYMBOL_REACH = 48;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
}

/**
 * Whether the span is glued by a slash to a run of at least two slashes (a UN document symbol such
 * as "CMW/C/GC/1", a path). "ICCPR/ICESCR" (one slash) stays a pair of names. Scans a bounded
 * stretch on either side, so the cost per match is constant.
 */
function inSymbol(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) !== 47 && text.charCodeAt(end) !== 47) return false;
  let slashes = 0;
  for (let p = start - 1; p >= 0 && p >= start - SYMBOL_REACH && !isSpace(text.charCodeAt(p)); p--) if (text.charCodeAt(p) === 47) slashes++;
  for (let p = end; p < text.length && p < end + SYMBOL_REACH && !isSpace(text.charCodeAt(p)); p++) if (text.charCodeAt(p) === 47) slashes++;
  return slashes >= 2;
}

function caseHolds(text: string, t: Tokens, accept: Accept, path: readonly number[]): boolean {
  for (let p = 0; p < accept.caseForms.length; p++) {
    const form = accept.caseForms[p];
    if (form !== null && text.slice(t.start[path[p]], t.end[path[p]]) !== form) return false;
  }
  return true;
}

function yearOf(m: Matcher, id: string): number {
  return m.registry.byId.get(id)!.year;
}

export function matchInstruments(text: string, m: Matcher, tokens: Tokens = tokenize(text, m.registry.matching.folds)): InstrumentMatch[] {
  const t = tokens;
  const out: InstrumentMatch[] = [];
  const reached: Reached[] = [];
  const path: number[] = [];
  let i = 0;
  while (i < t.count) {
    const child = m.root.next.get(t.key[i]);
    if (!child) {
      i++;
      continue;
    }
    reached.length = 0;
    walk(t, m, m.root, i, i, path, null, reached);
    let best: Candidate | null = null;
    for (const r of reached) {
      for (const a of r.accepts) {
        if (!caseHolds(text, t, a, r.path)) continue;
        let end = r.end;
        let candidate: Candidate;
        if (a.statuteType !== null) {
          const c = parseStatuteCitation(t, text, r.end, a.statuteType, m);
          if (!c) continue;
          end = c.endToken;
          const statute = { type: a.statuteType, number: c.number, year: c.year, title: c.title };
          const id = m.statuteIds.get(`${statute.type}-${statute.number}-${statute.year}`) ?? `id-${statute.type}-${statute.number}-${statute.year}`;
          candidate = { first: i, end, candidates: [id], ambiguous: false, resolution: 'statute-citation', statute, hasYear: true };
        } else {
          if (r.skippedYear !== null && Number(r.skippedYear) !== yearOf(m, a.id!)) continue;
          candidate = { first: i, end, candidates: [a.id!], ambiguous: a.ambiguous, resolution: a.resolution, statute: null, hasYear: a.hasYear || r.skippedYear !== null };
        }
        if (!best || candidate.end > best.end || (candidate.end === best.end && best.ambiguous && !candidate.ambiguous)) best = candidate;
        else if (candidate.end === best.end && best.ambiguous && candidate.ambiguous && !best.candidates.includes(candidate.candidates[0])) {
          const prior: Candidate = best;
          best = { ...prior, candidates: [...prior.candidates, ...candidate.candidates] };
        }
      }
    }
    if (!best) {
      i++;
      continue;
    }
    let first = best.first;
    let end = best.end;
    // A year beside a name that has none, equal to the instrument's year, belongs to the mention.
    if (!best.hasYear && best.candidates.length === 1 && best.resolution !== 'statute-citation') {
      const year = m.registry.byId.get(best.candidates[0])?.year;
      const soft = (k: number) => !(t.gap[k] & (Gap.hard | Gap.period | Gap.comma));
      if (end < t.count && soft(end)) {
        if (isYearKey(t.key[end]) && Number(t.key[end]) === year) end++;
        else if (m.yearMarkers.has(t.key[end]) && end + 1 < t.count && soft(end + 1) && Number(t.key[end + 1]) === year) end += 2;
      }
      if (end === best.end && first > 0 && soft(first) && isYearKey(t.key[first - 1]) && Number(t.key[first - 1]) === year && (out.length === 0 || out[out.length - 1].end <= t.start[first - 1])) first--;
    }
    // "CMW/C/GC/1", "CCPR/C/21/Rev.1", ".../Documents/ICCPR.pdf": an acronym inside a document symbol or path names a document, not the instrument.
    if (best.resolution !== 'statute-citation' && inSymbol(text, t.start[first], t.end[end - 1])) {
      i = end;
      continue;
    }
    const statute = best.statute;
    out.push({
      start: t.start[first],
      end: t.end[end - 1],
      candidates: best.candidates,
      ambiguous: best.ambiguous,
      resolution: best.resolution,
      statute: statute && { ...statute },
    });
    i = end;
  }
  return out;
}
