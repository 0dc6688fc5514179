import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { utilityHostSpawner } from '../../main/electron/utility-host-spawner.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';
import { fakeUtilityProcess } from '../helpers/fake-utility-process.js';

afterAll(cleanupTempDirs);

/** This runtime's answer, probed as the hub probes it. */
const confinable = ['--permission', '--experimental-permission'].some((f) => process.allowedNodeEnvironmentFlags.has(f)) && process.allowedNodeEnvironmentFlags.has('--allow-addons');

describe('the model host under the permission model', () => {
  it('runs, reads a file given by path outside its allowed folders (the hub reads it), and reports its sandbox honestly', async () => {
    const hub = testHub();
    try {
      // an image outside the app, the packs and the data folder's models
      const img = path.join(tempDir(), 'scan.jpg');
      fs.copyFileSync(path.join(fixturesDir, 'bad-inputs', 'exif-rotate-90.jpg'), img);
      const out = await hub.modelHost.call('ocr', { input: { file: { path: img }, engine: 'tesseract' } });
      expect(out.file).toBe(img);
      expect(out.pages.length).toBe(1);
      const health = await hub.client.call('health');
      expect(health.sandbox).toBe(hub.modelHost.sandbox);
      if (confinable) expect(health.sandbox).toMatch(/^permission model \(--(experimental-)?permission\): reads only/);
      else expect(health.sandbox).toMatch(/^none: /);
      await expect(hub.modelHost.call('ocr', { input: { file: { path: path.join(path.dirname(img), 'missing.png') } } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await hub.close();
    }
  }, 120_000);

  it('says "none" when the runtime started it without applying the flags (never claims a sandbox it lacks)', async () => {
    const hub = testHub({ hostSpawner: utilityHostSpawner(fakeUtilityProcess({ dropPermissionFlags: true })) });
    try {
      expect((await hub.modelHost.call('memory', {})).rss).toBeGreaterThan(0);
      expect(hub.modelHost.sandbox).toMatch(confinable ? /^none: the runtime started the model host without applying/ : /^none: /);
    } finally {
      await hub.close();
    }
  }, 60_000);
});
