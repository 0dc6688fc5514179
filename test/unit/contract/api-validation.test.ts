import { afterAll, describe, expect, it } from 'vitest';
import { HubError } from '../../../main/common/contract/index.js';
import { cleanupTempDirs } from '../../helpers/temp.js';
import { testHub } from '../../helpers/hub.js';

const hub = testHub();
afterAll(async () => {
  await hub.close();
  cleanupTempDirs();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(HubError);
    return (err as HubError).code;
  }
  throw new Error('expected a rejection');
}

describe('every call is validated against the contract', () => {
  it('refuses unknown methods', async () => {
    expect(await codeOf(hub.api.dispatch('jobs.explode', {}))).toBe('NOT_FOUND');
  });

  it('refuses params of the wrong shape, naming the path', async () => {
    const err = await hub.api.dispatch('jobs.get', { id: 42 }).catch((e: HubError) => e);
    expect((err as HubError).code).toBe('BAD_REQUEST');
    expect((err as HubError).message).toMatch(/id/);
    expect(await codeOf(hub.api.dispatch('jobs.start', { capability: 'pii.mask', inputs: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(hub.api.dispatch('jobs.run', { capability: 'pii.mask', input: {}, timeoutMs: -1 }))).toBe('BAD_REQUEST');
    expect(await codeOf(hub.api.dispatch('jobs.get', { id: 'job_../../etc' }))).toBe('BAD_REQUEST');
  });

  it("validates a capability's input against its plugin's JSON Schema before any job exists", async () => {
    const before = (await hub.client.call('jobs.list', {})).length;
    const err = (await hub.client.call('jobs.run', { capability: 'pii.mask', input: { text: 5 } }).catch((e) => e)) as HubError;
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('/text must be string');
    expect((await hub.client.call('jobs.list', {})).length).toBe(before);
  });

  it('refuses output that breaks the plugin\'s own output schema', async () => {
    const err = (await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 1, badOutput: true } }).catch((e) => e)) as HubError;
    expect(err.code).toBe('PLUGIN_ERROR');
    expect(err.message).toMatch(/broke its own schema/);
  });

  it('reports an unknown capability as NOT_FOUND', async () => {
    expect(await codeOf(hub.client.call('jobs.run', { capability: 'nope.nothing', input: {} }))).toBe('NOT_FOUND');
  });

  it('turns a handler exception into PLUGIN_ERROR with its message', async () => {
    const err = (await hub.client.call('jobs.run', { capability: 'test.sleep', input: { ms: 0, fail: 'disk on fire' } }).catch((e) => e)) as HubError;
    expect(err.code).toBe('PLUGIN_ERROR');
    expect(err.message).toContain('disk on fire');
  });

  it('in a batch, a bad input fails alone and the others run', async () => {
    const job = await hub.client.call('jobs.start', { capability: 'pii.mask', inputs: [{ text: 'a 13812345678' }, { nope: 1 }, { text: 'b' }] });
    const done = await hub.jobs.waitFor(job.id);
    expect(done).toMatchObject({ status: 'succeeded', itemsDone: 2, itemsFailed: 1 });
    const { items } = await hub.client.call('jobs.get', { id: job.id });
    expect(items[1]).toMatchObject({ status: 'failed', error: { code: 'BAD_REQUEST' } });
    expect(items[0]!.output).toMatchObject({ text: 'a 138****5678' });
  });
});
