import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONSOLE_CSP } from '../common/csp.js';

/** Re-exported so Electron-side code has one import for the console's CSP (the string lives in main/common/csp.ts). */
export { CONSOLE_CSP };

export const WINDOW_TITLE = 'Intelligent Center';

export interface MainWindowExtras {
  /** Whether DevTools may be opened (true only for unpackaged development builds). Default false. */
  devTools?: boolean;
}

/**
 * Options for the one console window, following the Electron security checklist: context isolation, a sandboxed
 * renderer without Node, web security on, no insecure content, no experimental or extra Blink features, no
 * <webview>. The window stays hidden until `ready-to-show` to avoid a white flash.
 */
export function mainWindowOptions(preloadPath: string, extras: MainWindowExtras = {}): BrowserWindowConstructorOptions {
  if (!path.isAbsolute(preloadPath)) throw new Error(`preload path must be absolute: ${preloadPath}`);
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: extras.devTools ?? false,
    },
  };
}
