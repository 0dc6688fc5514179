import type { App, Session, WebContents } from 'electron';
import { isConsoleUrl } from './app-protocol.js';

/**
 * Navigation, window and permission lockdown for every web contents the app ever creates (Electron security
 * checklist: disable or limit navigation, disable or limit creation of new windows, verify <webview> options
 * (we refuse them all), handle session permission requests (we deny them all)).
 *
 * Nothing here opens links in the system browser: `shell.openExternal` is never called with page content.
 */

export interface NavigationGuardOptions {
  /** Which URLs a page may navigate or be redirected to. Default: the console origin app://console only. */
  isAllowedUrl?: (url: string) => boolean;
}

type UrlEvent = { url?: string; preventDefault(): void };

/** Applies the guard to one web contents (and denies every permission on its session). */
export function guardWebContents(contents: WebContents, options: NavigationGuardOptions = {}): void {
  const allowed = options.isAllowedUrl ?? isConsoleUrl;
  const blockUnlessAllowed = (event: UrlEvent, legacyUrl?: unknown) => {
    const url = typeof event.url === 'string' ? event.url : typeof legacyUrl === 'string' ? legacyUrl : '';
    if (!allowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockUnlessAllowed);
  contents.on('will-frame-navigate', blockUnlessAllowed);
  contents.on('will-redirect', blockUnlessAllowed);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  guardSession(contents.session);
}

const guardedSessions = new WeakSet<object>();

/** Denies every permission request and check on `session` (camera, microphone, notifications, geolocation, ...). */
export function guardSession(session: Session): void {
  if (!session || guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Installs the guard on `web-contents-created`, so every window, popup attempt, devtools and webview is covered.
 * Also guards `defaultSession` when given (permission checks can reach it before any window exists).
 * Returns a function that removes the listener.
 */
export function installNavigationGuard(
  app: Pick<App, 'on' | 'removeListener'>,
  options: NavigationGuardOptions & { defaultSession?: Session } = {},
): () => void {
  if (options.defaultSession) guardSession(options.defaultSession);
  const onCreated = (_event: unknown, contents: WebContents) => guardWebContents(contents, options);
  app.on('web-contents-created', onCreated);
  return () => {
    app.removeListener('web-contents-created', onCreated);
  };
}
