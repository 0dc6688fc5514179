import { HubError, type HfLayout } from '../../../common/contract/index.js';
import { checkHfLayout } from './check-layout.js';
import { withPackDir } from './transformers-runtime.js';

export type EmbedKind = 'query' | 'passage';

/**
 * Sentence embeddings from a feature-extraction pack (multilingual-e5): mean pooling over the last hidden state,
 * L2-normalised. e5 models were trained with "query: " / "passage: " prefixes, so the caller says which.
 */
export class HfEmbedder {
  private constructor(
    readonly id: string,
    readonly dims: number,
    private readonly extractor: (texts: string[], o: object) => Promise<{ tolist(): number[][]; dims: number[] }>,
  ) {}

  static async load(id: string, dir: string, layout: HfLayout): Promise<HfEmbedder> {
    if (layout.task !== 'feature-extraction') throw new HubError('UNAVAILABLE', `model pack "${id}" is not an embedding model`);
    await checkHfLayout(id, dir, layout);
    return withPackDir(dir, async (t, modelId) => {
      const extractor = (await t.pipeline('feature-extraction', modelId, { local_files_only: true, dtype: layout.dtype })) as unknown as (
        texts: string[],
        o: object,
      ) => Promise<{ tolist(): number[][]; dims: number[] }>;
      const probe = await extractor(['passage: probe'], { pooling: 'mean', normalize: true });
      return new HfEmbedder(id, probe.dims[1]!, extractor);
    });
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (!texts.length) return [];
    const out = await this.extractor(texts.map((t) => `${kind}: ${t}`), { pooling: 'mean', normalize: true });
    return out.tolist().map((v) => Float32Array.from(v));
  }
}
