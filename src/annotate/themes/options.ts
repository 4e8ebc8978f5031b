import { z } from 'zod';

export const themesOptions = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();
export type ThemesOptions = z.infer<typeof themesOptions>;
