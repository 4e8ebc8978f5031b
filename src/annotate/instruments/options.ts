import { z } from 'zod';

export const instrumentsOptions = z
  .object({
    enabled: z.boolean().default(true),
    /** Registry folder, relative to the pipeline file (pipelines/registry by default). */
    registry: z.string().min(1).default('registry'),
    /** Characters either side of an ambiguous short form searched for context words. */
    contextWindow: z.number().int().positive().default(600),
  })
  .strict();
export type InstrumentsOptions = z.infer<typeof instrumentsOptions>;
