/**
 * The graph's vectors from an installed embedding model pack (multilingual-e5-small through the `embed` feature's
 * model-host service). The graph runs in the hub; the model runs in the model host process: this side only sees
 * an injected `EmbedModel` (the kg contribution wires it to the pack store and `modelHost.call('embed', …)`), so
 * retrieval and tests do not care how the vectors are made.
 */
import type { Embedder } from './embedder.js';

/** The installed pack the vectors come from: its id, version and a fingerprint of its files (a replaced file is another model). */
export interface EmbedPackRef {
  id: string;
  version: string;
  fingerprint: string;
}

/** What the graph needs from the model side. */
export interface EmbedModel {
  /** The installed, intact embedding pack now (the embed feature's need), or undefined. Cheap: a folder scan. */
  pack(): EmbedPackRef | undefined;
  /** Sentence vectors (L2-normalised) for texts; `kind` gives e5 its "query: " / "passage: " prefix. */
  embed(texts: string[], kind: 'query' | 'passage'): Promise<{ model: string; dims: number; vectors: number[][] }>;
}

/** The model pack failed (crash, bad pack, wrong answer): the graph falls back to the built-in embedder. */
export class ModelEmbedderError extends Error {
  constructor(
    readonly packId: string,
    readonly reason: string,
  ) {
    super(`embedding model "${packId}" failed: ${reason}`);
  }
}

/** The contract's limit of texts per `embed` call is 256; 32 keeps one call short on 2 cores and progress frequent. */
export const MODEL_EMBED_BATCH = 32;

/** Embedder id of a pack: vectors made by another pack, version or file set are never mixed with these. */
export const modelEmbedderId = (ref: EmbedPackRef): string => `model:${ref.id}@${ref.version}#${ref.fingerprint}`;

export class ModelEmbedder implements Embedder {
  readonly id: string;
  readonly label: string;
  /** The score blend and the no-answer threshold were calibrated on the built-in vectors, not on this model's. */
  readonly calibrated = false;

  private constructor(
    private readonly model: EmbedModel,
    readonly ref: EmbedPackRef,
    readonly dims: number,
  ) {
    this.id = modelEmbedderId(ref);
    this.label = `${ref.id} ${ref.version} (model pack, in the model host; no-answer threshold not calibrated for it)`;
  }

  /** Asks the model once (it loads in the model host) to learn its dimensions; a model that cannot answer fails here. */
  static async open(model: EmbedModel, ref: EmbedPackRef): Promise<ModelEmbedder> {
    const probe = await call(model, ref, ['probe'], 'query');
    return new ModelEmbedder(model, ref, probe.dims);
  }

  async embed(texts: string[], kind: 'query' | 'passage', onBatch?: (done: number) => void): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += MODEL_EMBED_BATCH) {
      const r = await call(this.model, this.ref, texts.slice(i, i + MODEL_EMBED_BATCH), kind);
      if (r.dims !== this.dims) throw new ModelEmbedderError(this.ref.id, `vectors of ${r.dims} dimensions, expected ${this.dims} (the pack changed?)`);
      for (const v of r.vectors) out.push(Float32Array.from(v));
      onBatch?.(out.length);
    }
    return out;
  }
}

async function call(model: EmbedModel, ref: EmbedPackRef, texts: string[], kind: 'query' | 'passage') {
  let r: Awaited<ReturnType<EmbedModel['embed']>>;
  try {
    r = await model.embed(texts, kind);
  } catch (err) {
    throw new ModelEmbedderError(ref.id, err instanceof Error ? err.message : String(err));
  }
  if (r.model !== ref.id) throw new ModelEmbedderError(ref.id, `the model host answered with "${r.model}"`);
  if (r.vectors.length !== texts.length || r.vectors.some((v) => v.length !== r.dims)) throw new ModelEmbedderError(ref.id, 'the model host answered with a malformed batch');
  return r;
}
