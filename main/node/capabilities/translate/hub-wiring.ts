import type { TranslateLang } from '../../../common/contract/index.js';
import type { ModelHost } from '../../hub/model-host.js';
import type { PackStore } from '../../models/pack-store.js';
import { packIdFor } from './marian-engine.js';
import type { MtEngine } from './mt-engine.js';

/**
 * The MT engine as the hub sees it: a pair is offered only when its OPUS-MT pack is installed (checked on every
 * call, so an imported pack is used without a restart); sentences are translated in the model host
 * (`translate.mt`), which loads the pack once.
 */
export function modelHostMt(host: ModelHost, packs: PackStore): (from: TranslateLang, to: TranslateLang) => MtEngine | undefined {
  return (from, to) => {
    const id = packIdFor(from, to);
    if (!packs.get(id)) return undefined;
    return {
      id,
      translate: async (texts, signal) => (await host.call('translate.mt', { from, to, texts }, signal ? { signal } : {})).texts,
    };
  };
}

/** Text of an image or PDF through the model host's OCR (used when OCR packs are installed). */
export function modelHostOcrText(host: ModelHost): (name: string, bytes: Buffer) => Promise<string> {
  return async (name, bytes) => {
    const out = await host.call('ocr', { input: { file: { name, base64: bytes.toString('base64') } } });
    return out.pages.map((p) => p.text).join('\n');
  };
}
