import { toErrorPayload, type Progress } from '../../common/contract/index.js';
import type { FromHost, ToHost } from './host-protocol.js';

export interface HostCallContext {
  signal: AbortSignal;
  progress(p: Progress): void;
}
export type HostHandler = (payload: unknown, ctx: HostCallContext) => unknown;

/** The child side of HostProcess: answers calls with the given handlers until the parent goes away. */
export function serveHost(handlers: Record<string, HostHandler>): void {
  if (!process.send) throw new Error('a host must be started with an IPC channel (child_process.fork)');
  const send = (m: FromHost) => process.send!(m);
  const running = new Map<number, AbortController>();

  process.on('message', async (m: ToHost) => {
    if (m.type === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    if (m.type !== 'call') return;
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
  // The parent died or closed the channel: nothing left to serve.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
