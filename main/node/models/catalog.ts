import fs from 'node:fs';
import path from 'node:path';
import { Catalog, HubError, parseOrThrow, type CatalogPack, type PackFile, type PackRecord } from '../../common/contract/index.js';
import { resourcesRoot } from '../config/app-paths.js';

export const catalogFile = () => path.join(resourcesRoot(), 'models', 'manifest.json');
/** Packs prepared at install time (read-only at run time; bundled by electron-builder). */
export const appPacksDir = () => path.join(resourcesRoot(), 'models', 'packs');

/** The app's model manifest (models/manifest.json): every pack it knows, with expected files and hashes. */
export function loadCatalog(file = catalogFile()): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HubError('INTERNAL', `cannot read the model manifest ${file}: ${(err as Error).message}`);
  }
  const catalog = parseOrThrow(Catalog, raw, `model manifest ${file}`);
  const ids = new Set<string>();
  for (const p of catalog.packs) {
    if (ids.has(p.id)) throw new HubError('INTERNAL', `model manifest lists "${p.id}" twice`);
    ids.add(p.id);
  }
  return catalog;
}

/** The pack.json of an installed copy of a catalog pack: the catalog's description plus the files as installed. */
export function packRecordFor(entry: CatalogPack, files: PackFile[], extra: Partial<PackRecord> = {}): PackRecord {
  return {
    id: entry.id,
    capability: entry.capability,
    engine: entry.engine,
    version: entry.version,
    languages: entry.languages,
    licence: entry.licence,
    source: entry.source,
    files,
    ...(entry.hf ? { hf: entry.hf } : {}),
    ...extra,
  };
}
