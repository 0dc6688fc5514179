import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../main/node/server/server.js';
import type { JobEvent } from '../../main/common/contract/index.js';
import { cleanupTempDirs, repoRoot } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';
import path from 'node:path';

const hub = testHub();
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ hub, consoleDir: path.join(repoRoot, 'dist', 'renderer') });
});
afterAll(async () => {
  await server.close();
  await hub.close();
  cleanupTempDirs();
});

/** A raw request, so Host and Origin can be set to anything (fetch forbids changing Host). */
function request(p: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: p, method: o.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...o.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}
const auth = () => ({ authorization: `Bearer ${server.token}` });
const rpc = (method: string, params: unknown, headers: Record<string, string> = auth()) =>
  request(`/api/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(params) });

describe('loopback server', () => {
  it('listens on 127.0.0.1 only, with a token of real entropy in the printed URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await request('/api/health')).status).toBe(401);
    expect((await request('/api/health', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await rpc('plugins.list', {}, {})).status).toBe(401);
    const body = JSON.parse((await request('/api/health')).body);
    expect(body.error.code).toBe('UNAUTHORIZED');
  });

  it('accepts the token as a Bearer header only; ?token= and the token as a cookie do not open the API', async () => {
    expect((await request('/api/health', { headers: auth() })).status).toBe(200);
    expect((await request(`/api/health?token=${server.token}`)).status).toBe(401);
    expect((await request('/api/health', { headers: { cookie: `ic_token=${server.token}` } })).status).toBe(401);
  });

  it('answers 403 for a foreign Host (DNS rebinding) or a foreign Origin, even with the token', async () => {
    expect((await request('/api/health', { headers: { ...auth(), host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await request('/api/health', { headers: { ...auth(), host: '127.0.0.1:1' } })).status).toBe(403);
    expect((await request('/api/health', { headers: { ...auth(), origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request('/api/health', { headers: { ...auth(), origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
    expect((await request('/', { headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('opening the tokened URL (once) sets a per-run session cookie scoped to /api/, never the token itself', async () => {
    expect((await request('/?token=wrong')).status).toBe(401);
    const r = await request(`/?token=${server.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = r.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^ic_s_[0-9a-f]{12}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/api\/$/);
    expect(cookie).not.toContain(server.token);
    const session = cookie.split(';')[0]!;
    expect((await request('/api/health', { headers: { cookie: session } })).status).toBe(200);
    // State-changing calls with the cookie need this server's Origin (a cookie rides along with any request).
    const noOrigin = await rpc('jobs.list', {}, { cookie: session });
    expect(noOrigin.status).toBe(403);
    const withOrigin = await rpc('jobs.list', {}, { cookie: session, origin: `http://127.0.0.1:${server.port}` });
    expect(withOrigin.status).toBe(200);
    // A page on another 127.0.0.1 port is the same "site" to the browser: refused.
    const sameSite = await rpc('jobs.list', {}, { cookie: session, origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-site' });
    expect(sameSite.status).toBe(403);
    // The link works once: a second opening (a leaked link) is refused.
    const again = await request(`/?token=${server.token}`);
    expect(again.status).toBe(401);
    expect(again.body).toMatch(/used already/);
  });

  it('serves the built console without the token, with a strict CSP, and refuses path traversal', async () => {
    const r = await request('/');
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<div id="root">/);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const r = await request(p);
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toContain('intelligent-center');
    }
  });

  it('calls the example plugin over the API, and reports contract errors with their HTTP status', async () => {
    const ok = await rpc('jobs.run', { capability: 'pii.mask', input: { text: '13812345678' } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ output: { text: '138****5678' }, engine: 'plugin:pii-mask@1.0.0' });
    const bad = await rpc('jobs.run', { capability: 'pii.mask', input: { text: 1 } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST');
    expect((await rpc('no.such.method', {})).status).toBe(404);
    const notJson = await request('/api/rpc/health', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('streams job events over the WebSocket, which needs the token and a local Origin', async () => {
    const url = `ws://127.0.0.1:${server.port}/api/events`;
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
        ws.on('open', () => resolve(101));
        ws.on('error', () => undefined);
      });
    expect(await refused({})).toBe(401);
    expect(await refused({ ...auth(), origin: 'http://evil.example' })).toBe(403);

    const ws = new WebSocket(url, { headers: auth() });
    await new Promise((r) => ws.once('open', r));
    const events: JobEvent[] = [];
    ws.on('message', (m) => events.push(JSON.parse(String(m))));
    const job = JSON.parse((await rpc('jobs.start', { capability: 'test.sleep', inputs: [{ ms: 30, steps: 2 }] })).body);
    // The plugin's host starts on this first call: allow for a busy machine (poll's default is 1 s).
    await expect
      .poll(() => events.some((e) => e.type === 'job.updated' && e.job.id === job.id && e.job.status === 'succeeded'), { timeout: 15_000 })
      .toBe(true);
    expect(events.filter((e) => e.type === 'job.progress').length).toBe(2);
    ws.close();
  });
});
