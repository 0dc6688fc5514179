import type { ErrorPayload, Progress } from '../../common/contract/index.js';

/**
 * Messages between the hub and a host process (plugin host, model host): over the fork IPC channel under Node, over
 * the utility process's parent port under Electron (both structured-clone the messages).
 */
export type ToHost =
  | { type: 'call'; id: number; method: string; payload: unknown }
  | { type: 'cancel'; id: number };

export type FromHost =
  /** `permission`: Node's permission model is in force in the host (process.permission exists). */
  | { type: 'ready'; permission?: boolean }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: ErrorPayload };
