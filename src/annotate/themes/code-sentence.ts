/**
 * Codes one sentence against a compiled codebook: which rules fire, with what evidence, and the
 * themes whose summed rule weights reach their minimum score. Pure and deterministic; spans in the
 * evidence are the sentence's offsets plus `offset`, so they index the document text.
 * A `terms` rule fires on any of its terms; a `near` rule when a term of `a` and a term of `b` are at
 * most `within` words apart; an `instruments` rule when a given instrument mention overlaps the
 * sentence. `requires` must then also match somewhere in the sentence, and `excludes` must not.
 */
import type { Span } from '../../span.js';
import type { CompiledCodebook, CompiledRule } from './compile-codebook.js';
import { matchTerms, stemTokens, type StemmedToken, type TermHit } from './match-terms.js';
import { tokenize } from './tokenize.js';

export interface Evidence {
  readonly rule: string;
  readonly terms: readonly string[];
  readonly spans: readonly Span[];
}

export interface SentenceCode {
  readonly themeId: string;
  readonly themeName: string;
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

/** An instrument mention as the instruments annotator tags it, in the same offsets as the sentence. */
export interface InstrumentMention extends Span {
  readonly instrumentId: string;
  readonly surface: string;
}

export interface CodeSentenceContext {
  /** Added to every evidence span (the sentence's start in the document). */
  readonly offset?: number;
  /** Instrument mentions overlapping the sentence, in document offsets. */
  readonly mentions?: readonly InstrumentMention[];
}

function gap(a: TermHit, b: TermHit): number {
  if (a.last < b.first) return b.first - a.last;
  if (b.last < a.first) return a.first - b.last;
  return 0;
}

/** Index of the first hit whose first token is at or after `token` (hits are in token order). */
function lowerBound(hits: readonly TermHit[], token: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].first < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The closest pair at most `within` words apart, the first such pair in (a, b) order on ties. Only the
 * b hits in a window around each a can qualify, so a long sentence full of hits stays linear instead of
 * comparing every pair.
 */
function closestPair(as: readonly TermHit[], bs: readonly TermHit[], within: number): [TermHit, TermHit] | null {
  let longest = 0;
  for (const b of bs) longest = Math.max(longest, b.last - b.first);
  let best: [TermHit, TermHit] | null = null;
  let bestGap = Infinity;
  for (const a of as) {
    for (let j = lowerBound(bs, a.first - within - longest); j < bs.length && bs[j].first <= a.last + within; j++) {
      const g = gap(a, bs[j]);
      if (g <= within && g < bestGap) {
        best = [a, bs[j]];
        bestGap = g;
      }
    }
    if (bestGap === 0) break;
  }
  return best;
}

function hitEvidence(hits: readonly TermHit[], tokens: readonly StemmedToken[], text: string, offset: number, terms: string[], spans: Span[]): void {
  for (const h of hits) {
    const start = tokens[h.first].start;
    const end = tokens[h.last].end;
    terms.push(text.slice(start, end));
    spans.push({ start: start + offset, end: end + offset });
  }
}

function fire(rule: CompiledRule, hits: (TermHit[] | undefined)[], tokens: readonly StemmedToken[], text: string, offset: number, mentions: readonly InstrumentMention[]): Evidence | null {
  // Cheap rejections first: most rules do not fire on most sentences, and this runs per rule.
  if (rule.kind === 'terms' && !hits[rule.set]) return null;
  if (rule.kind === 'near' && (!hits[rule.set] || !hits[rule.setB])) return null;
  if (rule.kind === 'instruments' && !mentions.length) return null;
  if (rule.excludes >= 0 && hits[rule.excludes]) return null;
  if (rule.requires >= 0 && !hits[rule.requires]) return null;
  const terms: string[] = [];
  const spans: Span[] = [];
  if (rule.kind === 'terms') {
    hitEvidence(hits[rule.set]!, tokens, text, offset, terms, spans);
  } else if (rule.kind === 'near') {
    const best = closestPair(hits[rule.set]!, hits[rule.setB]!, rule.within);
    if (!best) return null;
    hitEvidence(best, tokens, text, offset, terms, spans);
  } else {
    for (const m of mentions) {
      if (!rule.instruments.has(m.instrumentId)) continue;
      terms.push(m.surface);
      spans.push({ start: m.start, end: m.end });
    }
    if (!spans.length) return null;
  }
  if (rule.requires >= 0) hitEvidence(hits[rule.requires]!.slice(0, 1), tokens, text, offset, terms, spans);
  return { rule: rule.id, terms, spans };
}

/** Every theme with at least one fired rule, and that evidence, before minimum scores apply. */
export function fireRules(compiled: CompiledCodebook, text: string, context: CodeSentenceContext = {}, tokens: readonly StemmedToken[] = stemTokens(tokenize(text))): { themeIndex: number; evidence: Evidence[]; score: number }[] {
  const offset = context.offset ?? 0;
  const mentions = context.mentions ?? [];
  const hits = matchTerms(compiled, tokens);
  const out: { themeIndex: number; evidence: Evidence[]; score: number }[] = [];
  compiled.themes.forEach((theme, themeIndex) => {
    let score = 0;
    let evidence: Evidence[] | null = null;
    for (const rule of theme.rules) {
      const e = fire(rule, hits, tokens, text, offset, mentions);
      if (!e) continue;
      score += rule.weight;
      (evidence ??= []).push(e);
    }
    if (evidence) out.push({ themeIndex, evidence, score });
  });
  return out;
}

/** Codes `text`; `tokens` may be passed when the caller has them already. */
export function codeSentence(compiled: CompiledCodebook, text: string, context: CodeSentenceContext = {}, tokens?: readonly StemmedToken[]): SentenceCode[] {
  const codes: SentenceCode[] = [];
  for (const { themeIndex, evidence, score } of fireRules(compiled, text, context, tokens)) {
    const theme = compiled.themes[themeIndex];
    if (score >= theme.minScore) codes.push({ themeId: theme.id, themeName: theme.name, score, evidence });
  }
  return codes;
}
