import type { FeatureContribution } from '../../hub/feature.js';
import { OCR_PACK_NEED } from '../ocr/engine-registry.js';
import { prereviewCapability } from './prereview-capability.js';
import { prereviewCmd } from './prereview-cli.js';
import { prereviewMethods } from './prereview-methods.js';

/**
 * Material pre-review: the `prereview` capability (OCR in the model host's `ocr` service, rules in the hub),
 * `prereview.services` (the catalog, available without OCR packs), `ic prereview`, the pre-review screen.
 */
export const prereviewFeature: FeatureContribution = {
  id: 'prereview',
  screen: 'prereview',
  needs: [OCR_PACK_NEED],
  commands: [prereviewCmd],
  activate: ({ modelHost }) => ({ capabilities: [prereviewCapability(modelHost)], methods: prereviewMethods() }),
};
