import { z } from 'zod';

export const citationsOptions = z
  .object({
    enabled: z.boolean().default(true),
    /** Parse bibliography sections ("Daftar Pustaka", "References", …) in the body. */
    bibliography: z.boolean().default(true),
    /** Find author–year citations ("(Ruggie, 2013)", "Ruggie (2013: 16)") in the body. */
    inText: z.boolean().default(true),
    /** Warn about back-references that cannot be resolved ("Opcit." naming no author). */
    warnUnresolved: z.boolean().default(true),
  })
  .strict();
export type CitationsOptions = z.infer<typeof citationsOptions>;
