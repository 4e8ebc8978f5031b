/**
 * The shape of a codebook file (YAML that researchers edit), as zod schemas and the types they infer.
 * A codebook is a list of themes; each theme carries its names in both languages, a description,
 * inclusion and exclusion notes, an optional parent and the rules that code a sentence with it.
 * A rule is exactly one of: `terms` (any listed term or phrase, matched on stems), `near` (a term of
 * `a` within `within` words of a term of `b`) or `instruments` (a mention of one of the listed
 * instruments, as tagged by the instruments annotator). Any rule may add `requires` (another term
 * that must also occur in the sentence) and `excludes` (terms that stop it from firing).
 * Term syntax: words separated by spaces form a phrase matched word by word on stems (natural's
 * Indonesian stemmer for `id`, Porter for `en`); a word written `=word` must match the surface form
 * exactly (lower-cased), for words whose stem is too broad ("pengadilan" and "keadilan" share "adil").
 */
import { z } from 'zod';

const termList = z.array(z.string().trim().min(1, 'a term must not be empty')).default([]);

export const termSet = z
  .object({ en: termList, id: termList })
  .strict()
  .refine((s) => s.en.length + s.id.length > 0, { message: 'list at least one term under en: or id:' });
export type TermSet = z.infer<typeof termSet>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use a lower-case slug such as "refugee-terms"');

export const ruleSchema = z
  .object({
    id: slug,
    /** What the rule contributes to the theme's score when it fires. */
    weight: z.number().positive().default(1),
    terms: termSet.optional(),
    near: z
      .object({ a: termSet, b: termSet, within: z.number().int().positive().max(50).default(8) })
      .strict()
      .optional(),
    instruments: z.array(z.string().min(1)).min(1).optional(),
    requires: termSet.optional(),
    excludes: termSet.optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => [r.terms, r.near, r.instruments].filter((x) => x !== undefined).length === 1, {
    message: 'a rule needs exactly one of terms:, near: or instruments:',
  });
export type Rule = z.infer<typeof ruleSchema>;

export const themeSchema = z
  .object({
    id: slug,
    name: z.object({ en: z.string().min(1), id: z.string().min(1) }).strict(),
    description: z.string().min(1),
    include: z.string().optional(),
    exclude: z.string().optional(),
    parent: slug.nullable().default(null),
    /** Score a sentence needs for the code; defaults to the codebook's minScore. */
    minScore: z.number().positive().optional(),
    rules: z.array(ruleSchema).min(1, 'a theme needs at least one rule'),
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

export const codebookSchema = z
  .object({
    id: slug,
    title: z.string().optional(),
    minScore: z.number().positive().default(1),
    themes: z.array(themeSchema).min(1),
  })
  .strict();

export type Codebook = z.infer<typeof codebookSchema> & {
  /** Content hash of the file: recorded with every code so a code is traceable to the codebook text. */
  readonly version: string;
  readonly file: string | null;
};
