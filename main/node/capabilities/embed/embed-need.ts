import type { PackNeed } from '../../hub/feature.js';

/** A multilingual sentence-embedding pack (models/manifest.json: capability "embed", engine "transformers-onnx"). */
export const EMBED_PACK_NEED: PackNeed = {
  what: 'multilingual sentence embeddings (multilingual-e5-small)',
  capability: 'embed',
  engines: ['transformers-onnx'],
};
