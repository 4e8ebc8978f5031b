/**
 * Loads the instrument registry from a folder: every `*.yaml` there holds `instruments:`, and
 * `vocabulary/*.yaml` holds the word lists. Validated with zod on load; returns a Registry.
 * Guarantees: every entry has the required fields; no name form (after the matcher's folding) is
 * written twice in one entry or claimed by two instruments, except `ambiguous` short forms, which
 * exist to be shared. Any violation throws a RegistryError naming the file and the entry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ClaimVocabulary, Instrument, Registry } from './registry.js';
import { tokenize } from './tokenize.js';

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

const kinds = ['treaty', 'protocol', 'declaration', 'covenant', 'charter', 'soft-law', 'statute', 'constitution', 'regulation', 'action-plan', 'forum'] as const;
const names = z.array(z.string().min(1)).default([]);

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug (a-z, 0-9, -)'),
    kind: z.enum(kinds),
    name_en: z.string().min(1),
    name_id: z.string().min(1),
    year: z.number().int().min(1800).max(2100),
    aliases: names,
    abbreviations: names,
    ambiguous: names,
    context: names,
    statute: z
      .object({ type: z.string().min(1), number: z.union([z.string(), z.number()]).transform(String), year: z.number().int() })
      .strict()
      .optional(),
    indonesia: z
      .object({
        status: z.enum(['party', 'signatory', 'not-party', 'not-applicable', 'unknown']),
        by: z.string().optional(),
        year: z.number().int().optional(),
      })
      .strict(),
    source: z.string().min(1),
  })
  .strict();

const fileSchema = z.object({ instruments: z.array(z.unknown()) }).strict();

const matchingSchema = z
  .object({
    folds: z.record(z.string(), z.string()).default({}),
    expansions: z.array(z.tuple([z.string(), z.string()])).default([]),
    year_markers: z.array(z.string()).default([]),
  })
  .strict();

const statutesSchema = z
  .object({
    types: z.record(z.string(), z.string()),
    issuer_max_tokens: z.number().int().nonnegative(),
    number_words: z.array(z.string()),
    year_words: z.array(z.string()),
    title_openers: z.array(z.string()),
    title_connectors: z.array(z.string()),
    title_max_tokens: z.number().int().positive(),
    title_stops: z.array(z.string()).default([]),
    provision_units: z.array(z.string()),
    provision_links: z.array(z.string()),
  })
  .strict();

const referencesSchema = z.object({ tokens: z.array(z.string()), substrings: z.array(z.string()) }).strict();

const statusLists = z
  .object({
    ratified: z.array(z.string()).optional(),
    'not-ratified': z.array(z.string()).optional(),
    party: z.array(z.string()).optional(),
    'not-party': z.array(z.string()).optional(),
    signatory: z.array(z.string()).optional(),
  })
  .strict();

const claimsSchema = z
  .object({
    states: z.record(z.string(), z.array(z.string())),
    active: statusLists,
    passive: statusLists,
    barriers: z.array(z.string()),
    abbreviations: z.array(z.string()),
    means: z.array(z.string()).default([]),
    anaphora: z.array(z.object({ phrases: z.array(z.string().min(1)).min(1), kinds: z.array(z.enum(kinds)).min(1) }).strict()).default([]),
    domestic_kinds: z.array(z.enum(kinds)).default([]),
  })
  .strict();

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.') || '(entry)';
      const what = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message.replace(/^Invalid input: /, '');
      return `${where}: ${what}`;
    })
    .join('; ');
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RegistryError(`${file}: not readable YAML (${(error as Error).message.split('\n')[0]}); fix the file or remove it from the registry folder`);
  }
}

function readVocabulary<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  const file = path.join(dir, 'vocabulary', `${name}.yaml`);
  const parsed = schema.safeParse(readYaml(file));
  if (!parsed.success) throw new RegistryError(`${file}: ${describe(parsed.error)}`);
  return parsed.data;
}

/** The key a name form is matched by: its folded tokens joined by spaces. */
export function nameKey(name: string, folds: Readonly<Record<string, string>>): string {
  return tokenize(name, folds).key.join(' ');
}

/** Applies the expansions ("hak asasi manusia" → "HAM") to a name; returns the extra forms. */
export function expandName(name: string, expansions: readonly (readonly [string, string])[]): string[] {
  const out: string[] = [];
  for (const [from, to] of expansions) {
    const i = name.toLowerCase().indexOf(from.toLowerCase());
    if (i >= 0) out.push(name.slice(0, i) + to + name.slice(i + from.length));
  }
  return out;
}

export function loadRegistry(dir: string): Registry {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch (error) {
    throw new RegistryError(`${dir}: cannot read the registry folder (${(error as NodeJS.ErrnoException).code ?? error}); set stages.instruments.registry to an existing folder`);
  }
  const m = readVocabulary(dir, 'matching', matchingSchema);
  const matching = { folds: m.folds, expansions: m.expansions, yearMarkers: m.year_markers };
  const s = readVocabulary(dir, 'statutes', statutesSchema);
  const statutes = {
    types: s.types, issuerMaxTokens: s.issuer_max_tokens, numberWords: s.number_words, yearWords: s.year_words,
    titleOpeners: s.title_openers, titleConnectors: s.title_connectors, titleMaxTokens: s.title_max_tokens, titleStops: s.title_stops,
    provisionUnits: s.provision_units, provisionLinks: s.provision_links,
  };
  const references = readVocabulary(dir, 'references', referencesSchema);
  const c = readVocabulary(dir, 'claims', claimsSchema);
  const claims: ClaimVocabulary = {
    states: c.states, active: c.active, passive: c.passive, barriers: c.barriers, abbreviations: c.abbreviations,
    means: c.means, anaphora: c.anaphora, domesticKinds: c.domestic_kinds,
  };

  const instruments: Instrument[] = [];
  const byId = new Map<string, Instrument>();
  // key → owner, for the collision checks.
  const claimed = new Map<string, { id: string; file: string; ambiguous: boolean; form: string }>();
  for (const f of files) {
    const file = path.join(dir, f);
    const top = fileSchema.safeParse(readYaml(file));
    if (!top.success) throw new RegistryError(`${file}: expected a top-level "instruments:" list (${describe(top.error)})`);
    top.data.instruments.forEach((raw, index) => {
      const label = typeof raw === 'object' && raw && 'id' in raw ? `"${String((raw as { id: unknown }).id)}"` : `#${index + 1}`;
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success) throw new RegistryError(`${file}: instrument ${label}: ${describe(parsed.error)}`);
      const e = parsed.data;
      if (byId.has(e.id)) throw new RegistryError(`${file}: instrument "${e.id}": id already used in ${byId.get(e.id)!.file}; ids must be unique`);
      const instrument: Instrument = {
        id: e.id, kind: e.kind, nameEn: e.name_en, nameId: e.name_id, year: e.year,
        aliases: e.aliases, abbreviations: e.abbreviations, ambiguous: e.ambiguous, context: e.context,
        statute: e.statute ? { type: e.statute.type, number: e.statute.number, year: e.statute.year } : null,
        indonesia: { status: e.indonesia.status, by: e.indonesia.by ?? null, year: e.indonesia.year ?? null },
        source: e.source, file,
      };
      const written = new Set<string>();
      const claim = (form: string, ambiguous: boolean, generated: boolean): void => {
        const key = nameKey(form, matching.folds);
        if (!key) throw new RegistryError(`${file}: instrument "${e.id}": name form "${form}" has no words`);
        if (written.has(key)) {
          if (generated) return;
          throw new RegistryError(`${file}: instrument "${e.id}": duplicate alias "${form}" (matches the same words as another form of this entry); remove one`);
        }
        written.add(key);
        const owner = claimed.get(key);
        if (owner && owner.id !== e.id && !(owner.ambiguous && ambiguous)) {
          if (generated) return;
          throw new RegistryError(
            `${file}: instrument "${e.id}": alias "${form}" is already claimed by "${owner.id}" ("${owner.form}" in ${owner.file}); ` +
              'an alias must name one instrument; list a shared short form under `ambiguous` in both entries',
          );
        }
        if (!owner) claimed.set(key, { id: e.id, file, ambiguous, form });
      };
      const plain = [e.name_en, e.name_id, ...e.aliases];
      for (const form of plain) claim(form, false, form === e.name_id && e.name_id === e.name_en);
      for (const form of e.abbreviations) claim(form, false, false);
      for (const form of plain) for (const extra of expandName(form, matching.expansions)) claim(extra, false, true);
      for (const form of e.ambiguous) claim(form, true, false);
      instruments.push(instrument);
      byId.set(e.id, instrument);
    });
  }
  return { dir, instruments, byId, matching, statutes, references, claims };
}
