import { z } from 'zod';

export const themesOptions = z
  .object({
    enabled: z.boolean().default(true),
    /** The codebook YAML, relative to the pipelines/ folder (or absolute). */
    codebook: z.string().min(1).default('codebooks/migration-law-v1.yaml'),
    /** Emit paragraph roll-ups of the sentence codes. */
    paragraphs: z.boolean().default(true),
  })
  .strict();
export type ThemesOptions = z.infer<typeof themesOptions>;
