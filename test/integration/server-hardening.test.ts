import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/node/server/server.js';
import { cleanupTempDirs, repoRoot } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';

const hub = testHub();
let server: RunningServer;
const MAX = 1024 * 1024;
beforeAll(async () => {
  server = await startServer({ hub, consoleDir: path.join(repoRoot, 'dist', 'renderer'), maxBodyBytes: MAX, maxInflightBytes: 6 * MAX });
});
afterAll(async () => {
  await server.close();
  await hub.close();
  cleanupTempDirs();
});

/** Raw bytes to the server; resolves with whatever comes back before the socket closes (or after 2 s). */
function raw(text: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(server.port, '127.0.0.1');
    let got = '';
    const done = () => resolve(got);
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('close', done);
    s.on('error', done);
    s.setTimeout(2000, () => s.destroy());
    s.write(text);
  });
}

function request(p: string, o: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: p, method: o.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...o.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}
const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });
const alive = async () => expect((await request('/api/health', { headers: auth() })).status).toBe(200);

describe('loopback server under hostile requests', () => {
  it('a malformed Host ("a b") on a request and on a WebSocket upgrade: refused, the server stays up', async () => {
    expect(await raw(`GET /api/health HTTP/1.1\r\nHost: a b\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|403)/);
    const upgrade = await raw(
      `GET /api/events HTTP/1.1\r\nHost: a b\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(upgrade).toMatch(/^HTTP\/1\.1 (400|403)/);
    await alive();
  });

  it('malformed cookies on requests and upgrades: answered, never thrown', async () => {
    for (const cookie of ['%E0%A4%A', 'ic_s_x=%', '=', ';;;=;=', 'a'.repeat(20_000), '__proto__=1; constructor=2']) {
      // 401; a cookie beyond Node's header limit is refused by the parser itself (400/431)
      expect([401, 400, 431]).toContain((await request('/api/health', { headers: { cookie } })).status);
      const r = await raw(
        `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
      expect(r).toMatch(/^HTTP\/1\.1 (401|431|400)/);
    }
    await alive();
  });

  it('bad JSON, JSON of the wrong shape, deep nesting, bad method escapes: 4xx answers', async () => {
    const post = (m: string, body: string) => request(`/api/rpc/${m}`, { method: 'POST', headers: auth(), body });
    expect((await post('health', '{')).status).toBe(400);
    expect((await post('jobs.run', 'null')).status).toBe(400);
    expect((await post('jobs.run', '"text"')).status).toBe(400);
    expect((await post('jobs.run', '['.repeat(100_000) + ']'.repeat(100_000))).status).toBe(400);
    expect((await post('jobs.run', JSON.stringify({ capability: 'pii.mask', input: { text: 'x', a: { b: { c: { d: 1 } } } } }))).status).toBe(400);
    expect((await post('%E0%A4%A', '{}')).status).toBe(400);
    expect((await raw('GARBAGE\r\n\r\n')).startsWith('HTTP/1.1 400')).toBe(true);
    expect(await raw(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]))).toMatch(/^HTTP\/1\.1 400|^$/);
    await alive();
  });

  it('oversized bodies, declared or streamed: 413, and the server goes on', async () => {
    const declared = await raw(
      `POST /api/rpc/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: ${10 * MAX}\r\n\r\n{`,
    );
    expect(declared).toMatch(/^HTTP\/1\.1 413/);
    const streamed = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/rpc/health', method: 'POST', headers: { host: `127.0.0.1:${server.port}`, ...auth(), 'transfer-encoding': 'chunked' } },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', () => resolve(-1));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * MAX) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect([413, -1]).toContain(streamed); // 413, or the connection closed while we were still sending
    await alive();
  });

  it('many concurrent uploads: each answered (200, or 503 beyond the in-flight budget), the server stays up', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(MAX - 100) });
    const results = await Promise.all(
      Array.from({ length: 24 }, () => request('/api/rpc/health', { method: 'POST', headers: auth(), body }).then((r) => r.status, () => -1)),
    );
    expect(results.every((s) => s === 200 || s === 503)).toBe(true);
    expect(results.filter((s) => s === 200).length).toBeGreaterThan(0);
    await alive();
  });

  it('files on this machine cannot be named over HTTP: {path} inputs, models.import and models.export are refused', async () => {
    const post = (m: string, p: unknown) => request(`/api/rpc/${m}`, { method: 'POST', headers: auth(), body: JSON.stringify(p) });
    const ocr = await post('jobs.run', { capability: 'ocr', input: { file: { path: '/etc/passwd' } } });
    expect(ocr.status).toBe(403);
    expect(JSON.parse(ocr.body).error.message).toMatch(/command line or in the desktop file dialog/);
    expect((await post('jobs.start', { capability: 'pii.mask', inputs: [{ text: 'a' }, { nested: [{ path: '/home' }] }] })).status).toBe(403);
    expect((await post('models.import', { path: '/tmp/x.tar' })).status).toBe(403);
    expect((await post('models.export', { id: 'pp-ocrv4-ch', path: '/tmp/out.tar' })).status).toBe(403);
    expect((await post('jobs.run', { capability: 'pii.mask', input: { text: 'path' } })).status).toBe(200);
  });
});
