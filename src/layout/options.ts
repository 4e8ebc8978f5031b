import { z } from 'zod';

export const layoutOptions = z
  .object({
    footnotes: z.boolean().default(true),
    headers: z.boolean().default(true),
    dehyphenate: z.boolean().default(true),
    columns: z.boolean().default(true),
  })
  .strict();
export type LayoutOptions = z.infer<typeof layoutOptions>;
