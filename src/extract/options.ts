import { z } from 'zod';

export const extractOptions = z
  .object({
    /** Password tried for encrypted PDFs. */
    password: z.string().optional(),
    /** Share of recognizable words under which a text layer is flagged as garbage. */
    minWordShare: z.number().min(0).max(1).default(0.5),
    /**
     * Share of frequent English/Indonesian words under which a text layer is also flagged, when no
     * more than 80% of its words look plausible (cipher-like text from a wrong font map).
     */
    minCommonWordShare: z.number().min(0).max(1).default(0.05),
  })
  .strict();
export type ExtractOptions = z.infer<typeof extractOptions>;
