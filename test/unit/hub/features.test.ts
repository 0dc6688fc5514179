import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { features } from '../../../main/node/app/features.js';
import { capabilities } from '../../../main/node/cli/commands/capabilities.js';
import type { CommandOutput } from '../../../main/node/hub/cli/command.js';
import { builtinCapability } from '../../../main/node/hub/builtin-capability.js';
import type { FeatureContribution } from '../../../main/node/hub/feature.js';
import { createHub, type Hub } from '../../../main/node/hub/hub.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

const hubs: Hub[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  cleanupTempDirs();
});

/** A feature that needs a pack of capability "test-cap" (the manifest's field), with one capability and one method. */
const echoFeature: FeatureContribution = {
  id: 'echo',
  screen: 'echo',
  needs: [{ what: 'echoing', capability: 'test-cap', engines: ['test-engine'] }],
  activate: () => ({
    capabilities: [
      builtinCapability({
        id: 'echo',
        title: 'Echo',
        input: z.object({ text: z.string() }),
        output: z.object({ text: z.string() }),
        invoke: async (input) => ({ output: { text: input.text }, engine: 'echo' }),
      }),
    ],
    // A method that needs no pack keeps working while the feature is unavailable.
    methods: { 'prereview.services': () => [] },
  }),
};

/** Installs a pack record in the data folder's models/ (what `ic models import` leaves there). */
function installPack(hub: Hub, capability: string, engine: string): void {
  const dir = path.join(hub.layout.models, 'test-pack');
  fs.mkdirSync(dir, { recursive: true });
  const record = {
    id: 'test-pack',
    capability,
    engine,
    version: '1',
    languages: ['en'],
    licence: 'MIT',
    source: { kind: 'import', from: 'test' },
    files: [{ path: 'w.bin', size: 1, sha256: '0'.repeat(64) }],
  };
  fs.writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(record));
}

describe('the hub without features (createHub)', () => {
  it('answers health, jobs and capabilities.list, and has no feature method or capability', async () => {
    const hub = createHub({ dataDir: tempDir() });
    hubs.push(hub);
    expect(await hub.client.call('capabilities.list')).toEqual([]);
    expect((await hub.client.call('health')).ok).toBe(true);
    await expect(hub.client.call('prereview.services')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(hub.client.call('jobs.run', { capability: 'ocr', input: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(hub.features()).toEqual([]);
  });
});

describe('a feature contribution', () => {
  it('is listed as unavailable with the reason while its pack is missing, and becomes available once installed', async () => {
    const hub = createHub({ dataDir: tempDir() }, { features: [echoFeature] });
    hubs.push(hub);
    const [listed] = await hub.client.call('capabilities.list');
    expect(listed).toMatchObject({ id: 'echo', unavailable: expect.stringContaining('no model pack for echoing is installed') });
    expect(listed!.unavailable).toContain('capability "test-cap", engine test-engine');
    await expect(hub.client.call('jobs.run', { capability: 'echo', input: { text: 'hi' } })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('capability "echo" is unavailable: no model pack for echoing'),
    });
    expect(hub.features()).toEqual([{ id: 'echo', screen: 'echo', capabilities: ['echo'], unavailable: expect.any(String) }]);
    expect(await hub.client.call('prereview.services')).toEqual([]);

    // A pack of another engine does not meet the need; one of the right engine does, with no restart.
    installPack(hub, 'test-cap', 'other-engine');
    expect((await hub.client.call('capabilities.list'))[0]!.unavailable).toBeDefined();
    installPack(hub, 'test-cap', 'test-engine');
    expect((await hub.client.call('capabilities.list'))[0]!.unavailable).toBeUndefined();
    const r = await hub.client.call('jobs.run', { capability: 'echo', input: { text: 'hi' } });
    expect([r.output, r.engine]).toEqual([{ text: 'hi' }, 'echo']);
    expect(hub.features()[0]!.unavailable).toBeUndefined();
  });

  it('`ic capabilities --json` carries the reason, and the text form says it under the capability', async () => {
    const hub = createHub({ dataDir: tempDir() }, { features: [echoFeature] });
    hubs.push(hub);
    const printed: { value: unknown; text?: string }[] = [];
    const out = (json: boolean): CommandOutput => ({
      json,
      isTTY: false,
      result: (value, text) => printed.push({ value, text: json ? undefined : text?.() }),
      failure: () => undefined,
      info: () => undefined,
      progress: () => undefined,
    });
    expect(await capabilities.run({ args: [], global: { json: true, debug: false }, out: out(true), hub: () => hub })).toBe(0);
    expect(printed[0]!.value).toEqual([expect.objectContaining({ id: 'echo', unavailable: expect.stringContaining('no model pack for echoing') })]);
    await capabilities.run({ args: [], global: { json: false, debug: false }, out: out(false), hub: () => hub });
    expect(printed[1]!.text).toMatch(/^○ echo {2}Echo {2}\(builtin app\)\n {4}unavailable: no model pack for echoing/);
  });

  it('two features answering one method, or one feature listed twice, are refused at start', () => {
    expect(() => createHub({ dataDir: tempDir() }, { features: [echoFeature, echoFeature] })).toThrow(/listed twice/);
    const other = { ...echoFeature, id: 'echo2', activate: () => ({ methods: { 'prereview.services': () => [] } }) };
    expect(() => createHub({ dataDir: tempDir() }, { features: [echoFeature, other] })).toThrow(/already has a handler/);
  });
});

describe("the app's features", () => {
  it('each has a unique id, and every model-host method is answered by exactly one host service', async () => {
    expect(new Set(features.map((f) => f.id)).size).toBe(features.length);
    const { hostMethods } = await import('../../../main/common/contract/host-methods.js');
    const services = features.flatMap((f) => f.hostServices ?? []);
    expect(services.map((s) => s.id)).toEqual(['ocr']);
    expect(Object.keys(hostMethods).sort()).toEqual(['memory', 'ocr']);
  });
});
