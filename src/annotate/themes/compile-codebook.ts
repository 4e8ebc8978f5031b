/**
 * Turns a validated codebook into a matcher: every term of every rule is tokenized and stemmed once,
 * and indexed by its first word, so coding a sentence costs one map look-up per word and language
 * plus the few phrase checks that look-up returns. Term sets (a rule's terms, its `near` sides, its
 * `requires` and `excludes`) are numbered; matching reports hits per set number.
 */
import type { Codebook, Rule, TermSet } from './codebook-schema.js';
import { stem, type StemLanguage } from './stem.js';
import { tokenize } from './tokenize.js';

/** One word of a term: matched on the stem in a language, or on the exact lower-cased surface. */
export interface TermPart {
  readonly by: StemLanguage | 'exact';
  readonly value: string;
}

export interface CompiledTerm {
  readonly set: number;
  readonly language: StemLanguage;
  /** The term as written in the codebook. */
  readonly written: string;
  readonly parts: readonly TermPart[];
}

export interface CompiledRule {
  readonly id: string;
  readonly weight: number;
  readonly kind: 'terms' | 'near' | 'instruments';
  /** Term set of a `terms` rule, or side `a` of a `near` rule. */
  readonly set: number;
  /** Side `b` of a `near` rule, else -1. */
  readonly setB: number;
  readonly within: number;
  readonly instruments: ReadonlySet<string>;
  readonly requires: number;
  readonly excludes: number;
}

export interface CompiledTheme {
  readonly id: string;
  readonly name: string;
  readonly minScore: number;
  readonly rules: readonly CompiledRule[];
}

export interface CompiledCodebook {
  readonly codebook: Codebook;
  readonly themes: readonly CompiledTheme[];
  readonly setCount: number;
  /** First-word indexes: Indonesian stems, English stems, exact surfaces. */
  readonly index: { readonly id: Map<string, CompiledTerm[]>; readonly en: Map<string, CompiledTerm[]>; readonly exact: Map<string, CompiledTerm[]> };
  /** Every compiled term, by set (for checks and reports). */
  readonly terms: readonly CompiledTerm[];
  /** Which theme and rule each set belongs to, and its role. */
  readonly sets: readonly { readonly theme: string; readonly rule: string; readonly role: 'terms' | 'a' | 'b' | 'requires' | 'excludes' }[];
}

export function compileTerm(written: string, language: StemLanguage, set: number): CompiledTerm | null {
  const parts: TermPart[] = [];
  for (const word of written.split(/\s+/)) {
    if (!word) continue;
    const exact = word.startsWith('=');
    for (const token of tokenize(exact ? word.slice(1) : word)) {
      parts.push(exact ? { by: 'exact', value: token.lower } : { by: language, value: stem(token.base, language) });
    }
  }
  return parts.length ? { set, language, written, parts } : null;
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const index = { id: new Map<string, CompiledTerm[]>(), en: new Map<string, CompiledTerm[]>(), exact: new Map<string, CompiledTerm[]>() };
  const terms: CompiledTerm[] = [];
  const sets: { theme: string; rule: string; role: 'terms' | 'a' | 'b' | 'requires' | 'excludes' }[] = [];
  const addSet = (termSet: TermSet | undefined, theme: string, rule: string, role: 'terms' | 'a' | 'b' | 'requires' | 'excludes'): number => {
    if (!termSet) return -1;
    const set = sets.length;
    sets.push({ theme, rule, role });
    for (const language of ['id', 'en'] as const) {
      for (const written of termSet[language]) {
        const term = compileTerm(written, language, set);
        if (!term) continue;
        terms.push(term);
        const first = term.parts[0];
        const map = index[first.by];
        const list = map.get(first.value);
        if (list) list.push(term);
        else map.set(first.value, [term]);
      }
    }
    return set;
  };
  const compileRule = (rule: Rule, theme: string): CompiledRule => ({
    id: rule.id,
    weight: rule.weight,
    kind: rule.terms ? 'terms' : rule.near ? 'near' : 'instruments',
    set: rule.terms ? addSet(rule.terms, theme, rule.id, 'terms') : addSet(rule.near?.a, theme, rule.id, 'a'),
    setB: addSet(rule.near?.b, theme, rule.id, 'b'),
    within: rule.near?.within ?? 0,
    instruments: new Set(rule.instruments ?? []),
    requires: addSet(rule.requires, theme, rule.id, 'requires'),
    excludes: addSet(rule.excludes, theme, rule.id, 'excludes'),
  });
  const themes = codebook.themes.map((theme) => ({
    id: theme.id,
    name: theme.name.en,
    minScore: theme.minScore ?? codebook.minScore,
    rules: theme.rules.map((rule) => compileRule(rule, theme.id)),
  }));
  return { codebook, themes, setCount: sets.length, index, terms, sets };
}
