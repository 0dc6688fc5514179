import { z } from 'zod';

export const Health = z.object({
  ok: z.literal(true),
  app: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  capabilities: z.number().int(),
  /** Where the data key is kept: electron-safeStorage, os-keychain or key-file. */
  keyProvider: z.string().optional(),
  /** How the model host (which parses untrusted images and PDFs) is confined: "permission model (...)" or "none: <reason>". */
  sandbox: z.string().optional(),
});
export type Health = z.infer<typeof Health>;
