import { createApp, type App, type AppOptions } from '../../main/node/app/app.js';
import { fixturePluginsDir, tempDir } from './temp.js';

/**
 * The app (hub + the app's features + plugins, as Electron, the server and the CLI open it) on a fresh data folder
 * with the test fixture plugins; stderr of hosts collected for assertions. Tests of the bare hub (no feature) call
 * createHub from main/node/hub/hub.ts directly.
 */
export function testHub(options: AppOptions = {}): App & { stderr: string[] } {
  const stderr: string[] = [];
  const hub = createApp({
    dataDir: tempDir(),
    extraPluginDirs: [fixturePluginsDir],
    onHostStderr: (c) => stderr.push(c),
    ...options,
  });
  return Object.assign(hub, { stderr });
}
