import { z } from 'zod';

export const segmentOptions = z
  .object({
    /** Languages franc may choose between; anything else is `und`. */
    languages: z.array(z.enum(['id', 'en'])).default(['id', 'en']),
    /** Paragraphs shorter than this (characters) inherit the document language. */
    minLanguageLength: z.number().int().positive().default(40),
    /** franc is "unsure" (the paragraph inherits the document language) when its runner-up scores within this of the winner. */
    languageMargin: z.number().min(0).max(1).default(0.02),
  })
  .strict();
export type SegmentOptions = z.infer<typeof segmentOptions>;
