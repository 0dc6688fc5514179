import { z } from 'zod';

export const Health = z.object({
  ok: z.literal(true),
  app: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  capabilities: z.number().int(),
});
export type Health = z.infer<typeof Health>;
