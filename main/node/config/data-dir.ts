import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { lockDown } from './permissions.js';

export const APP_NAME = 'Intelligent Center';

/**
 * The one writable folder: databases, user plugins, imported model packs, logs.
 * IC_DATA_DIR wins; Electron sets it to app.getPath('userData'); otherwise the platform's app-data folder
 * (the same place Electron's userData would be, so the CLI and the window share data).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.IC_DATA_DIR) return path.resolve(env.IC_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export interface DataLayout {
  root: string;
  db: string;
  plugins: string;
  models: string;
  logs: string;
}

export function dataLayout(root: string): DataLayout {
  return {
    root,
    db: path.join(root, 'hub.sqlite'),
    plugins: path.join(root, 'plugins'),
    models: path.join(root, 'models'),
    logs: path.join(root, 'logs'),
  };
}

/** Creates the data folder's layout owner-only (0700) and fixes the modes of anything already there (0700/0600). */
export function ensureDataLayout(root: string): DataLayout {
  const layout = dataLayout(root);
  for (const dir of [layout.root, layout.plugins, layout.models, layout.logs]) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  lockDown(layout.root);
  return layout;
}
