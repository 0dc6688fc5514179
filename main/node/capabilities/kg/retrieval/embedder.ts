/** What retrieval needs from an embedder: the built-in concept vectors or the `embed` capability's model. */
export interface Embedder {
  /** Stable id stored with the vectors (vectors of another embedder are rebuilt, never mixed). */
  id: string;
  /** Honest name for `engine.embedder`. */
  label: string;
  dims: number;
  embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
}
