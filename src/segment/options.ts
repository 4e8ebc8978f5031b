import { z } from 'zod';

export const segmentOptions = z
  .object({
    /** Languages franc may choose between; anything else is `und`. */
    languages: z.array(z.enum(['id', 'en'])).default(['id', 'en']),
    /** Paragraphs shorter than this (characters) inherit the document language. */
    minLanguageLength: z.number().int().positive().default(40),
  })
  .strict();
export type SegmentOptions = z.infer<typeof segmentOptions>;
