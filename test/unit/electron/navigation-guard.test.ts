import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn() } }));
vi.mock('electron', () => electron);

import type { App, Session, WebContents } from 'electron';
import { guardSession, installNavigationGuard } from '../../../main/electron/navigation-guard.js';

class FakeSession {
  requestHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: unknown) => void) | null = null;
  checkHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['requestHandler']) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['checkHandler']) {
    this.checkHandler = h;
  }
}

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(h: FakeWebContents['openHandler']) {
    this.openHandler = h;
  }
}

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('navigation guard', () => {
  let app: EventEmitter;
  let session: FakeSession;
  let contents: FakeWebContents;
  let uninstall: () => void;

  beforeEach(() => {
    electron.shell.openExternal.mockReset();
    app = new EventEmitter();
    session = new FakeSession();
    contents = new FakeWebContents(session);
    uninstall = installNavigationGuard(app as unknown as App);
    app.emit('web-contents-created', {}, contents as unknown as WebContents);
  });

  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    describe(event, () => {
      it.each([
        'https://example.com/',
        'http://127.0.0.1:4100/',
        'file:///etc/passwd',
        'app://other/index.html',
        'app://console.evil/index.html',
        'javascript:alert(1)',
        'not a url',
        '',
      ])('prevents %j', (url) => {
        const e = navEvent(url);
        contents.emit(event, e);
        expect(e.preventDefault).toHaveBeenCalled();
      });

      it.each(['app://console/index.html', 'app://console/', 'app://console/index.html#/jobs'])('allows %j', (url) => {
        const e = navEvent(url);
        contents.emit(event, e);
        expect(e.preventDefault).not.toHaveBeenCalled();
      });
    });
  }

  it('falls back to the legacy url argument', () => {
    const e = { preventDefault: vi.fn() };
    contents.emit('will-navigate', e, 'https://example.com/');
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and never hands the URL to the system browser', () => {
    expect(contents.openHandler).toBeTypeOf('function');
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://console/index.html' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents <webview> attachment', () => {
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the permission request %s',
    (permission) => {
      const cb = vi.fn();
      session.requestHandler!(contents, permission, cb, { requestingUrl: 'app://console/index.html' });
      expect(cb).toHaveBeenCalledWith(false);
      expect(session.checkHandler!(contents, permission, 'app://console', {})).toBe(false);
    },
  );

  it('covers every web contents created, and stops after uninstall', () => {
    const other = new FakeWebContents(new FakeSession());
    app.emit('web-contents-created', {}, other);
    expect(other.openHandler).toBeTypeOf('function');
    uninstall();
    const late = new FakeWebContents(new FakeSession());
    app.emit('web-contents-created', {}, late);
    expect(late.openHandler).toBeNull();
  });

  it('guards a session once, and the default session on request', () => {
    const s = new FakeSession();
    const spy = vi.spyOn(s, 'setPermissionRequestHandler');
    guardSession(s as unknown as Session);
    guardSession(s as unknown as Session);
    expect(spy).toHaveBeenCalledTimes(1);

    const def = new FakeSession();
    installNavigationGuard(new EventEmitter() as unknown as App, { defaultSession: def as unknown as Session });
    const cb = vi.fn();
    def.requestHandler!(null, 'media', cb, {});
    expect(cb).toHaveBeenCalledWith(false);
  });

  it('the Electron layer never calls shell.openExternal', () => {
    const dir = path.resolve(__dirname, '../../../main/electron');
    for (const f of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/openExternal\s*\(/);
    }
  });
});
