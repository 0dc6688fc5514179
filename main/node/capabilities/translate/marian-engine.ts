import { HubError, type TranslateLang } from '../../../common/contract/index.js';
import { HfTranslator } from '../../models/hf/translator.js';
import type { MtEngine } from './mt-engine.js';

/** The pack store as the engine needs it (models/models-service.ts provides it). */
export interface PackSource {
  require(id: string): { id: string; dir: string };
  catalogEntry(id: string): { hf?: import('../../../common/contract/index.js').HfLayout } | undefined;
}

export const packIdFor = (from: TranslateLang, to: TranslateLang) => `opus-mt-${from}-${to}`;

/**
 * OPUS-MT (MarianMT) through the real pack loading path: manifest layout check, transformers.js pipeline,
 * onnxruntime-node. Loaded once per pair; the caller decides where (the model host).
 */
export async function loadMarianEngine(store: PackSource, from: TranslateLang, to: TranslateLang, o: { batchSize?: number; maxNewTokens?: number } = {}): Promise<MtEngine> {
  const id = packIdFor(from, to);
  const pack = store.require(id);
  const hf = store.catalogEntry(id)?.hf;
  if (!hf) throw new HubError('UNAVAILABLE', `model pack "${id}" has no Hugging Face layout in the catalog`);
  const t = await HfTranslator.load(id, pack.dir, hf);
  return {
    id,
    translate: (texts, signal) => t.translate(texts, { batchSize: o.batchSize ?? 4, maxNewTokens: o.maxNewTokens ?? 256, ...(signal ? { signal } : {}) }),
  };
}
