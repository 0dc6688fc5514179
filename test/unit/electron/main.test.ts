import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubError, IPC_CALL } from '../../../main/common/contract/index.js';
import type { HostSpawner } from '../../../main/node/hub/host-spawner.js';

/** Fakes for the electron module and the hub, rebuilt for every test (main.ts runs on import). */
const h = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    lock: true,
    resolveReady: (() => undefined) as () => void,
    createHubImpl: (() => undefined) as () => unknown,
    envAtCreate: undefined as string | undefined,
    windows: [] as unknown[],
    electron: {} as Record<string, unknown>,
    hubOptions: undefined as { keyProviders?: { kind: string }[]; hostSpawner?: HostSpawner } | undefined,
  };
  return state;
});

vi.mock('electron', () => h.electron);
// main.ts opens the app (main/node/app/app.ts: the hub with the app's features); the order label stays 'createHub'.
vi.mock('../../../main/node/app/app.js', () => ({
  createApp: (o: { keyProviders?: { kind: string }[]; hostSpawner?: HostSpawner }) => {
    h.hubOptions = o;
    h.envAtCreate = process.env.IC_DATA_DIR;
    h.order.push('createHub');
    return h.createHubImpl();
  },
}));

class FakeWindow extends EventEmitter {
  loadURL = vi.fn(async (_url: string) => {
    h.order.push('loadURL');
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    h.order.push('BrowserWindow');
    h.windows.push(this);
  }
}

function makeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => h.lock),
    quit: vi.fn(() => h.order.push('quit')),
    exit: vi.fn((code: number) => h.order.push(`exit:${code}`)),
    enableSandbox: vi.fn(() => h.order.push('enableSandbox')),
    getPath: vi.fn((name: string) => (name === 'userData' ? '/tmp/ic-user-data' : '/tmp')),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          h.resolveReady = resolve;
        }),
    ),
  });
  const defaultSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  return {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(() => h.order.push('ipcMain.handle')), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => h.order.push('protocol.handle')),
    },
    session: { defaultSession },
    webContents: { getAllWebContents: () => [] },
    utilityProcess: {
      fork: vi.fn(() => {
        const child = Object.assign(new EventEmitter(), { pid: 4242, stderr: null, stdout: null, postMessage: vi.fn(), kill: vi.fn(() => true) });
        return child;
      }),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((s: string) => Buffer.from('sealed:' + s)),
      decryptString: vi.fn((b: Buffer) => b.toString().slice('sealed:'.length)),
    },
  };
}

function fakeHub() {
  return {
    api: { dispatch: vi.fn() },
    events: { on: vi.fn(() => () => undefined) },
    close: vi.fn(async () => {
      h.order.push('hub.close');
    }),
  };
}

type E = ReturnType<typeof makeElectron>;
const el = () => h.electron as unknown as E;

const savedDataDir = process.env.IC_DATA_DIR;

async function boot(): Promise<void> {
  vi.resetModules();
  await import('../../../main/electron/main.js');
}
async function ready(): Promise<void> {
  h.resolveReady();
  await vi.waitFor(() => expect(h.order).toContain('loadURL'));
}

beforeEach(() => {
  h.order = [];
  h.lock = true;
  h.windows = [];
  h.envAtCreate = undefined;
  h.createHubImpl = fakeHub;
  for (const k of Object.keys(h.electron)) delete h.electron[k];
  Object.assign(h.electron, makeElectron());
  delete process.env.IC_DATA_DIR;
});
afterEach(() => {
  if (savedDataDir === undefined) delete process.env.IC_DATA_DIR;
  else process.env.IC_DATA_DIR = savedDataDir;
});

describe('main process lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    h.lock = false;
    await boot();
    expect(el().app.quit).toHaveBeenCalled();
    expect(el().app.whenReady).not.toHaveBeenCalled();
    expect(h.order).not.toContain('createHub');
  });

  it('registers the scheme and sandbox before ready, then hub, protocol, IPC and the window', async () => {
    await boot();
    expect(h.order).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    await ready();
    expect(h.order).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'createHub',
      'protocol.handle',
      'ipcMain.handle',
      'BrowserWindow',
      'loadURL',
    ]);
    expect(el().ipcMain.handle).toHaveBeenCalledWith(IPC_CALL, expect.any(Function));
    expect(el().protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(el().session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it("keeps the data key with Electron's safeStorage first, then the OS keychain, then the key file", async () => {
    await boot();
    await ready();
    expect(h.hubOptions?.keyProviders?.map((p) => p.kind)).toEqual(['electron-safeStorage', 'os-keychain', 'key-file']);
  });

  it("starts the app's hosts as Electron utility processes (the runAsNode fuse is off)", async () => {
    await boot();
    await ready();
    const spawn = h.hubOptions!.hostSpawner!;
    const child = spawn({ entry: '/app/host.js', args: ['a'], execArgv: ['--permission'], env: { TZ: 'UTC' }, serviceName: 'model host' });
    const fork = (el() as unknown as { utilityProcess: { fork: ReturnType<typeof vi.fn> } }).utilityProcess.fork;
    expect(fork).toHaveBeenCalledWith('/app/host.js', ['a'], {
      serviceName: 'model host',
      execArgv: ['--permission'],
      env: { TZ: 'UTC' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    expect(child.pid).toBe(4242);
    child.send({ type: 'cancel', id: 1 });
    const up = fork.mock.results[0]!.value as { postMessage: ReturnType<typeof vi.fn>; kill: ReturnType<typeof vi.fn>; emit(e: string, ...a: unknown[]): void };
    expect(up.postMessage).toHaveBeenCalledWith({ type: 'cancel', id: 1 });
    const exits: unknown[] = [];
    child.onExit((code, signal) => exits.push([code, signal]));
    child.terminate();
    expect(up.kill).toHaveBeenCalled();
    up.emit('exit', 0);
    expect(exits).toEqual([[0, null]]);
    expect(child.running).toBe(false);
  });

  it('points the hub at userData unless IC_DATA_DIR is set', async () => {
    await boot();
    await ready();
    expect(h.envAtCreate).toBe('/tmp/ic-user-data');

    h.order = [];
    Object.assign(h.electron, makeElectron());
    process.env.IC_DATA_DIR = '/tmp/chosen';
    await boot();
    await ready();
    expect(h.envAtCreate).toBe('/tmp/chosen');
  });

  it('creates a secure hidden window with the compiled preload and loads the console', async () => {
    await boot();
    await ready();
    const win = h.windows[0] as FakeWindow;
    const web = win.options.webPreferences!;
    expect(path.isAbsolute(web.preload as string)).toBe(true);
    expect(web.preload).toMatch(/[\\/]preload[\\/]preload\.cjs$/);
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.loadURL).toHaveBeenCalledWith('app://console/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('closes the hub, then quits, when the last window closes', async () => {
    await boot();
    await ready();
    el().app.emit('window-all-closed');
    await vi.waitFor(() => expect(h.order).toContain('quit'));
    expect(h.order.indexOf('hub.close')).toBeLessThan(h.order.indexOf('quit'));
    expect(el().ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CALL);
  });

  it('closes the hub before quitting with windows open', async () => {
    await boot();
    await ready();
    const event = { preventDefault: vi.fn() };
    el().app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(h.order).toContain('quit'));
    expect(h.order.indexOf('hub.close')).toBeLessThan(h.order.indexOf('quit'));
    const again = { preventDefault: vi.fn() };
    el().app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('focuses the window on a second launch', async () => {
    await boot();
    await ready();
    el().app.emit('second-instance');
    expect((h.windows[0] as FakeWindow).focus).toHaveBeenCalled();
  });

  it('shows a start-up error (DB_TOO_NEW) in a dialog and exits', async () => {
    h.createHubImpl = () => {
      throw new HubError('DB_TOO_NEW', 'database schema 9 is newer than this app supports (3)');
    };
    await boot();
    h.resolveReady();
    await vi.waitFor(() => expect(h.order).toContain('exit:1'));
    const [title, text] = el().dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toMatch(/Intelligent Center could not start/);
    expect(text).toContain('database schema 9 is newer');
    expect(text).toMatch(/newer version/);
    expect(h.windows).toHaveLength(0);
  });
});
