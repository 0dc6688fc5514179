import type { Api } from './api.js';
import type { CapabilityProvider, CapabilityRegistry } from './capability-registry.js';
import type { FeatureContext, FeatureContribution, FeatureParts, PackNeed } from './feature.js';

/** A feature as `ic capabilities` and the console show it: available, or not with the reason. */
export interface FeatureStatus {
  id: string;
  screen?: string;
  capabilities: string[];
  /** Why the feature cannot work now; undefined when it can. */
  unavailable?: string;
}

/**
 * Activates the features: their API methods join the dispatcher, their capabilities the registry. A feature whose
 * model packs are missing still joins, its capabilities listed as unavailable with the reason (asked again on every
 * call, so installing the pack is enough); its methods that need no pack keep working.
 */
export function activateFeatures(
  features: readonly FeatureContribution[],
  hub: { registry: CapabilityRegistry; api: Api; ctx: FeatureContext },
): { status: () => FeatureStatus[]; dispose: () => Promise<void> } {
  const seen = new Set<string>();
  const active: { feature: FeatureContribution; parts: FeatureParts; missing: () => string | undefined }[] = [];
  for (const feature of features) {
    if (seen.has(feature.id)) throw new Error(`feature "${feature.id}" is listed twice`);
    seen.add(feature.id);
    const missing = () => missingPacks(feature.needs ?? [], hub.ctx);
    const parts = feature.activate?.(hub.ctx) ?? {};
    for (const provider of parts.capabilities ?? []) hub.registry.register(withNeeds(provider, missing));
    if (parts.methods) hub.api.provide(parts.methods);
    active.push({ feature, parts, missing });
  }
  return {
    status: () =>
      active.map(({ feature, parts, missing }) => {
        const why = missing();
        return {
          id: feature.id,
          ...(feature.screen ? { screen: feature.screen } : {}),
          capabilities: (parts.capabilities ?? []).map((c) => c.info.id),
          ...(why ? { unavailable: why } : {}),
        };
      }),
    dispose: async () => {
      await Promise.allSettled(active.map((a) => a.parts.dispose?.()));
    },
  };
}

/** The first need no installed pack meets, said the way a user can act on it; undefined when every need is met. */
export function missingPacks(needs: readonly PackNeed[], ctx: Pick<FeatureContext, 'packs'>): string | undefined {
  for (const need of needs) {
    if (ctx.packs.matching(need).length) continue;
    const filters = [
      need.engines ? `engine ${need.engines.join(' or ')}` : '',
      need.languages ? `language ${need.languages.join(' or ')}` : '',
      need.file ? `file ${need.file}` : '',
    ].filter(Boolean);
    return (
      `no model pack for ${need.what} is installed (models/manifest.json capability "${need.capability}"${filters.length ? ', ' + filters.join(', ') : ''}); ` +
      'prepare the app\'s packs (npm run models:prepare) or install one with `ic models import` / `ic models fetch`'
    );
  }
  return undefined;
}

function withNeeds(provider: CapabilityProvider, missing: () => string | undefined): CapabilityProvider {
  const own = provider.unavailable;
  return { ...provider, unavailable: () => missing() ?? own?.() };
}
