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

  async translate(texts: string[], o: { maxNewTokens?: number } = {}): Promise<string[]> {
    const out: string[] = [];
    // One sentence at a time keeps memory flat on long documents; batching gains little on 2 CPU cores.
    for (const text of texts) {
      const [r] = await this.run(text, { max_new_tokens: o.maxNewTokens ?? 256 });
      out.push(r?.translation_text ?? '');
    }
    return out;
  }
}
