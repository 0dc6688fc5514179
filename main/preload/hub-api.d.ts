import type { JobEvent } from '../common/contract/index.js';

/**
 * Types of `window.hub`, the object main/preload/preload.cts exposes in the Electron window.
 *
 * The `Window.hub` global itself is declared once, by the console (renderer/src/api/types.ts, `HubBridge`);
 * declaring it here too would clash. `PreloadHub` is the same shape; test/unit/electron/preload.test.ts checks
 * the two stay mutually assignable. A rejected `call` carries the hub's ErrorPayload fields (code, message,
 * details) on a plain object: errors cross contextBridge as plain objects.
 */

/** `window.hub` as exposed: any method name may be passed (the main process validates it and the params). */
export interface PreloadHub {
  call(method: string, params?: unknown): Promise<unknown>;
  onEvent(listener: (event: JobEvent) => void): () => void;
}
