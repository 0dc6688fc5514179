/**
 * Electron entry point (package.json "main": dist/main/electron/main.js). A thin shell around the hub: the hub core
 * is plain Node (main/node/hub); this file only wires the window, the app:// protocol, IPC and the lifecycle.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, utilityProcess } from 'electron';
import { toErrorPayload, type ErrorPayload } from '../common/contract/index.js';
import { consoleDir } from '../node/config/app-paths.js';
import { APP_NAME } from '../node/config/data-dir.js';
import { createApp, type App } from '../node/app/app.js';
import { CONSOLE_INDEX_URL, registerAppScheme, registerConsoleProtocol } from './app-protocol.js';
import { isConsoleFrame, registerIpc } from './ipc-bridge.js';
import { guardSession, installNavigationGuard } from './navigation-guard.js';
import { mainWindowOptions } from './window-options.js';
import { electronKeyProviders } from './safe-storage-key.js';
import { restrictUmask } from '../node/config/permissions.js';
import { utilityHostSpawner } from './utility-host-spawner.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/main/electron/main.js -> dist/main/preload/preload.cjs */
export const PRELOAD_PATH = path.join(here, '..', 'preload', 'preload.cjs');

let hub: App | undefined;
let mainWindow: BrowserWindow | null = null;
let disposeIpc: (() => void) | undefined;
let shuttingDown: Promise<void> | undefined;

/** A start-up failure as the user should read it. */
export function startupErrorText(err: unknown): string {
  const p: ErrorPayload = toErrorPayload(err);
  if (p.code === 'DB_TOO_NEW') {
    return (
      `${p.message}\n\nThe data folder was written by a newer version of ${APP_NAME}. ` +
      `Install that version again, or start with another data folder (IC_DATA_DIR).`
    );
  }
  return `${p.message} (${p.code})`;
}

function fail(err: unknown): void {
  try {
    dialog.showErrorBox(`${APP_NAME} could not start`, startupErrorText(err));
  } finally {
    void shutdown().finally(() => app.exit(1));
  }
}

/** Stops forwarding IPC and closes the hub (jobs, plugin hosts, database) exactly once. */
function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    disposeIpc?.();
    disposeIpc = undefined;
    const h = hub;
    hub = undefined;
    if (h) await h.close();
  })();
  return shuttingDown;
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(PRELOAD_PATH, { devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

async function onReady(): Promise<void> {
  hub = createApp({
    keyProviders: electronKeyProviders(safeStorage, process.env.IC_DATA_DIR ?? app.getPath('userData')),
    // Hosts run as utility processes: the packaged app has the runAsNode fuse off (electron-builder.yml).
    hostSpawner: utilityHostSpawner(utilityProcess),
  });
  registerConsoleProtocol(protocol, consoleDir());
  disposeIpc = registerIpc(ipcMain, hub, isConsoleFrame);
  mainWindow = createMainWindow();
  await mainWindow.loadURL(CONSOLE_INDEX_URL);
}

function start(): void {
  // Everything below must happen before `ready`.
  restrictUmask();
  app.enableSandbox();
  registerAppScheme(protocol);
  process.env.IC_DATA_DIR ??= app.getPath('userData');
  installNavigationGuard(app);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    void shutdown().finally(() => app.quit());
  });

  // Quitting with windows open (Cmd+Q, app.quit()) skips window-all-closed: close the hub before exiting.
  app.on('will-quit', (event) => {
    if (hub) {
      event.preventDefault();
      void shutdown().finally(() => app.quit());
    }
  });

  app
    .whenReady()
    .then(() => {
      // Permission handlers on the default session exist before the first page asks for anything.
      guardSession(session.defaultSession);
      return onReady();
    })
    .catch(fail);
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another instance owns the data folder; it gets focused through 'second-instance'.
  app.quit();
}
