import { z } from 'zod';

export const instrumentsOptions = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();
export type InstrumentsOptions = z.infer<typeof instrumentsOptions>;
