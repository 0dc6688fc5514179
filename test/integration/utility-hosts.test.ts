import { afterAll, describe, expect, it } from 'vitest';
import { utilityHostSpawner } from '../../main/electron/utility-host-spawner.js';
import { cleanupTempDirs } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';
import { fakeUtilityProcess } from '../helpers/fake-utility-process.js';

afterAll(cleanupTempDirs);

/** Hosts under Electron's utilityProcess (faked over a real fork; see test/helpers/fake-utility-process.ts). */
describe('hosts as utility processes', () => {
  it('forks the plugin host with its sandbox flags, a name and piped stderr, and it answers through parentPort', async () => {
    const up = fakeUtilityProcess();
    const hub = testHub({ hostSpawner: utilityHostSpawner(up) });
    try {
      const r = await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 1 } });
      expect(r.job.status).toBe('succeeded');
      const call = up.calls.find((c) => c.modulePath.endsWith('plugin-host-entry.js'))!;
      expect(call.options).toMatchObject({ serviceName: 'plugin "test-slow"', stdio: ['ignore', 'inherit', 'pipe'] });
      expect(call.options.execArgv).toEqual(expect.arrayContaining([expect.stringMatching(/^--(experimental-)?permission$/)]));
      expect(hub.plugins.hostOf('test-slow')!.permission).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('refuses to run a plugin where the runtime ignored --permission, with the reason', async () => {
    const hub = testHub({ hostSpawner: utilityHostSpawner(fakeUtilityProcess({ dropPermissionFlags: true })) });
    try {
      const err = await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 1 } }).catch((e) => e);
      expect(err).toMatchObject({ code: 'UNAVAILABLE' });
      expect(err.message).toMatch(/did not apply Node's permission model .* never run unconfined/);
    } finally {
      await hub.close();
    }
  });
});
