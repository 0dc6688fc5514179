import type { TranslateLang } from '../../../common/contract/index.js';
import type { HostProcess } from '../../hub/host-process.js';
import type { PackStore } from '../../models/pack-store.js';
import { packIdFor } from './marian-engine.js';
import type { MtEngine } from './mt-engine.js';

/**
 * The MT engine as the hub sees it: a pair is offered only when its OPUS-MT pack is installed; the sentences are
 * translated in the model host (`translate.mt`), which loads the pack once.
 */
export function modelHostMt(host: HostProcess, packs: PackStore): (from: TranslateLang, to: TranslateLang) => MtEngine | undefined {
  return (from, to) => {
    const id = packIdFor(from, to);
    if (!packs.get(id)) return undefined;
    return {
      id,
      async translate(texts, signal) {
        const r = (await host.call('translate.mt', { from, to, texts }, signal ? { signal } : {})) as { texts: string[] };
        return r.texts;
      },
    };
  };
}
