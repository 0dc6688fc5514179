import { z } from 'zod';

/**
 * `embed`: sentence vectors from a multilingual embedding pack (multilingual-e5-small through transformers.js in the
 * model host). Only offered where such a pack is installed; the knowledge graph has its own built-in vectors without.
 */
export const EmbedInput = z
  .object({
    texts: z.array(z.string().max(8000)).min(1).max(256),
    /** e5 models were trained with "query: " / "passage: " prefixes. */
    kind: z.enum(['query', 'passage']).default('passage'),
  })
  .strict();
export type EmbedInput = z.input<typeof EmbedInput>;

export const EmbedOutput = z.object({
  /** The pack that made the vectors. */
  model: z.string(),
  dims: z.number().int().positive(),
  /** One L2-normalised vector per text, in order. */
  vectors: z.array(z.array(z.number())),
});
export type EmbedOutput = z.infer<typeof EmbedOutput>;
