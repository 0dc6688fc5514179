import type { FeatureContribution } from '../../hub/feature.js';
import { embedCapability } from './embed-capability.js';
import { EMBED_PACK_NEED } from './embed-need.js';

/** Sentence embeddings: the `embed` capability, served by the model host where an embedding pack is installed. */
export const embedFeature: FeatureContribution = {
  id: 'embed',
  needs: [EMBED_PACK_NEED],
  hostServices: [{ id: 'embed', load: async () => (await import('./embed-host-service.js')).embedHostService }],
  activate: ({ modelHost }) => ({ capabilities: [embedCapability(modelHost)] }),
};
