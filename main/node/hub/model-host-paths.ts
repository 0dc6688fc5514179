import fs from 'node:fs';
import path from 'node:path';
import { appRoot, resourcesRoot } from '../config/app-paths.js';
import type { DataLayout } from '../config/data-dir.js';
import { appPacksDir, catalogFile as defaultCatalogFile } from '../models/catalog.js';
import type { ModelHostPaths } from './model-host-sandbox.js';

/**
 * What the model host may touch: the app's code (and app.asar.unpacked, where the native modules are), its
 * node_modules where they really are, the model manifest's folder, the app's and the data folder's packs; writes
 * only the Tesseract language folder in the data folder. Both the path and its real path: Node's permission model
 * compares the paths it is given, and a link (models/packs in a worktree) resolves elsewhere.
 */
export function modelHostPaths(layout: Pick<DataLayout, 'models'>, catalogFile?: string): ModelHostPaths {
  const read = [appRoot, `${appRoot}.unpacked`, path.join(appRoot, 'node_modules'), path.join(resourcesRoot(), 'models'), appPacksDir(), layout.models];
  read.push(path.dirname(catalogFile ?? defaultCatalogFile()));
  // The folder may not exist yet: the host creates it on first Tesseract use (allowed by `<folder>/*`).
  const tessdata = path.join(layout.models, '.tessdata');
  const write = [...new Set([path.resolve(tessdata), path.join(realOr(layout.models), '.tessdata')])];
  return { read: withRealPaths(read), write };
}

function realOr(d: string): string {
  try {
    return fs.realpathSync(d);
  } catch {
    return path.resolve(d);
  }
}

function withRealPaths(dirs: string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    let real: string;
    try {
      real = fs.realpathSync(d);
    } catch {
      continue; // absent (no app.asar.unpacked outside a package, no data packs yet): nothing to allow
    }
    out.push(path.resolve(d));
    if (real !== path.resolve(d)) out.push(real);
  }
  return out;
}
