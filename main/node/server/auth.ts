import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

/** The token from `Authorization: Bearer` (scripts, the CLI's tests). Browsers use the session cookie instead. */
export function bearerOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  return undefined;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies of a request; a malformed pair or escape is skipped, never thrown (any local process can send one). */
export function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const text = Array.isArray(header) ? header.join(';') : (header ?? '');
  if (text.length > 16 * 1024) return out;
  for (const part of text.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    let value = part.slice(i + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      continue;
    }
    out[name] = value;
  }
  return out;
}

/**
 * The browser session. Cookies are not isolated by port: a cookie set by 127.0.0.1:PORT is also sent to every
 * other service on 127.0.0.1. So the cookie never carries the token: it carries a session id made when the
 * tokened address was opened (once), under a name made for this server run and scoped to /api/. Another local
 * service may still see that id if the browser calls it under /api/; the id is worthless once this server stops,
 * and calls that change state must also come from this server's own Origin.
 */
export class Sessions {
  /** Per-run cookie name: a cookie of an earlier run (or of another app) is never mistaken for this one. */
  readonly cookieName = `ic_s_${randomBytes(6).toString('hex')}`;
  private readonly ids = new Set<string>();
  private tokenUsed = false;

  constructor(private readonly token: string) {}

  /** Exchanges the token in the address for a session, once; a second use (a leaked link) is refused. */
  exchange(given: string): { ok: true; id: string } | { ok: false; why: string } {
    if (!tokenMatches(given, this.token)) return { ok: false, why: 'This link has an old or wrong token. Use the URL printed by the latest `ic serve`.' };
    if (this.tokenUsed) return { ok: false, why: 'This link was used already: each start of `ic serve` prints a link that opens one browser session. Restart `ic serve` for a new one.' };
    this.tokenUsed = true;
    const id = randomBytes(32).toString('base64url');
    this.ids.add(id);
    return { ok: true, id };
  }

  cookie(id: string): string {
    // No Secure/__Host- prefix: the server speaks plain HTTP on loopback, where browsers differ on Secure cookies.
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/api/`;
  }

  /** True when the request carries this run's session cookie. */
  has(req: IncomingMessage): boolean {
    const id = parseCookies(req.headers.cookie)[this.cookieName];
    if (!id) return false;
    for (const known of this.ids) if (tokenMatches(id, known)) return true;
    return false;
  }
}

/**
 * DNS-rebinding and cross-site defence: the Host header must name this loopback server, and an Origin, when the
 * browser sends one, must be this server's own.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function hostAndOriginProblem(req: IncomingMessage, port: number, o: { api?: boolean } = {}): string | undefined {
  const hosts = allowedHosts(port);
  const host = req.headers.host;
  if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) return `Host "${String(host ?? '').slice(0, 100)}" is not this loopback server`;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(String(origin));
    } catch {
      u = undefined;
    }
    if (!u || u.protocol !== 'http:' || !hosts.has(u.host.toLowerCase())) return `Origin "${String(origin).slice(0, 100)}" is not allowed`;
  }
  const site = req.headers['sec-fetch-site'];
  // Another page on 127.0.0.1 (any port: the same "site") must not drive the API with the user's cookie.
  if (o.api && site !== undefined && site !== 'same-origin' && site !== 'none') return `a ${String(site)} request is not allowed`;
  return undefined;
}
