import { HubError, type TranslateLang } from '../../../common/contract/index.js';
import { loadMarianEngine, type PackSource } from './marian-engine.js';
import type { MtEngine } from './mt-engine.js';

export interface MtRequest {
  from: TranslateLang;
  to: TranslateLang;
  texts: string[];
}

/**
 * Model-host side of translation: one loaded OPUS-MT engine per pair, kept for the life of the host (loading
 * takes seconds; a sentence takes milliseconds).
 */
export class MtHostService {
  private engines = new Map<string, Promise<MtEngine>>();

  constructor(private readonly packs: PackSource) {}

  async translate(req: MtRequest, signal?: AbortSignal): Promise<{ engine: string; texts: string[] }> {
    if (req.from === req.to) throw new HubError('BAD_REQUEST', 'from and to must differ');
    const key = `${req.from}-${req.to}`;
    let e = this.engines.get(key);
    if (!e) {
      e = loadMarianEngine(this.packs, req.from, req.to);
      this.engines.set(key, e);
      e.catch(() => this.engines.delete(key));
    }
    const engine = await e;
    return { engine: engine.id, texts: await engine.translate(req.texts, signal) };
  }
}
