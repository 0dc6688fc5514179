import { EmbedInput, EmbedOutput } from '../../../common/contract/index.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { ModelHost } from '../../hub/model-host.js';

/** `embed`: texts to sentence vectors in the model host (transformers.js + onnxruntime-node). */
export function embedCapability(host: ModelHost) {
  return builtinCapability({
    id: 'embed',
    title: 'Sentence embeddings (multilingual)',
    description: 'One L2-normalised vector per text from the installed embedding pack (multilingual-e5-small).',
    input: EmbedInput,
    output: EmbedOutput,
    async invoke(input, ctx) {
      const out = await host.call('embed', { input }, { signal: ctx.signal });
      return { output: out, engine: out.model };
    },
  });
}
