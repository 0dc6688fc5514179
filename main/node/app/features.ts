import { modelsFeature } from '../capabilities/models/contribution.js';
import { ocrFeature } from '../capabilities/ocr/contribution.js';
import { prereviewFeature } from '../capabilities/prereview/contribution.js';
import type { FeatureContribution } from '../hub/feature.js';

/**
 * THE list of the app's features. A new capability is one entry here plus its folder in main/node/capabilities/
 * (docs/architecture.md, "Adding a capability"); the hub, the CLI and the model host take everything from here.
 * Plugins are not listed: they join at run time through the plugin manager.
 */
export const features: readonly FeatureContribution[] = [modelsFeature, ocrFeature, prereviewFeature];
