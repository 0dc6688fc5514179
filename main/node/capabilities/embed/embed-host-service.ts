import { HubError } from '../../../common/contract/index.js';
import type { HostServiceContext, HostServiceInstance } from '../../hub/feature.js';
import { HfEmbedder } from '../../models/hf/embedder.js';
import { EMBED_PACK_NEED } from './embed-need.js';

/** The model host's embedder: the first installed embedding pack, loaded on first use and kept. */
export function embedHostService(ctx: HostServiceContext): HostServiceInstance {
  let loaded: Promise<HfEmbedder> | undefined;
  const embedder = () =>
    (loaded ??= (async () => {
      const pack = ctx.packs.matching({ ...EMBED_PACK_NEED, intact: true })[0];
      if (!pack) throw new HubError('UNAVAILABLE', 'no embedding model pack installed (ic models fetch multilingual-e5-small, then ic models import)');
      const layout = ctx.packs.catalogEntry(pack.id)?.hf;
      if (!layout) throw new HubError('UNAVAILABLE', `model pack "${pack.id}" has no Hugging Face layout in the manifest`);
      return HfEmbedder.load(pack.id, pack.dir, layout);
    })().catch((err) => {
      loaded = undefined;
      throw err;
    }));
  return {
    handlers: {
      embed: async ({ input }) => {
        const e = await embedder();
        const vectors = await e.embed(input.texts, input.kind);
        return { model: e.id, dims: e.dims, vectors: vectors.map((v) => Array.from(v)) };
      },
    },
  };
}
