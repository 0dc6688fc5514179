/**
 * The console window's preload. It runs sandboxed, so it may `require('electron')` and nothing else at runtime:
 * the contract is imported for types only, and the channel names are repeated here as literals (a unit test checks
 * they equal IPC_CALL / IPC_EVENT from main/common/contract/transport.ts).
 *
 * It exposes exactly one object, `window.hub` (a PreloadHub, usable as the contract's HubClient): `call(method, params)` and `onEvent(listener)`.
 * The raw ipcRenderer is never handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ErrorPayload, JobEvent } from '../common/contract/index.js' with { 'resolution-mode': 'import' };
import type { PreloadHub } from './hub-api.js' with { 'resolution-mode': 'import' };

export const CALL_CHANNEL = 'hub:call';
export const EVENT_CHANNEL = 'hub:event';

/** The rejection reason of `window.hub.call`: code and message of the hub's ErrorPayload. */
export interface HubCallError extends Error {
  name: 'HubError';
  code: ErrorPayload['code'];
  details?: unknown;
}

/**
 * contextBridge copies a native Error across worlds with its message only (custom properties such as `code` are
 * dropped). An object that inherits from Error.prototype but is not a native error is copied as a plain object with
 * all its own enumerable properties, so `code`, `message` and `details` reach the page intact.
 */
export function hubCallError(payload: ErrorPayload): HubCallError {
  const err = Object.create(Error.prototype) as HubCallError;
  Object.assign(err, { name: 'HubError', code: payload.code, message: payload.message, stack: `HubError: ${payload.message}` });
  if (payload.details !== undefined) err.details = payload.details;
  return err;
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  const v = value as { code?: unknown; message?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.message === 'string';
}

/** Builds the object exposed as `window.hub` (exported for tests). */
export function createHubBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): PreloadHub {
  const call = async (method: string, params?: unknown): Promise<unknown> => {
    let envelope: unknown;
    try {
      envelope = await ipc.invoke(CALL_CHANNEL, method, params);
    } catch (err) {
      throw hubCallError({ code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
    }
    const env = envelope as { ok?: unknown; result?: unknown; error?: unknown } | null;
    if (typeof env === 'object' && env !== null) {
      if (env.ok === true) return env.result;
      if (env.ok === false && isErrorPayload(env.error)) throw hubCallError(env.error);
    }
    throw hubCallError({ code: 'INTERNAL', message: 'malformed reply from the main process' });
  };

  const onEvent = (listener: (event: JobEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('hub.onEvent needs a listener function');
    // Only the payload reaches the page, never the IpcRendererEvent (it carries the sender, i.e. ipcRenderer).
    const relay = (_event: IpcRendererEvent, payload: JobEvent) => listener(payload);
    ipc.on(EVENT_CHANNEL, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(EVENT_CHANNEL, relay);
    };
  };

  return { call, onEvent };
}

contextBridge.exposeInMainWorld('hub', createHubBridge(ipcRenderer));
