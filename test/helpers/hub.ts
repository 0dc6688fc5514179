import { createHub, type Hub, type HubOptions } from '../../main/node/hub/hub.js';
import { fixturePluginsDir, tempDir } from './temp.js';

/** A hub on a fresh data folder with the test fixture plugins; stderr of hosts collected for assertions. */
export function testHub(options: HubOptions = {}): Hub & { stderr: string[] } {
  const stderr: string[] = [];
  const hub = createHub({
    dataDir: tempDir(),
    extraPluginDirs: [fixturePluginsDir],
    onHostStderr: (c) => stderr.push(c),
    ...options,
  });
  return Object.assign(hub, { stderr });
}
