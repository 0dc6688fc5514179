import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONSOLE_CSP } from '../common/csp.js';

/**
 * The console is served from a custom privileged scheme, never from file:// (Electron security checklist:
 * "avoid usage of the file:// protocol and prefer usage of custom protocols"). Only the one origin
 * `app://console` exists; every response carries the console CSP.
 */
export const APP_SCHEME = 'app';
export const CONSOLE_HOST = 'console';
export const CONSOLE_ORIGIN = `${APP_SCHEME}://${CONSOLE_HOST}`;
export const CONSOLE_BASE_URL = `${CONSOLE_ORIGIN}/`;
export const CONSOLE_INDEX_URL = `${CONSOLE_BASE_URL}index.html`;

/**
 * `standard` gives the scheme real origins and relative-URL resolution, `secure` makes it a secure context,
 * `supportFetchAPI` lets the console fetch its own assets. Deliberately NOT set: `bypassCSP` (our CSP must apply),
 * `corsEnabled` (it would let other origins read these responses), `allowServiceWorkers`, `allowExtensions`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before the app's `ready` event (Electron only accepts privileged schemes that early). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** True when `url` is on the console's origin (app://console). */
export function isConsoleUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === CONSOLE_HOST && u.username === '' && u.password === '';
}

/** Serves `consoleDir` (the built console, dist/renderer) at app://console/. Call after `ready`. */
export function registerConsoleProtocol(protocol: Pick<Protocol, 'handle'>, consoleDir: string): void {
  const root = path.resolve(consoleDir);
  protocol.handle(APP_SCHEME, (request) => serveConsoleRequest(root, request));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response from the scheme, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONSOLE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps a request URL's path to a file under `root`, or null when it must be refused: undecodable escapes, NUL,
 * backslashes, any `..` segment (also when smuggled as %2e%2e or %2f), or a result outside `root`.
 */
export function resolveConsolePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.filter((s) => s !== '').join('/') || 'index.html';
  const resolved = path.resolve(root, relative);
  if (!isInside(root, resolved)) return null;
  return resolved;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The protocol handler itself (exported for tests): GET/HEAD of files under `root` on app://console only. */
export async function serveConsoleRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return errorResponse(400, 'bad url');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== CONSOLE_HOST) return errorResponse(404, 'not found');

  const file = resolveConsolePath(root, url.pathname);
  if (!file) return errorResponse(403, 'forbidden');

  let real: string;
  let body: Buffer;
  try {
    // Follow symlinks, then check again: a link inside dist/renderer must not lead out of it.
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!isInside(realRoot, realFile)) return errorResponse(403, 'forbidden');
    const stat = await fs.stat(realFile);
    if (!stat.isFile()) return errorResponse(404, 'not found');
    real = realFile;
    body = await fs.readFile(realFile);
  } catch {
    return errorResponse(404, 'not found');
  }

  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': contentTypeOf(real), 'Content-Length': String(body.length) },
  });
}
