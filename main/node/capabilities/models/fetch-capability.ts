import { ModelsFetchInput, ModelsFetchOutput } from '../../../common/contract/index.js';
import type { CapabilityProvider } from '../../hub/capability-registry.js';
import { builtinCapability } from '../../hub/builtin-capability.js';
import type { PackStore } from '../../models/pack-store.js';
import { fetchPack, type FetchPackOptions } from '../../models/fetch/fetch-pack.js';
import { hostOf } from '../../models/fetch/hub-urls.js';

export type FetchTuning = Pick<FetchPackOptions, 'retries' | 'retryDelayMs' | 'stallMs' | 'env'>;

/**
 * `models.fetch`: downloads a catalog pack from a model hub or mirror into the data folder, as a job (progress in
 * bytes, cancellation and timeout keep the partial files for the next run).
 */
export function fetchCapability(store: PackStore, tuning: FetchTuning = {}): CapabilityProvider {
  return builtinCapability({
    id: 'models.fetch',
    title: 'Download a model pack',
    description:
      'Downloads a pack the manifest lists from a Hugging Face hub or mirror (baseUrl, else HF_ENDPOINT, else huggingface.co), ' +
      'resuming partial files, checks every file against the manifest (or the hashes pinned at the first download) and installs it in the data folder.',
    input: ModelsFetchInput,
    output: ModelsFetchOutput,
    async invoke(input, ctx) {
      const r = await fetchPack(store, {
        ...tuning,
        id: input.id,
        ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
        signal: ctx.signal,
        onProgress: (p) => ctx.onProgress(p),
      });
      return { output: { id: r.id, files: r.files, bytes: r.bytes, hashesPinned: r.hashesPinned }, engine: `download:${hostOf(r.base)}` };
    },
  });
}
