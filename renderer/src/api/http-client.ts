import type { ErrorCode } from '../../../main/common/contract/errors.js';
import type { JobEvent } from '../../../main/common/contract/jobs.js';
import type { MethodName, ParamsOf, ResultOf } from '../../../main/common/contract/methods.js';
import { EVENTS_PATH, RPC_PATH } from '../../../main/common/contract/transport.js';
import { CallError, asErrorPayload } from './errors.js';
import type { ConnectionState, ConsoleClient } from './types.js';

export interface HttpClientOptions {
  /** Origin of the loopback server; the page's own by default. */
  origin?: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** First and longest wait before reconnecting the event stream. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 504) return 'TIMEOUT';
  return 'INTERNAL';
}

/**
 * HubClient over the loopback server: `POST /api/rpc/<method>` for calls and the `/api/events` WebSocket for job
 * events, reconnecting with backoff. Auth is the HttpOnly cookie the server set when the tokened URL was opened,
 * so same-origin requests need nothing extra.
 */
export function createHttpClient(opts: HttpClientOptions = {}): ConsoleClient {
  const origin = opts.origin ?? window.location.origin;
  const doFetch = opts.fetch ?? window.fetch.bind(window);
  const WS = opts.WebSocket ?? window.WebSocket;
  const minMs = opts.reconnectMinMs ?? 500;
  const maxMs = opts.reconnectMaxMs ?? 10_000;

  const listeners = new Set<(event: JobEvent) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'closed';
  let ws: WebSocket | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let delay = minMs;
  let closed = false;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const l of stateListeners) l(next);
  }

  function connect(): void {
    if (closed || ws) return;
    setState('connecting');
    const url = new URL(EVENTS_PATH, origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WS(url.href);
    ws = socket;
    socket.onopen = () => {
      delay = minMs;
      setState('open');
    };
    socket.onmessage = (msg: MessageEvent) => {
      if (typeof msg.data !== 'string') return;
      let event: JobEvent;
      try {
        event = JSON.parse(msg.data) as JobEvent;
      } catch {
        return;
      }
      if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return;
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch (err) {
          console.error('event listener failed', err);
        }
      }
    };
    socket.onclose = () => {
      ws = undefined;
      setState('closed');
      if (closed) return;
      retryTimer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, maxMs);
    };
    // An error is always followed by close, which schedules the retry.
    socket.onerror = () => undefined;
  }

  connect();

  return {
    transport: 'browser',
    async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
      let res: Response;
      try {
        res = await doFetch(new URL(RPC_PATH + encodeURIComponent(method), origin).href, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(params ?? {}),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (err) {
        throw new CallError('UNAVAILABLE', `cannot reach the hub at ${origin}: ${(err as Error).message}`);
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (!res.ok) {
        const p = asErrorPayload((body as { error?: unknown } | undefined)?.error);
        if (p) throw new CallError(p.code, p.message, p.details);
        throw new CallError(codeForStatus(res.status), `HTTP ${res.status} ${res.statusText}`.trim());
      }
      return body as ResultOf<M>;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    connection: () => state,
    onConnection(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      ws?.close();
      ws = undefined;
      setState('closed');
    },
  };
}
