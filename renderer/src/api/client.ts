import { createHttpClient } from './http-client.js';
import { createIpcClient } from './ipc-client.js';
import type { ConsoleClient } from './types.js';

export type { ConsoleClient, ConnectionState, HubClient, Transport } from './types.js';
export { CallError, toCallError } from './errors.js';

/** IPC when the Electron preload exposed `window.hub`, the loopback server's HTTP/WebSocket API otherwise. */
export function createClient(): ConsoleClient {
  return window.hub ? createIpcClient(window.hub) : createHttpClient();
}
