import type { JobEvent } from './jobs.js';
import type { MethodName, ParamsOf, ResultOf } from './methods.js';

/** What every door offers a client: call a method, listen to events. Implemented over IPC, HTTP/WS and in-process. */
export interface HubClient {
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  onEvent(listener: (event: JobEvent) => void): () => void;
}

/** Names of the IPC channels between Electron's main process and the preload. */
export const IPC_CALL = 'hub:call';
export const IPC_EVENT = 'hub:event';

/** The loopback server's paths. */
export const API_PREFIX = '/api/';
export const RPC_PATH = '/api/rpc/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_COOKIE = 'ic_token';
