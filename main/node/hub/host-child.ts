import { toErrorPayload, type Progress } from '../../common/contract/index.js';
import type { FromHost, ToHost } from './host-protocol.js';

export interface HostCallContext {
  signal: AbortSignal;
  progress(p: Progress): void;
}
export type HostHandler = (payload: unknown, ctx: HostCallContext) => unknown;

/** Electron's utility process gives its child a MessagePort-like `process.parentPort` instead of process.send. */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** The channel to the hub: process.send (child_process.fork) or process.parentPort (Electron utilityProcess). */
function hubChannel(): { send(m: FromHost): void; onMessage(listener: (m: ToHost) => void): void } {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return { send: (m) => port.postMessage(m), onMessage: (l) => void port.on('message', (e) => l(e.data as ToHost)) };
  }
  if (process.send) {
    return { send: (m) => void process.send!(m), onMessage: (l) => void process.on('message', l) };
  }
  throw new Error('a host must be started with an IPC channel (child_process.fork or utilityProcess.fork)');
}

/** The child side of HostProcess: answers calls with the given handlers until the parent goes away. */
export function serveHost(handlers: Record<string, HostHandler>): void {
  const channel = hubChannel();
  const send = channel.send;
  const running = new Map<number, AbortController>();

  channel.onMessage(async (m: ToHost) => {
    if (m?.type === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    if (m?.type !== 'call') return;
    const controller = new AbortController();
    running.set(m.id, controller);
    try {
      const handler = handlers[m.method];
      if (!handler) throw new Error(`host has no method "${m.method}"`);
      const value = await handler(m.payload, {
        signal: controller.signal,
        progress: (progress) => send({ type: 'progress', id: m.id, progress }),
      });
      send({ type: 'result', id: m.id, value });
    } catch (err) {
      send({ type: 'error', id: m.id, error: toErrorPayload(err) });
    } finally {
      running.delete(m.id);
    }
  });
  // The parent died or closed the channel: nothing left to serve. (A utility process is ended by Electron itself.)
  process.on('disconnect', () => process.exit(0));
  // Reported, not assumed: the hub refuses a plugin host whose runtime ignored --permission.
  send({ type: 'ready', permission: (process as { permission?: unknown }).permission !== undefined });
}
