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
import { bearerOf, hostAndOriginProblem, newToken, Sessions, tokenMatches } from './auth.js';
import { refuseLocalPaths } from '../hub/local-paths.js';
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
  /** Request bodies held in memory at once, all requests together (many parallel uploads): beyond, 503. */
  maxInflightBytes?: number;
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
  // Bodies of parallel uploads held at once: two files of the limit, then 503 until one is done.
  const body = new BodyBudget(opts.maxInflightBytes ?? maxBody * 2);
  const sessions = new Sessions(token);
  let port = 0;

  const server = http.createServer((req, res) => {
    // Nothing a request carries may stop the server: every failure becomes an answer.
    handle(req, res).catch((err) => {
      try {
        sendError(res, toErrorPayload(err));
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 10 * 60_000;

  /** Bearer token (scripts) or this run's session cookie (the browser console). */
  const authorised = (req: IncomingMessage): 'bearer' | 'session' | undefined =>
    tokenMatches(bearerOf(req), token) ? 'bearer' : sessions.has(req) ? 'session' : undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = req.url ?? '/';
    const isApi = rawPath.startsWith(API_PREFIX);
    const problem = hostAndOriginProblem(req, port, { api: isApi });
    if (problem) return sendError(res, { code: 'FORBIDDEN', message: problem });
    let url: URL;
    try {
      url = new URL(rawPath, `http://127.0.0.1:${port}`);
    } catch {
      return sendError(res, { code: 'BAD_REQUEST', message: 'bad request address' });
    }

    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed');
      // Opening the printed URL (once): a session cookie is set and the token taken out of the address bar.
      const q = url.searchParams.get('token');
      if (q !== null) {
        const r = sessions.exchange(q);
        if (!r.ok) return plain(res, 401, r.why);
        url.searchParams.delete('token');
        res.writeHead(303, { ...securityHeaders, 'Set-Cookie': sessions.cookie(r.id), Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
        return void res.end();
      }
      return serveStatic(opts.consoleDir, url.pathname, res);
    }

    const how = authorised(req);
    if (!how) {
      return sendError(res, { code: 'UNAUTHORIZED', message: 'missing or wrong token: open the URL printed at start, or send Authorization: Bearer <token>' });
    }
    // A cookie rides along with any request the browser makes; a call that changes state must come from our page.
    if (how === 'session' && req.method !== 'GET' && req.headers.origin === undefined) {
      return sendError(res, { code: 'FORBIDDEN', message: 'calls from the browser must carry this server\'s Origin' });
    }
    if (url.pathname === '/api/health' && req.method === 'GET') return sendJson(res, 200, await opts.hub.api.dispatch('health', {}));
    if (url.pathname.startsWith(RPC_PATH)) {
      if (req.method !== 'POST') return sendError(res, { code: 'BAD_REQUEST', message: 'use POST for /api/rpc/<method>' });
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, { code: 'BAD_REQUEST', message: 'Content-Type must be application/json' });
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice(RPC_PATH.length));
      } catch {
        return sendError(res, { code: 'BAD_REQUEST', message: 'bad method name' });
      }
      const params = await readJson(req, res, maxBody, body);
      if (params === TOO_LARGE) return;
      refuseLocalPaths(method, params, 'the browser');
      return sendJson(res, 200, await opts.hub.api.dispatch(method, params));
    }
    return sendError(res, { code: 'NOT_FOUND', message: `no API at ${url.pathname}` });
  }

  // WebSocket: job events. The upgrade is checked like any /api/ call before the socket is accepted.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      const problem = hostAndOriginProblem(req, port, { api: true });
      const pathname = (req.url ?? '/').split('?')[0];
      const status = problem ? 403 : !authorised(req) ? 401 : pathname !== EVENTS_PATH ? 404 : 0;
      if (status) {
        socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        ws.on('error', () => sockets.delete(ws));
      });
    } catch {
      socket.destroy();
    }
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

const TOO_LARGE = Symbol('too large');

/** Bytes of request bodies held at once by all requests together. */
class BodyBudget {
  private used = 0;
  constructor(readonly max: number) {}
  take(n: number): boolean {
    if (this.used + n > this.max) return false;
    this.used += n;
    return true;
  }
  give(n: number): void {
    this.used -= n;
  }
}

function refuseBody(req: IncomingMessage, res: ServerResponse, status: 413 | 503, message: string): typeof TOO_LARGE {
  if (!res.headersSent) {
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
    res.end(JSON.stringify({ error: { code: status === 413 ? 'BAD_REQUEST' : 'UNAVAILABLE', message } }));
  }
  // The rest of an oversized body is not worth receiving: the connection closes once the answer is out.
  res.on('finish', () => req.destroy());
  return TOO_LARGE;
}

async function readJson(req: IncomingMessage, res: ServerResponse, max: number, budget: BodyBudget): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return refuseBody(req, res, 413, `request body is larger than ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  // Events rather than for-await: leaving a for-await loop early destroys the socket before the 413 is sent.
  const outcome = await new Promise<Buffer | typeof TOO_LARGE>((resolve, reject) => {
    const stop = (status: 413 | 503, message: string) => {
      req.removeListener('data', onData);
      req.pause();
      resolve(refuseBody(req, res, status, message));
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > max) return stop(413, `request body is larger than ${max} bytes`);
      if (!budget.take(chunk.length)) return stop(503, 'too many uploads at once; try again when the others have finished');
      size += chunk.length;
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => resolve(Buffer.concat(chunks)));
  }).finally(() => budget.give(size));
  if (outcome === TOO_LARGE) return TOO_LARGE;
  if (!req.complete) throw new HubError('BAD_REQUEST', 'the request body was cut off');
  if (outcome.length === 0) return {};
  try {
    return JSON.parse(outcome.toString('utf8'));
  } catch {
    throw new HubError('BAD_REQUEST', 'request body is not valid JSON');
  }
}
