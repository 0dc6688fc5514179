import type { ErrorPayload, Progress } from '../../common/contract/index.js';

/** Messages between the hub and a host process (plugin host, model host) over the fork IPC channel. */
export type ToHost =
  | { type: 'call'; id: number; method: string; payload: unknown }
  | { type: 'cancel'; id: number };

export type FromHost =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: ErrorPayload };
