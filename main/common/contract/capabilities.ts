import { z } from 'zod';

/** A capability as every door sees it: its id, who provides it, and its input/output as JSON Schema. */
export const CapabilityInfo = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  provider: z.object({ kind: z.enum(['builtin', 'plugin']), id: z.string() }),
  inputSchema: z.record(z.string(), z.unknown()),
  outputSchema: z.record(z.string(), z.unknown()),
  /**
   * Why the capability cannot run now (e.g. its model packs are not installed); absent when it can. Listed anyway,
   * so a client shows the feature with the reason instead of leaving it out silently; calling it is UNAVAILABLE.
   */
  unavailable: z.string().optional(),
});
export type CapabilityInfo = z.infer<typeof CapabilityInfo>;
