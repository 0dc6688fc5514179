import type { ErrorCode, HubClient, JobEvent } from '../common/contract/index.js';

/**
 * Types of `window.hub`, the object main/preload/preload.cts exposes in the Electron window.
 *
 * The `Window.hub` global itself is declared once, by the console (renderer/src/api/types.ts, `HubBridge`);
 * declaring it here too would clash. `PreloadHub` is the same shape; test/unit/electron/preload.test.ts checks
 * the two stay mutually assignable.
 */

/**
 * The rejection reason of `window.hub.call`. After crossing contextBridge it is a plain object (not
 * `instanceof Error` in the page) carrying the hub's ErrorPayload fields plus `name: 'HubError'`.
 */
export interface HubCallErrorLike {
  name: 'HubError';
  code: ErrorCode;
  message: string;
  details?: unknown;
  stack?: string;
}

/** `window.hub` as exposed: any method name may be passed (the main process validates it and the params). */
export interface PreloadHub {
  call(method: string, params?: unknown): Promise<unknown>;
  onEvent(listener: (event: JobEvent) => void): () => void;
}

/** The typed view of `window.hub`: a HubClient (the same object, seen through the contract's method table). */
export type TypedPreloadHub = HubClient;
