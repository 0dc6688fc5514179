import { HubError } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import type { PackStore } from '../../models/pack-store.js';

/** models.list / models.verify. Import and export join through their own modules. */
export function modelsMethods(store: PackStore): MethodHandlers {
  return {
    'models.list': () => store.list(),
    'models.verify': async (p) => {
      if (p.id && !store.get(p.id)) throw new HubError('NOT_FOUND', `model pack "${p.id}" is not installed`);
      return store.verify(p.id);
    },
  };
}
