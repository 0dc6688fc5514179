import type { Embedder } from '../retrieval/embedder.js';

/**
 * How an answer's score blends coverage of the question with vector similarity. 0.75 / 0.25 and the no-answer
 * threshold were calibrated with the built-in cedict-concepts vectors (`npm run bench -- qa`). A model pack's
 * cosine similarities live on another scale (e5 models put unrelated texts at 0.7–0.8), and no real weights are
 * here to calibrate them: with an uncalibrated embedder the model's vectors only bring candidates (reciprocal-rank
 * fusion) and the score — so the no-answer decision — rests on coverage alone, which does not depend on the model.
 */
export function scoreWeights(embedder: Pick<Embedder, 'calibrated'> | null): { coverage: number; vector: number } {
  return embedder && !embedder.calibrated ? { coverage: 1, vector: 0 } : { coverage: 0.75, vector: 0.25 };
}
