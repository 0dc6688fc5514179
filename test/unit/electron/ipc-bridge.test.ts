import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

interface FakeContents {
  destroyed: boolean;
  mainFrame: { url: string } | null;
  isDestroyed(): boolean;
  send: Mock<(channel: string, ...args: unknown[]) => void>;
}
const electron = vi.hoisted(() => ({
  all: [] as unknown[],
  webContents: { getAllWebContents: () => electron.all },
}));
vi.mock('electron', () => ({ webContents: electron.webContents }));

import { IPC_CALL, IPC_EVENT, type JobEvent } from '../../../main/common/contract/index.js';
import { isConsoleFrame, registerIpc, type CallEnvelope } from '../../../main/electron/ipc-bridge.js';
import type { Hub } from '../../../main/node/hub/hub.js';
import { testHub } from '../../helpers/hub.js';
import { cleanupTempDirs } from '../../helpers/temp.js';
import { loadPreload } from './preload-loader.js';

const { createHubBridge } = loadPreload({ contextBridge: { exposeInMainWorld() {} }, ipcRenderer: {} }).exports;

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<CallEnvelope>;

class FakeIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(frameUrl: string | null, ...args: unknown[]): Promise<CallEnvelope> {
    const h = this.handlers.get(IPC_CALL);
    if (!h) throw new Error('no handler');
    return h({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

function contents(url: string | null, destroyed = false): FakeContents {
  return {
    destroyed,
    mainFrame: url === null ? null : { url },
    isDestroyed() {
      return this.destroyed;
    },
    send: vi.fn<(channel: string, ...args: unknown[]) => void>(),
  };
}

const CONSOLE = 'app://console/index.html';

const progressEvent: JobEvent = {
  type: 'job.progress',
  jobId: 'job_0123456789ab',
  index: 0,
  progress: { done: 1, total: 2 },
};

let hub: Hub;
let ipcMain: FakeIpcMain;
let dispose: () => void;
let dispatch: ReturnType<typeof vi.spyOn>;

beforeAll(() => {
  hub = testHub();
});
afterAll(async () => {
  await hub.close();
  cleanupTempDirs();
});

beforeEach(() => {
  dispose?.();
  dispatch?.mockRestore();
  dispatch = vi.spyOn(hub.api, 'dispatch');
  ipcMain = new FakeIpcMain();
  electron.all = [];
  dispose = registerIpc(ipcMain, hub, isConsoleFrame);
});

describe('registerIpc: calls', () => {
  it.each([null, 'https://example.com/', 'file:///tmp/index.html', 'app://other/index.html', 'app://console.evil/x', 'devtools://devtools/'])(
    'refuses a call from an untrusted sender (%s) without reaching the hub',
    async (url) => {
      const reply = await ipcMain.invoke(url, 'health', {});
      expect(reply).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it.each([[42], [null], [''], [{ method: 'health' }], ['x'.repeat(500)]])('answers BAD_REQUEST for method %j', async (method) => {
    const reply = await ipcMain.invoke(CONSOLE, method, {});
    expect(reply.ok).toBe(false);
    expect(reply.ok === false && reply.error.code).toBe('BAD_REQUEST');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers BAD_REQUEST when params break the contract (validated by the hub)', async () => {
    const reply = await ipcMain.invoke(CONSOLE, 'jobs.get', { id: 'not-a-job' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(dispatch).toHaveBeenCalledWith('jobs.get', { id: 'not-a-job' });
    // The error is plain data: it survives structured cloning (what IPC does).
    expect(structuredClone(reply)).toEqual(reply);
  });

  it('answers NOT_FOUND for an unknown method', async () => {
    expect(await ipcMain.invoke(CONSOLE, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('passes a good call to the hub and returns its result', async () => {
    const reply = await ipcMain.invoke(CONSOLE, 'health', {});
    expect(dispatch).toHaveBeenCalledWith('health', {});
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.result).toMatchObject({ ok: true, app: 'Intelligent Center', dataDir: hub.layout.root });
    const caps = await ipcMain.invoke(CONSOLE, 'capabilities.list', undefined);
    expect(caps.ok).toBe(true);
    expect(Array.isArray(caps.ok && caps.result)).toBe(true);
  });

  it('turns a throwing hub into an error envelope', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom'));
    expect(await ipcMain.invoke(CONSOLE, 'health', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('drops error details that cannot be cloned', async () => {
    dispatch.mockRejectedValueOnce({ code: 'CONFLICT', message: 'busy', details: { fn: () => 1, n: 1n } });
    expect(await ipcMain.invoke(CONSOLE, 'health', {})).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'busy' } });
  });

  it('dispose removes the handler', () => {
    dispose();
    expect(ipcMain.handlers.has(IPC_CALL)).toBe(false);
    dispose = registerIpc(ipcMain, hub, isConsoleFrame);
    expect(ipcMain.handlers.has(IPC_CALL)).toBe(true);
  });

  it('uses the given trust check', async () => {
    dispose();
    dispose = registerIpc(ipcMain, hub, () => false);
    expect(await ipcMain.invoke(CONSOLE, 'health', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('registerIpc: events', () => {
  it('forwards hub events to every trusted window only', () => {
    const a = contents(CONSOLE);
    const b = contents('app://console/index.html#/jobs');
    const evil = contents('https://example.com/');
    const gone = contents(CONSOLE, true);
    const blank = contents(null);
    electron.all = [a, b, evil, gone, blank];
    hub.events.emit(progressEvent);
    expect(a.send).toHaveBeenCalledWith(IPC_EVENT, progressEvent);
    expect(b.send).toHaveBeenCalledWith(IPC_EVENT, progressEvent);
    expect(evil.send).not.toHaveBeenCalled();
    expect(gone.send).not.toHaveBeenCalled();
    expect(blank.send).not.toHaveBeenCalled();
  });

  it('keeps going when one window fails, and stops after dispose', () => {
    const bad = contents(CONSOLE);
    bad.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    const good = contents(CONSOLE);
    electron.all = [bad, good];
    hub.events.emit(progressEvent);
    expect(good.send).toHaveBeenCalledTimes(1);
    dispose();
    hub.events.emit(progressEvent);
    expect(good.send).toHaveBeenCalledTimes(1);
  });

  it('accepts explicit targets', () => {
    dispose();
    const t = contents(CONSOLE);
    dispose = registerIpc(ipcMain, hub, isConsoleFrame, { targets: () => [t] });
    hub.events.emit(progressEvent);
    expect(t.send).toHaveBeenCalledWith(IPC_EVENT, progressEvent);
  });
});

describe('preload <-> bridge round trip', () => {
  /** An ipcRenderer whose invoke goes to the fake ipcMain as the console frame, and which receives sent events. */
  function rendererFor(frameUrl: string) {
    const listeners = new Set<(e: unknown, payload: unknown) => void>();
    const wc = contents(frameUrl);
    wc.send.mockImplementation((_channel: string, payload: unknown) => listeners.forEach((l) => l({ sender: 'ipc' }, payload)));
    electron.all = [wc];
    const ipcRenderer = {
      invoke: (_channel: string, ...args: unknown[]) => ipcMain.invoke(frameUrl, ...args),
      on: (_channel: string, l: (e: unknown, payload: unknown) => void) => listeners.add(l),
      removeListener: (_channel: string, l: (e: unknown, payload: unknown) => void) => listeners.delete(l),
    };
    return createHubBridge(ipcRenderer as never);
  }

  it('window.hub.call resolves results and rejects with the hub error code', async () => {
    const hubApi = rendererFor(CONSOLE);
    await expect(hubApi.call('health', {})).resolves.toMatchObject({ ok: true, dataDir: hub.layout.root });
    await expect(hubApi.call('jobs.get', { id: 'nope' })).rejects.toMatchObject({ name: 'HubError', code: 'BAD_REQUEST' });
    await expect(hubApi.call('no.such.method')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an untrusted page gets FORBIDDEN', async () => {
    const hubApi = rendererFor('https://example.com/');
    await expect(hubApi.call('health', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('window.hub.onEvent receives hub events until unsubscribed', () => {
    const hubApi = rendererFor(CONSOLE);
    const seen: unknown[] = [];
    const off = hubApi.onEvent((e) => seen.push(e));
    hub.events.emit(progressEvent);
    off();
    hub.events.emit(progressEvent);
    expect(seen).toEqual([progressEvent]);
  });
});

describe('registerIpc: files on this machine', () => {
  it('refuses {path} inputs and model import/export paths from the window; a path picked in the dialog passes', async () => {
    const ipc = new FakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true }));
    registerIpc(ipc, { api: { dispatch }, events: { on: () => () => undefined } }, () => true, {
      targets: () => [],
      pickedPaths: (p) => p === '/home/clerk/scan.pdf',
    });
    expect(await ipc.invoke('app://console/', 'jobs.run', { capability: 'ocr', input: { file: { path: '/etc/shadow' } } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ipc.invoke('app://console/', 'models.export', { id: 'x', path: '/home/clerk/.bashrc' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await ipc.invoke('app://console/', 'jobs.run', { capability: 'ocr', input: { file: { path: '/home/clerk/scan.pdf' } } })).toMatchObject({ ok: true });
  });
});
