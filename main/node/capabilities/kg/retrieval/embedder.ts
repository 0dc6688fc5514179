/** What retrieval needs from an embedder: the built-in concept vectors or the `embed` capability's model. */
export interface Embedder {
  /** Stable id stored with the vectors (vectors of another embedder are rebuilt, never mixed). */
  id: string;
  /** Honest name for `engine.embedder`. */
  label: string;
  dims: number;
  /**
   * True when the answer score's blend and the no-answer threshold (answer/ask.ts) were calibrated on this
   * embedder's similarities. Only the built-in one is: a model's cosine similarities live on another scale.
   */
  calibrated: boolean;
  embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
}
