import { z } from 'zod';

export const claimsOptions = z
  .object({
    enabled: z.boolean().default(true),
    /** Registry folder, relative to the pipeline file (pipelines/registry by default); shared with instruments. */
    registry: z.string().min(1).default('registry'),
    /** How far (characters) a claim's sentence may reach either side of the mention when no sentence segment holds it. */
    maxReach: z.number().int().positive().default(600),
    /** How far back (characters) an anaphor ("Konvensi tersebut") may find the instrument it refers to. */
    anaphoraReach: z.number().int().positive().default(600),
  })
  .strict();
export type ClaimsOptions = z.infer<typeof claimsOptions>;
