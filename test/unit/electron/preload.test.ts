import fs from 'node:fs';
import { types } from 'node:util';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { IPC_CALL, IPC_EVENT, type HubClient } from '../../../main/common/contract/index.js';
import type { PreloadHub } from '../../../main/preload/hub-api.js';
import type { HubBridge } from '../../../renderer/src/api/types.js';
import { loadPreload, PRELOAD_COMPILED, runPreload, type Preload } from './preload-loader.js';

function fakeElectron() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: null })),
    on: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(l);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(l);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l(...args));
  return { ipcRenderer, contextBridge, exposed, emit, listeners };
}

let fake: ReturnType<typeof fakeElectron>;
let preload: Preload;
let required: string[];
let hub: PreloadHub;

beforeEach(() => {
  fake = fakeElectron();
  ({ exports: preload, required } = loadPreload({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));
  hub = fake.exposed.get('hub') as PreloadHub;
});

describe('preload', () => {
  it('uses the contract channel names', () => {
    expect(preload.CALL_CHANNEL).toBe(IPC_CALL);
    expect(preload.EVENT_CHANNEL).toBe(IPC_EVENT);
  });

  it('requires nothing but electron at runtime (a sandboxed preload cannot)', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly window.hub with call and onEvent, and never ipcRenderer itself', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fake.contextBridge.exposeInMainWorld.mock.calls[0]![0]).toBe('hub');
    expect(Object.keys(hub).sort()).toEqual(['call', 'onEvent']);
    expect(typeof hub.call).toBe('function');
    expect(typeof hub.onEvent).toBe('function');
    expect(Object.values(hub)).not.toContain(fake.ipcRenderer);
  });

  it('call invokes hub:call with (method, params) and unwraps the result', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { ok: true, app: 'Intelligent Center' } });
    await expect(hub.call('health', {})).resolves.toEqual({ ok: true, app: 'Intelligent Center' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL, 'health', {});
  });

  it('call throws an error with the code, message and details of an error envelope', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'invalid params for jobs.get: id: not a job id', details: { issues: [] } },
    });
    const err = await hub.call('jobs.get', { id: 'x' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: 'HubError',
      code: 'BAD_REQUEST',
      message: 'invalid params for jobs.get: id: not a job id',
      details: { issues: [] },
    });
    expect(String(err)).toBe('HubError: invalid params for jobs.get: id: not a job id');
  });

  it('its errors survive contextBridge: not native errors, fields are own enumerable properties', async () => {
    // contextBridge copies a native Error with its message only; other objects keep their own enumerable fields.
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'no such job' } });
    const err = await hub.call('jobs.get', { id: 'job_00000000' }).catch((e: unknown) => e);
    expect(types.isNativeError(err)).toBe(false);
    const copied = Object.fromEntries(Object.entries(err as object));
    expect(copied).toMatchObject({ name: 'HubError', code: 'NOT_FOUND', message: 'no such job' });
  });

  it('maps a failed invoke and a malformed reply to INTERNAL', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'hub:call'"));
    await expect(hub.call('health')).rejects.toMatchObject({ code: 'INTERNAL', message: "No handler registered for 'hub:call'" });
    for (const reply of [undefined, null, 'x', { ok: false }, { ok: false, error: 'boom' }, { result: 1 }]) {
      fake.ipcRenderer.invoke.mockResolvedValueOnce(reply);
      await expect(hub.call('health')).rejects.toMatchObject({ code: 'INTERNAL' });
    }
  });

  it('onEvent delivers only the payload (never the IPC event) until unsubscribed', () => {
    const seen: unknown[][] = [];
    const off = hub.onEvent((...args: unknown[]) => seen.push(args));
    expect(fake.ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT, expect.any(Function));
    const payload = { type: 'job.progress', jobId: 'job_00000000', index: 0, progress: { done: 1 } };
    fake.emit(IPC_EVENT, { sender: fake.ipcRenderer, senderId: 0 }, payload);
    expect(seen).toEqual([[payload]]);
    off();
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    fake.emit(IPC_EVENT, {}, payload);
    expect(seen).toHaveLength(1);
  });

  it('onEvent refuses a non-function listener', () => {
    expect(() => hub.onEvent('nope' as never)).toThrow(TypeError);
  });

  it('the compiled preload (dist) also requires only electron', (ctx) => {
    if (!fs.existsSync(PRELOAD_COMPILED)) ctx.skip();
    const code = fs.readFileSync(PRELOAD_COMPILED, 'utf8');
    const requires = new Set([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    expect([...requires]).toEqual(['electron']);
    const f = fakeElectron();
    const { exports, required: req } = runPreload(code, { contextBridge: f.contextBridge, ipcRenderer: f.ipcRenderer });
    expect(req).toEqual(['electron']);
    expect(exports.CALL_CHANNEL).toBe(IPC_CALL);
    expect(f.exposed.has('hub')).toBe(true);
  });
});

describe('window.hub types', () => {
  it('match what the console declares (renderer HubBridge) and the contract HubClient', () => {
    expectTypeOf<PreloadHub>().toExtend<HubBridge>();
    expectTypeOf<HubBridge>().toExtend<PreloadHub>();
    // A PreloadHub can be used through the contract's typed HubClient methods (same runtime object).
    expectTypeOf<PreloadHub['onEvent']>().toEqualTypeOf<HubClient['onEvent']>();
  });
});
