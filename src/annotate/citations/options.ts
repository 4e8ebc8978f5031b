import { z } from 'zod';

export const citationsOptions = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();
export type CitationsOptions = z.infer<typeof citationsOptions>;
