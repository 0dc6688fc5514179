import type { HubClient } from '../../../main/common/contract/transport.js';
import type { JobEvent } from '../../../main/common/contract/jobs.js';

export type { HubClient };

/** Where the console runs: inside the Electron window (IPC) or in a browser tab against the loopback server. */
export type Transport = 'electron' | 'browser';

/** State of the event stream (always 'open' over IPC). */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The contract's HubClient plus what the console's header needs to know about the door it uses. */
export interface ConsoleClient extends HubClient {
  readonly transport: Transport;
  connection(): ConnectionState;
  /** Called on every change of the event stream's state; returns an unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

/** What the Electron preload exposes as `window.hub` (contextBridge). */
export interface HubBridge {
  call(method: string, params?: unknown): Promise<unknown>;
  onEvent(listener: (event: JobEvent) => void): () => void;
}

declare global {
  interface Window {
    hub?: HubBridge;
  }
}
