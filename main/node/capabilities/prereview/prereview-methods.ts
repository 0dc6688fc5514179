import type { ServiceSummary } from '../../../common/contract/index.js';
import type { MethodHandlers } from '../../hub/api.js';
import { defaultCatalogPath, loadCatalog, type CatalogProvider } from './catalog.js';

/**
 * `prereview.services`: the service catalog as pickers need it (ids, names, materials). Read on each call; the file
 * is parsed again only when it changed. Available with or without OCR packs (the list is not the review).
 * `catalog` is the file, or a provider (the knowledge graph's catalog, one source of truth).
 */
export function prereviewMethods(catalog: string | CatalogProvider = defaultCatalogPath()): MethodHandlers {
  return {
    'prereview.services': async (): Promise<ServiceSummary[]> =>
      (typeof catalog === 'function' ? await catalog() : loadCatalog(catalog)).services.map((s) => ({
        id: s.id,
        name: s.name,
        nameEn: s.nameEn,
        department: s.department,
        materials: s.materials.map((m) => ({
          id: m.id,
          name: m.name,
          nameEn: m.nameEn,
          type: m.type,
          required: m.required,
          mustBeValid: m.mustBeValid,
        })),
      })),
  };
}
