import { HubError } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import type { PackStore } from '../../models/pack-store.js';
import { hubBase, modelHosts } from '../../models/fetch/hub-urls.js';

/** models.list / models.verify. Import and export join through their own modules. */
export function modelsMethods(store: PackStore): MethodHandlers {
  return {
    'models.list': () => store.list(),
    'models.verify': async (p) => {
      if (p.id && !store.get(p.id)) throw new HubError('NOT_FOUND', `model pack "${p.id}" is not installed`);
      return store.verify(p.id);
    },
    // What the console shows before a fetch: the host it will contact (the same resolution as the download's).
    'models.fetchSource': () => {
      const from = process.env.HF_ENDPOINT?.trim() ? ('HF_ENDPOINT' as const) : ('default' as const);
      const allowedHosts = modelHosts();
      try {
        const base = hubBase(undefined);
        return { base, host: new URL(base).host, from, problem: null, allowedHosts };
      } catch (err) {
        return { base: null, host: null, from, problem: err instanceof Error ? err.message : String(err), allowedHosts };
      }
    },
  };
}
