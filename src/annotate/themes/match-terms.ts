/**
 * Finds every codebook term in a token sequence: for each token, the terms whose first word matches
 * its Indonesian stem, English stem or exact surface, then the rest of each phrase word by word.
 * Both languages are tried on every token: sentences mix languages (English terms of art inside
 * Indonesian prose) and segment language may be unknown; the two stemmers rarely collide.
 */
import type { CompiledCodebook, CompiledTerm, TermPart } from './compile-codebook.js';
import { stem } from './stem.js';
import type { Token } from './tokenize.js';

export interface StemmedToken extends Token {
  readonly id: string;
  readonly en: string;
}

export interface TermHit {
  readonly term: CompiledTerm;
  /** First and last token index (inclusive). */
  readonly first: number;
  readonly last: number;
}

export function stemTokens(tokens: readonly Token[]): StemmedToken[] {
  const out: StemmedToken[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out[i] = { start: t.start, end: t.end, lower: t.lower, base: t.base, id: stem(t.base, 'id'), en: stem(t.base, 'en') };
  }
  return out;
}

function partMatches(part: TermPart, token: StemmedToken): boolean {
  if (part.by === 'exact') return token.lower === part.value || token.base === part.value;
  return token[part.by] === part.value;
}

function isDuplicate(list: readonly TermHit[], hit: TermHit): boolean {
  for (let j = list.length - 1; j >= 0 && list[j].first === hit.first; j--) if (list[j].last === hit.last) return true;
  return false;
}

/** Hits grouped by term set number (an array indexed by set; undefined where none), each list in token order. */
export function matchTerms(compiled: CompiledCodebook, tokens: readonly StemmedToken[]): (TermHit[] | undefined)[] {
  const bySet: (TermHit[] | undefined)[] = new Array(compiled.setCount);
  const { index } = compiled;
  const tryTerms = (candidates: CompiledTerm[] | undefined, i: number) => {
    if (!candidates) return;
    for (const term of candidates) {
      const n = term.parts.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = partMatches(term.parts[k], tokens[i + k]);
      if (!ok) continue;
      const hit: TermHit = { term, first: i, last: i + n - 1 };
      const list = bySet[term.set];
      // Inflections of one term ("migrant worker", "migrant workers") find the same words once. Hits
      // are appended in token order, so a duplicate can only be among the last ones starting at `i`:
      // looking further back would make a sentence with many hits quadratic.
      if (list && isDuplicate(list, hit)) continue;
      if (list) list.push(hit);
      else bySet[term.set] = [hit];
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    tryTerms(index.id.get(t.id), i);
    tryTerms(index.en.get(t.en), i);
    tryTerms(index.exact.get(t.lower), i);
    if (t.base !== t.lower) tryTerms(index.exact.get(t.base), i);
  }
  return bySet;
}
