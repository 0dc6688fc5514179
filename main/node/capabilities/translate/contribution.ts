import type { FeatureContribution } from '../../hub/feature.js';
import { modelHostMt, modelHostOcrText } from './hub-wiring.js';
import { tmExport, tmImport, tmStats } from './tm-cli.js';
import { translateCmd } from './translate-cli.js';
import { translateCapability } from './translate-capability.js';
import { translateMethods } from './translate-methods.js';
import { openTranslateService } from './translate-service.js';

/**
 * Translation workbench: the `translate` capability, `translate.export` and `tm.*` methods, `ic translate` and
 * `ic tm …`, the model host's `translate.mt` (OPUS-MT), the Translate screen. No `needs`: memory, glossary and the
 * dictionary draft work without a pack, and every result names the engine that answered.
 */
export const translateFeature: FeatureContribution = {
  id: 'translate',
  screen: 'translate',
  commands: [translateCmd, tmImport, tmExport, tmStats],
  hostServices: [{ id: 'translate', load: async () => (await import('./translate-host-service.js')).translateHostService }],
  activate: ({ modelHost, packs, layout }) => {
    const hasOcr = () => packs.list().some((p) => p.capability === 'ocr' && p.installed && p.verified);
    const ocr = modelHostOcrText(modelHost);
    const service = openTranslateService(layout.root, {
      mtFor: modelHostMt(modelHost, packs),
      ocrText: (name, bytes) => (hasOcr() ? ocr(name, bytes) : Promise.reject(new Error('no OCR pack is installed: ic models prepare, or import one'))),
    });
    return {
      capabilities: [translateCapability(service)],
      methods: translateMethods(service),
      dispose: async () => service.deps.tm.close(),
    };
  },
};
