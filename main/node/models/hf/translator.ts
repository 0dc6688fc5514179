import { HubError, type HfLayout } from '../../../common/contract/index.js';
import { checkHfLayout } from './check-layout.js';
import { withPackDir } from './transformers-runtime.js';

type Translate = (texts: string | string[], o: object) => Promise<{ translation_text: string }[]>;

/** Machine translation from a MarianMT pack (OPUS-MT), greedy decoding through transformers.js. */
export class HfTranslator {
  private constructor(
    readonly id: string,
    private readonly run: Translate,
  ) {}

  static async load(id: string, dir: string, layout: HfLayout): Promise<HfTranslator> {
    if (layout.task !== 'translation') throw new HubError('UNAVAILABLE', `model pack "${id}" is not a translation model`);
    await checkHfLayout(id, dir, layout);
    return withPackDir(dir, async (t, modelId) => {
      const run = (await t.pipeline('translation', modelId, { local_files_only: true, dtype: layout.dtype })) as unknown as Translate;
      return new HfTranslator(id, run);
    });
  }

  /**
   * Translates sentences `batchSize` at a time (padded batches through the encoder and the cached decoder); 1 (the
   * default) keeps memory flat on long documents. `signal` is checked between batches.
   */
  async translate(texts: string[], o: { maxNewTokens?: number; batchSize?: number; signal?: AbortSignal } = {}): Promise<string[]> {
    const out: string[] = [];
    const size = Math.max(1, o.batchSize ?? 1);
    for (let i = 0; i < texts.length; i += size) {
      if (o.signal?.aborted) throw new HubError('CANCELLED', 'translation cancelled');
      const batch = texts.slice(i, i + size);
      const r = await this.run(batch.length === 1 ? batch[0]! : batch, { max_new_tokens: o.maxNewTokens ?? 256 });
      for (let k = 0; k < batch.length; k++) out.push(r[k]?.translation_text ?? '');
    }
    return out;
  }
}
