import { HubError } from '../../../common/contract/index.js';
import type { HostServiceContext, HostServiceInstance } from '../../hub/feature.js';
import { loadMarianEngine } from './marian-engine.js';
import type { MtEngine } from './mt-engine.js';

/**
 * The model host's translation: one OPUS-MT engine per pair, loaded on first use (seconds) and kept for the life of
 * the host (a sentence then takes milliseconds).
 */
export function translateHostService(ctx: HostServiceContext): HostServiceInstance {
  const engines = new Map<string, Promise<MtEngine>>();
  return {
    handlers: {
      'translate.mt': async (p, c) => {
        if (p.from === p.to) throw new HubError('BAD_REQUEST', 'from and to must differ');
        const key = `${p.from}-${p.to}`;
        let e = engines.get(key);
        if (!e) {
          e = loadMarianEngine(ctx.packs, p.from, p.to);
          engines.set(key, e);
          e.catch(() => engines.delete(key));
        }
        const engine = await e;
        return { engine: engine.id, texts: await engine.translate(p.texts, c.signal) };
      },
    },
  };
}
