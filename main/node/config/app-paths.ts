import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The app's own read-only folders. Works from the sources (main/node/config/*.ts under vitest/tsx), from the
 * build (dist/main/node/config/*.js) and from a packaged app (resources/app.asar/dist/...).
 */
function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && !dir.endsWith(path.join('dist'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the app root (no package.json above ' + fileURLToPath(import.meta.url) + ')');
}

export const appRoot = findAppRoot();
export const appVersion: string = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')).version;

/** Where the app's resources live; electron-builder copies models/ and plugins/ beside app.asar as extra resources. */
export function resourcesRoot(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && appRoot.includes('app.asar')) return resourcesPath;
  return appRoot;
}

export const builtinPluginsDir = () => path.join(resourcesRoot(), 'plugins');
export const consoleDir = () => path.join(appRoot, 'dist', 'renderer');

