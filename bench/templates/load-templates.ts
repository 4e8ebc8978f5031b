/**
 * Reads the corpus generator's templates (shared.yaml, id.yaml, en.yaml beside this module, or the
 * folder given) and validates their shape with zod. Returns plain readonly data; throws with the file
 * name and zod's account of what is wrong on a malformed file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const texts = z.array(z.string().min(1)).min(1);
const lists = z.record(z.string(), texts);

const sharedSchema = z.object({
  instruments: z.array(z.object({ en: z.string(), id: z.string(), short_en: z.string().optional(), short_id: z.string().optional(), indonesia: z.enum(['party', 'not-party', 'not-applicable']) }).strict()).min(1),
  statutes: z.array(z.object({ type: z.string(), number: z.number().int(), year: z.number().int(), id: z.string(), en: z.string() }).strict()).min(1),
  statuteForms: z.record(z.string(), z.object({ id: z.string(), en: z.string(), short_id: z.string(), short_en: z.string() }).strict()),
  constitutionArticles: texts,
  lists,
}).strict();

const statuteSchema = z.object({
  considerations: texts,
  basis: texts,
  chapters: texts,
  definitions: z.record(z.string(), z.string()),
  provisions: texts,
  closing: texts,
}).strict();

const languageSchema = z.object({
  labels: z.object({ abstract: z.string(), keywords: z.string(), references: z.string(), notes: z.string(), pageWord: z.string(), article: z.string().optional(), chapter: z.string().optional() }).strict(),
  masthead: texts,
  titles: texts,
  authorsLine: z.string(),
  affiliation: texts,
  keywords: texts,
  sections: z.object({ intro: texts, method: texts, body: texts, subsections: texts, conclusion: texts, numbering: z.enum(['letters', 'roman']) }).strict(),
  sentences: texts,
  modifiers: texts,
  lists,
  footnotes: z.object({ book: texts, journal: texts, statute: texts, instrument: texts, report: texts, ibid: texts, opcit: texts }).strict(),
  references: texts,
  items: z.object({ intro: texts, labels: z.enum(['letters', 'numbers']) }).strict(),
  quotes: texts,
  statute: statuteSchema.optional(),
}).strict();

export type SharedTemplates = z.output<typeof sharedSchema>;
export type LanguageTemplates = z.output<typeof languageSchema>;
export type Language = 'id' | 'en';

export interface Templates {
  readonly shared: SharedTemplates;
  readonly languages: Readonly<Record<Language, LanguageTemplates>>;
}

export const defaultTemplatesDir = path.dirname(fileURLToPath(import.meta.url));

function read<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not valid corpus templates: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function loadTemplates(dir = defaultTemplatesDir): Templates {
  return {
    shared: read(sharedSchema, path.join(dir, 'shared.yaml')),
    languages: { id: read(languageSchema, path.join(dir, 'id.yaml')), en: read(languageSchema, path.join(dir, 'en.yaml')) },
  };
}
