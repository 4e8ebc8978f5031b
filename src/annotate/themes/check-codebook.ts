/**
 * `telaah codebook check`: what a researcher needs to know about a codebook before trusting it on a
 * corpus. Takes the codebook and the corpus sentences (text, with instrument mentions where the
 * caller has them); returns how often each rule fires, the rules that never fire, and the terms
 * claimed by several themes (same stems, so the same words code both). Pure; prints nothing.
 */
import type { Codebook } from './codebook-schema.js';
import { compileCodebook } from './compile-codebook.js';
import { fireRules, type InstrumentMention } from './code-sentence.js';

export interface CheckSentence {
  readonly text: string;
  /** Instrument mentions in the sentence, in offsets of `text`. */
  readonly mentions?: readonly InstrumentMention[];
}

export interface CodebookCheck {
  readonly sentences: number;
  readonly rules: readonly { readonly themeId: string; readonly ruleId: string; readonly fired: number }[];
  readonly neverFired: readonly { readonly themeId: string; readonly ruleId: string }[];
  /** Terms (as written) whose stems are claimed by more than one theme. */
  readonly sharedTerms: readonly { readonly key: string; readonly written: readonly string[]; readonly themes: readonly string[] }[];
}

export function checkCodebook(codebook: Codebook, sentences: readonly (string | CheckSentence)[]): CodebookCheck {
  const compiled = compileCodebook(codebook);
  const counts = new Map<string, number>();
  for (const s of sentences) {
    const sentence = typeof s === 'string' ? { text: s } : s;
    for (const { themeIndex, evidence } of fireRules(compiled, sentence.text, { mentions: sentence.mentions })) {
      for (const e of evidence) {
        const key = `${compiled.themes[themeIndex].id}\u0000${e.rule}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const rules = compiled.themes.flatMap((t) => t.rules.map((r) => ({ themeId: t.id, ruleId: r.id, fired: counts.get(`${t.id}\u0000${r.id}`) ?? 0 })));
  // Only terms that code (rule terms and near sides); requires/excludes only qualify a rule.
  const claims = new Map<string, { written: Set<string>; themes: Set<string> }>();
  for (const term of compiled.terms) {
    const set = compiled.sets[term.set];
    if (set.role === 'requires' || set.role === 'excludes') continue;
    const key = term.parts.map((p) => `${p.by}:${p.value}`).join(' ');
    const claim = claims.get(key) ?? { written: new Set<string>(), themes: new Set<string>() };
    claim.written.add(term.written);
    claim.themes.add(set.theme);
    claims.set(key, claim);
  }
  const sharedTerms = [...claims]
    .filter(([, c]) => c.themes.size > 1)
    .map(([key, c]) => ({ key, written: [...c.written], themes: [...c.themes] }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { sentences: sentences.length, rules, neverFired: rules.filter((r) => r.fired === 0).map(({ themeId, ruleId }) => ({ themeId, ruleId })), sharedTerms };
}
