import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostParamsOf } from '../../../main/common/contract/index.js';
import { ModelHost } from '../../../main/node/hub/model-host.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../../helpers/temp.js';

const host = new ModelHost({ entry: path.join(fixturesDir, 'model-host', 'fake-host.mjs'), dataDir: tempDir(), onStderr: () => undefined });
afterAll(async () => {
  await host.dispose();
  cleanupTempDirs();
});

describe('the typed model-host channel (contract/host-methods.ts)', () => {
  it('passes params parsed by the contract (defaults applied) and returns the checked result', async () => {
    expect(await host.call('ocr', { input: { file: { path: 'a.png' } } })).toEqual({ file: 'a.png (engine auto, lang auto)', pages: [] });
  }, 60_000);

  it('refuses params that break the contract in the host, before a handler runs (BAD_REQUEST)', async () => {
    const bad = { input: { file: { path: 'a.png' }, engine: 'magic' } } as unknown as HostParamsOf<'ocr'>;
    await expect(host.call('ocr', bad)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('params for host method ocr') });
  }, 60_000);

  it('refuses an answer that breaks the contract in the hub (INTERNAL), and answers memory itself', async () => {
    await expect(host.call('ocr', { input: { file: { path: 'breaks-contract' } } })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('model host answered ocr outside its contract'),
    });
    expect((await host.call('memory', {})).rss).toBeGreaterThan(0);
  }, 60_000);

  it('a hub without a model host entry says so (UNAVAILABLE)', async () => {
    await expect(new ModelHost({ dataDir: tempDir() }).call('memory', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
