/**
 * The source of one rendered corpus document: a small, readable description of what a page shows
 * (title block, headings, paragraphs with inline footnote markers, statute items, two-column
 * section) plus the running header, page-number style and the footnotes' text. Sources live in
 * corpus/sources/*.yaml, a format the pipeline does not ingest, and the bench generator builds the
 * same shape in memory. `parseCorpusSource` validates with zod and returns a frozen-shape object.
 *
 * Inline markup inside any text: `*italic*`, `**bold**`, `[^12]` (footnote marker 12), `\*` for a
 * literal asterisk. Nothing else is special, so legal text with "=", "+", "(1)" passes through as is.
 */
import { z } from 'zod';

const text = z.string().min(1);

export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.union([
    z.object({ title: text, authors: z.string().optional(), affiliation: z.string().optional() }).strict(),
    z.object({ abstract: text, label: text }).strict(),
    z.object({ keywords: text, label: text }).strict(),
    z.object({ h: text }).strict(),
    z.object({ h2: text }).strict(),
    z.object({ p: text, indent: z.boolean().optional() }).strict(),
    z.object({ center: text, bold: z.boolean().optional() }).strict(),
    z.object({ item: text, label: z.string(), level: z.number().int().min(0).max(3).optional() }).strict(),
    z.object({ pre: text }).strict(),
    z.object({ quote: text }).strict(),
    z.object({ ref: text }).strict(),
    z.object({ pagebreak: z.literal(true) }).strict(),
    z.object({ columns: z.object({ title: text, blocks: z.array(blockSchema) }).strict() }).strict(),
  ]),
);

export type Block =
  | { title: string; authors?: string; affiliation?: string }
  | { abstract: string; label: string }
  | { keywords: string; label: string }
  | { h: string }
  | { h2: string }
  | { p: string; indent?: boolean }
  | { center: string; bold?: boolean }
  | { item: string; label: string; level?: number }
  | { pre: string }
  | { quote: string }
  | { ref: string }
  | { pagebreak: true }
  | { columns: { title: string; blocks: Block[] } };

/** A header row is [left, centre, right]; `{page}` is replaced by the printed page number. */
const headerRow = z.tuple([z.string(), z.string(), z.string()]);

export const corpusSourceSchema = z
  .object({
    /** Output file name without extension. */
    file: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    lang: z.enum(['id', 'en']),
    title: text,
    author: text,
    /** Lines printed at the top of the first page instead of the running header (journal masthead). */
    masthead: z.array(z.string()).default([]),
    header: z.object({ even: headerRow, odd: headerRow }).optional(),
    pageNumbers: z
      .object({ position: z.enum(['bottom', 'top-dash', 'none']), first: z.number().int().min(1) })
      .default({ position: 'bottom', first: 1 }),
    blocks: z.array(blockSchema).min(1),
    notes: z.record(z.string().regex(/^\d+$/), text).default({}),
  })
  .strict();

export type CorpusSource = z.output<typeof corpusSourceSchema>;
export type CorpusSourceInput = z.input<typeof corpusSourceSchema>;

/** Validates a parsed YAML/JSON value; throws with the zod issues and the file name on bad input. */
export function parseCorpusSource(value: unknown, name = 'source'): CorpusSource {
  const parsed = corpusSourceSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`${name}: not a valid corpus source: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
