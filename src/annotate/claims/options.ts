import { z } from 'zod';

export const claimsOptions = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();
export type ClaimsOptions = z.infer<typeof claimsOptions>;
