import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  API_PREFIX,
  EVENTS_PATH,
  HubError,
  RPC_PATH,
  httpStatusOf,
  toErrorPayload,
  type ErrorPayload,
  type JobEvent,
  MAX_REQUEST_BYTES,
} from '../../common/contract/index.js';
import { hostAndOriginProblem, newToken, tokenCookie, tokenMatches, tokenOf } from './auth.js';
import { plain, securityHeaders, serveStatic } from './static-files.js';

export interface ServerHub {
  api: { dispatch(method: string, params: unknown): Promise<unknown> };
  events: { on(listener: (e: JobEvent) => void): () => void };
}

export interface ServerOptions {
  hub: ServerHub;
  /** Built console (dist/renderer). */
  consoleDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one per start otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The URL to open: it carries the token once, the server then sets the cookie and drops it from the address. */
  url: string;
  close(): Promise<void>;
}

/**
 * The loopback server: the console's static files and the hub's API (`POST /api/rpc/<method>`, WebSocket
 * `/api/events`) on 127.0.0.1 only. Every /api/ call needs the per-start token; Host and Origin are checked.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  // Uploaded files travel as base64 in the JSON body: the contract sizes the body for one file of its limit.
  const maxBody = opts.maxBodyBytes ?? MAX_REQUEST_BYTES;
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => sendError(res, toErrorPayload(err)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const problem = hostAndOriginProblem(req, port);
    if (problem) return sendError(res, { code: 'FORBIDDEN', message: problem });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
      // Opening the printed URL: keep the token in an HttpOnly cookie and take it out of the address bar.
      const q = url.searchParams.get('token');
      if (q !== null) {
        if (!tokenMatches(q, token)) return plain(res, 401, 'This link has an old or wrong token. Use the URL printed by the latest `npm run serve`.');
        url.searchParams.delete('token');
        res.writeHead(303, { ...securityHeaders, 'Set-Cookie': tokenCookie(token), Location: url.pathname + url.search });
        return void res.end();
      }
      return serveStatic(opts.consoleDir, url.pathname, res);
    }

    if (!tokenMatches(tokenOf(req, url), token)) {
      return sendError(res, { code: 'UNAUTHORIZED', message: 'missing or wrong token: open the URL printed at start, or send Authorization: Bearer <token>' });
    }
    if (url.pathname === '/api/health' && req.method === 'GET') return sendJson(res, 200, await opts.hub.api.dispatch('health', {}));
    if (url.pathname.startsWith(RPC_PATH)) {
      if (req.method !== 'POST') return sendError(res, { code: 'BAD_REQUEST', message: 'use POST for /api/rpc/<method>' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, { code: 'BAD_REQUEST', message: 'Content-Type must be application/json' });
      }
      const method = decodeURIComponent(url.pathname.slice(RPC_PATH.length));
      const params = await readJson(req, maxBody);
      return sendJson(res, 200, await opts.hub.api.dispatch(method, params));
    }
    return sendError(res, { code: 'NOT_FOUND', message: `no API at ${url.pathname}` });
  }

  // WebSocket: job events. The upgrade is checked like any /api/ call before the socket is accepted.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const problem = hostAndOriginProblem(req, port);
    const status = problem ? 403 : !tokenMatches(tokenOf(req, url), token) ? 401 : url.pathname !== EVENTS_PATH ? 404 : 0;
    if (status) {
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = opts.hub.events.on((event) => {
    const data = JSON.stringify(event);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(data);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: ErrorPayload): void {
  if (res.headersSent) return void res.end();
  sendJson(res, httpStatusOf[error.code], { error });
}

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HubError('BAD_REQUEST', `request body is larger than ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HubError('BAD_REQUEST', 'request body is not valid JSON');
  }
}
