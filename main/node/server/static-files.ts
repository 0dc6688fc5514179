import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONSOLE_CSP } from '../../common/csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export const securityHeaders = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Serves the built console; unknown paths without an extension get index.html (client-side routes). */
export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return plain(res, 400, 'bad path');
  }
  const file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
  if (file !== root && !file.startsWith(root + path.sep)) return plain(res, 403, 'forbidden');
  let target = file;
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
    if (path.extname(rel)) return plain(res, 404, 'not found');
    target = path.join(root, 'index.html');
    if (!fs.existsSync(target)) {
      return plain(res, 503, 'The console is not built. Run `npm run build` (npm ci does it) and restart.');
    }
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}

export function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}
