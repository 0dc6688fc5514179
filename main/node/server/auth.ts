import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE } from '../../common/contract/index.js';

export const newToken = (): string => randomBytes(24).toString('base64url');

/** The token from `Authorization: Bearer`, `?token=` or the HttpOnly cookie, in that order. */
export function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const q = url.searchParams.get('token');
  if (q) return q;
  return parseCookies(req.headers.cookie)[TOKEN_COOKIE];
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export const tokenCookie = (token: string): string => `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

/**
 * DNS-rebinding and cross-site defence: the Host header must name this loopback server, and an Origin, when the
 * browser sends one, must be this server's own.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostAndOriginProblem(req: IncomingMessage, port: number): string | undefined {
  const hosts = allowedHosts(port);
  const host = req.headers.host;
  if (!host || !hosts.has(host.toLowerCase())) return `Host "${host ?? ''}" is not this loopback server`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let o: URL | undefined;
    try {
      o = new URL(origin);
    } catch {
      o = undefined;
    }
    if (!o || o.protocol !== 'http:' || !hosts.has(o.host.toLowerCase())) return `Origin "${origin}" is not allowed`;
  }
  return undefined;
}
