import path from 'node:path';
import type { DataLayout } from '../config/data-dir.js';
import { appPacksDir, loadCatalog } from './catalog.js';
import { PackStore } from './pack-store.js';

/** The pack store for a data folder: the app's prepared packs plus the data folder's fetched and imported ones. */
export function createPackStore(layout: Pick<DataLayout, 'models'>, catalogFile?: string, appDir = appPacksDir()): PackStore {
  return new PackStore({ catalog: loadCatalog(catalogFile), appDir: path.resolve(appDir), dataDir: path.resolve(layout.models) });
}
