/**
 * Compiles the whole registry into one token trie: every name, alias, abbreviation, expansion and
 * ambiguous short form of every instrument, plus the statute-type phrases that open a citation
 * ("Undang-Undang", "Perpres", "Act"). Takes a Registry; returns a Matcher that `matchInstruments`
 * walks once per token of a text. Keys are folded tokens (see tokenize/fold-token), so case,
 * diacritics, line breaks, hyphenation and reduplication never matter; a token written in capitals
 * in the registry ("PBB", "UU") and every token of an abbreviation must keep its capitals in the text.
 */
import { expandName } from './load-registry.js';
import type { Registry } from './registry.js';
import { tokenize } from './tokenize.js';

export type NameResolution = 'name' | 'alias' | 'abbreviation';

export interface Accept {
  /** Instrument id, or null for a statute-type phrase. */
  readonly id: string | null;
  readonly statuteType: string | null;
  readonly resolution: NameResolution;
  readonly ambiguous: boolean;
  /** Per pattern token, the exact text it must have (capitals), or null when any case matches. */
  readonly caseForms: readonly (string | null)[];
  /** Whether the pattern itself contains a year token. */
  readonly hasYear: boolean;
}

export interface TrieNode {
  readonly next: Map<string, TrieNode>;
  accepts: Accept[] | null;
}

export interface Matcher {
  readonly registry: Registry;
  readonly root: TrieNode;
  readonly yearMarkers: ReadonlySet<string>;
  readonly numberWords: ReadonlySet<string>;
  readonly yearWords: ReadonlySet<string>;
  readonly titleOpeners: ReadonlySet<string>;
  readonly titleConnectors: ReadonlySet<string>;
  /** Token sequences that end a statute title ("dengan rahmat", "menimbang"). */
  readonly titleStops: readonly (readonly string[])[];
  /** First tokens of statute-type phrases: a statute title ends before one ("... dan Undang-Undang Nomor 26"). */
  readonly statuteStarts: ReadonlySet<string>;
  /** Statute key `type-number-year` → registry instrument id. */
  readonly statuteIds: ReadonlyMap<string, string>;
}

const YEAR = /^(?:1[89]|20)\d\d$/;
export function isYearKey(key: string): boolean {
  return key.length === 4 && YEAR.test(key);
}

function isCapitals(raw: string): boolean {
  let letters = 0;
  for (const ch of raw) {
    if (ch !== ch.toUpperCase()) return false;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 2;
}

function insert(root: TrieNode, form: string, registry: Registry, make: (caseForms: (string | null)[], hasYear: boolean) => Accept, exactCase: boolean): void {
  const t = tokenize(form, registry.matching.folds);
  let node = root;
  const caseForms: (string | null)[] = [];
  let hasYear = false;
  for (let i = 0; i < t.count; i++) {
    const raw = form.slice(t.start[i], t.end[i]);
    caseForms.push(exactCase ? (/\p{L}/u.test(raw) ? raw : null) : isCapitals(raw) ? raw : null);
    if (isYearKey(t.key[i])) hasYear = true;
    let child = node.next.get(t.key[i]);
    if (!child) {
      child = { next: new Map(), accepts: null };
      node.next.set(t.key[i], child);
    }
    node = child;
  }
  const accept = make(caseForms, hasYear);
  node.accepts ??= [];
  // The same instrument reached twice by one key (a generated expansion) keeps the first form.
  if (!node.accepts.some((a) => a.id === accept.id && a.statuteType === accept.statuteType)) node.accepts.push(accept);
}

export function compileMatcher(registry: Registry): Matcher {
  const root: TrieNode = { next: new Map(), accepts: null };
  const statuteIds = new Map<string, string>();
  for (const inst of registry.instruments) {
    const add = (form: string, resolution: NameResolution, ambiguous: boolean, exactCase = false): void =>
      insert(root, form, registry, (caseForms, hasYear) => ({ id: inst.id, statuteType: null, resolution, ambiguous, caseForms, hasYear }), exactCase);
    add(inst.nameEn, 'name', false);
    add(inst.nameId, 'name', false);
    for (const a of inst.aliases) add(a, 'alias', false);
    for (const form of [inst.nameEn, inst.nameId, ...inst.aliases]) for (const extra of expandName(form, registry.matching.expansions)) add(extra, 'alias', false);
    for (const a of inst.abbreviations) add(a, 'abbreviation', false, true);
    for (const a of inst.ambiguous) add(a, 'alias', true);
    if (inst.statute) statuteIds.set(`${inst.statute.type}-${inst.statute.number}-${inst.statute.year}`, inst.id);
  }
  for (const [phrase, type] of Object.entries(registry.statutes.types)) {
    insert(root, phrase, registry, (caseForms) => ({ id: null, statuteType: type, resolution: 'name', ambiguous: false, caseForms, hasYear: false }), false);
  }
  const fold = (words: readonly string[]) => new Set(words.map((w) => tokenize(w, registry.matching.folds).key.join(' ')));
  return {
    registry,
    root,
    yearMarkers: fold(registry.matching.yearMarkers),
    numberWords: fold(registry.statutes.numberWords),
    yearWords: fold(registry.statutes.yearWords),
    titleOpeners: fold(registry.statutes.titleOpeners),
    titleConnectors: fold(registry.statutes.titleConnectors),
    statuteIds,
    titleStops: registry.statutes.titleStops.map((p) => tokenize(p, registry.matching.folds).key),
    statuteStarts: new Set(Object.keys(registry.statutes.types).map((p) => tokenize(p, registry.matching.folds).key[0])),
  };
}
