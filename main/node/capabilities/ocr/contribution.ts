import type { FeatureContribution } from '../../hub/feature.js';
import { OCR_PACK_NEED } from './engine-registry.js';
import { ocrCapability } from './ocr-capability.js';
import { ocr } from './ocr-cli.js';
import { ocrMethods } from './ocr-methods.js';

/** OCR: the `ocr` capability (run in the model host), `ocr.export` (no pack needed), `ic ocr`, the OCR screen. Needs an OCR pack. */
export const ocrFeature: FeatureContribution = {
  id: 'ocr',
  screen: 'ocr',
  needs: [OCR_PACK_NEED],
  commands: [ocr],
  hostServices: [{ id: 'ocr', load: async () => (await import('./ocr-host-service.js')).ocrHostService }],
  activate: ({ modelHost, audit }) => ({ capabilities: [ocrCapability(modelHost)], methods: ocrMethods(audit) }),
};
