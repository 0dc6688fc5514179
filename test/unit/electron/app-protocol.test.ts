import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CONSOLE_CSP } from '../../../main/common/csp.js';
import {
  APP_SCHEME,
  CONSOLE_INDEX_URL,
  isConsoleUrl,
  registerAppScheme,
  registerConsoleProtocol,
  resolveConsolePath,
  serveConsoleRequest,
} from '../../../main/electron/app-protocol.js';

const SECRET = 'TOP-SECRET-OUTSIDE-ROOT';
let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'm.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.writeFileSync(path.join(root, 'assets', 'data.json'), '{}');
  fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), 'x');
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), SECRET); // sibling sharing the root's name as a prefix
  try {
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  } catch {
    // symlinks may be unavailable (Windows without privilege); that case is then skipped below
  }
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => serveConsoleRequest(root, new Request(url, init));

describe('serveConsoleRequest', () => {
  it.each([
    ['app://console/index.html', 'text/html; charset=utf-8'],
    ['app://console/', 'text/html; charset=utf-8'],
    ['app://console/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://console/assets/app.css', 'text/css; charset=utf-8'],
    ['app://console/assets/logo.svg', 'image/svg+xml'],
    ['app://console/assets/m.wasm', 'application/wasm'],
    ['app://console/assets/data.json', 'application/json; charset=utf-8'],
    ['app://console/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the file contents', async () => {
    expect(await (await get('app://console/index.html')).text()).toContain('<title>console</title>');
  });

  it.each([
    'app://console/..%2fsecret.txt',
    'app://console/assets/..%2f..%2fsecret.txt',
    'app://console/%2e%2e%2fsecret.txt',
    'app://console/assets/%2e%2e/%2e%2e/secret.txt',
    'app://console/..%5csecret.txt',
    'app://console/assets/..%5c..%5csecret.txt',
    'app://console/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://console/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://console/%2e%2e%2frenderer-evil.txt',
    'app://console/index.html%00.js',
    'app://console/%E0%A4%A',
    'app://console/../secret.txt',
    'app://console/assets/../../secret.txt',
  ])('never serves anything outside the console folder: %s', async (url) => {
    const res = await get(url);
    expect(res.status).not.toBe(200);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain(SECRET);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });

  it('refuses encoded traversal with 403', async () => {
    expect((await get('app://console/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://console/..%5csecret.txt')).status).toBe(403);
  });

  it('refuses a symlink that leads out of the folder', async (ctx) => {
    if (!fs.existsSync(path.join(root, 'assets', 'link.txt'))) ctx.skip();
    const res = await get('app://console/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers 404 with the CSP for missing files, directories and other hosts', async () => {
    for (const url of ['app://console/nope.js', 'app://console/assets/', 'app://other/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy'), url).toBe(CONSOLE_CSP);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://console/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://console/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });
});

describe('resolveConsolePath', () => {
  it('maps paths inside the root and refuses the rest', () => {
    expect(resolveConsolePath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveConsolePath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveConsolePath(root, '/%2e%2e/x')).toBeNull();
    expect(resolveConsolePath(root, '/a/./b')).toBeNull();
    expect(resolveConsolePath(root, '/a\\b')).toBeNull();
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard and secure, without bypassing CSP or opening CORS', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: Record<string, boolean> }[]]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(schemes[0]!.privileges.bypassCSP).toBeFalsy();
    expect(schemes[0]!.privileges.corsEnabled).toBeFalsy();
    expect(schemes[0]!.privileges.allowServiceWorkers).toBeFalsy();
  });

  it('handles the scheme with the console folder', async () => {
    let handler: ((req: Request) => Response | Promise<Response>) | undefined;
    const protocol = {
      handle: vi.fn((scheme: string, h: (req: Request) => Response | Promise<Response>) => {
        expect(scheme).toBe(APP_SCHEME);
        handler = h;
      }),
    };
    registerConsoleProtocol(protocol, root);
    const res = await handler!(new Request(CONSOLE_INDEX_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect((await handler!(new Request('app://console/..%2fsecret.txt'))).status).toBe(403);
  });

  it('isConsoleUrl accepts only app://console', () => {
    expect(isConsoleUrl('app://console/index.html')).toBe(true);
    expect(isConsoleUrl('app://console')).toBe(true);
    expect(isConsoleUrl('app://consolex/')).toBe(false);
    expect(isConsoleUrl('app://user:pw@console/')).toBe(false);
    expect(isConsoleUrl('https://console/')).toBe(false);
    expect(isConsoleUrl('file:///console/index.html')).toBe(false);
    expect(isConsoleUrl('garbage')).toBe(false);
  });
});
