/**
 * The instrument registry as the annotators use it: canonical instruments (from the YAML files in
 * pipelines/registry/) and the vocabulary the matcher, the statute grammar and the claim finder read
 * (pipelines/registry/vocabulary/). Plain readonly data; `loadRegistry` builds and validates it.
 */
export type InstrumentKind =
  | 'treaty' | 'protocol' | 'declaration' | 'covenant' | 'charter' | 'soft-law' | 'statute'
  | 'constitution' | 'regulation' | 'action-plan' | 'forum';

export type IndonesiaStatus = 'party' | 'signatory' | 'not-party' | 'not-applicable' | 'unknown';

export interface StatuteKey {
  readonly type: string;
  readonly number: string;
  readonly year: number;
}

export interface Instrument {
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly nameEn: string;
  readonly nameId: string;
  readonly year: number;
  readonly aliases: readonly string[];
  readonly abbreviations: readonly string[];
  /** Short forms that resolve only from context. */
  readonly ambiguous: readonly string[];
  /** Words (or instrument ids) whose presence near an ambiguous form points to this instrument. */
  readonly context: readonly string[];
  readonly statute: StatuteKey | null;
  readonly indonesia: { readonly status: IndonesiaStatus; readonly by: string | null; readonly year: number | null };
  readonly source: string;
  /** Registry file the entry came from (for messages). */
  readonly file: string;
}

export interface MatchingVocabulary {
  readonly folds: Readonly<Record<string, string>>;
  readonly expansions: readonly (readonly [string, string])[];
  readonly yearMarkers: readonly string[];
}

export interface StatuteVocabulary {
  readonly types: Readonly<Record<string, string>>;
  readonly issuerMaxTokens: number;
  readonly numberWords: readonly string[];
  readonly yearWords: readonly string[];
  readonly titleOpeners: readonly string[];
  readonly titleConnectors: readonly string[];
  readonly titleMaxTokens: number;
  readonly titleStops: readonly string[];
  readonly provisionUnits: readonly string[];
  readonly provisionLinks: readonly string[];
}

export interface ReferenceVocabulary {
  readonly tokens: readonly string[];
  readonly substrings: readonly string[];
}

export type AssertedStatus = 'ratified' | 'not-ratified' | 'party' | 'not-party' | 'signatory';

export interface ClaimVocabulary {
  readonly states: Readonly<Record<string, readonly string[]>>;
  readonly active: Readonly<Partial<Record<AssertedStatus, readonly string[]>>>;
  readonly passive: Readonly<Partial<Record<AssertedStatus, readonly string[]>>>;
  readonly barriers: readonly string[];
  readonly abbreviations: readonly string[];
  /** Words that introduce the statute by which a state ratified ("melalui", "through"). */
  readonly means: readonly string[];
  /** Phrases that refer back to an instrument named before ("Konvensi tersebut"), with the kinds they may denote. */
  readonly anaphora: readonly { readonly phrases: readonly string[]; readonly kinds: readonly InstrumentKind[] }[];
  /** Kinds of domestic law: never themselves the object of a ratification claim. */
  readonly domesticKinds: readonly InstrumentKind[];
}

export interface Registry {
  readonly dir: string;
  readonly instruments: readonly Instrument[];
  readonly byId: ReadonlyMap<string, Instrument>;
  readonly matching: MatchingVocabulary;
  readonly statutes: StatuteVocabulary;
  readonly references: ReferenceVocabulary;
  readonly claims: ClaimVocabulary;
}
