import { webContents as electronWebContents } from 'electron';
import { HubError, IPC_CALL, IPC_EVENT, toErrorPayload, type ErrorPayload } from '../common/contract/index.js';
import type { JobEvent } from '../common/contract/index.js';
import { CONSOLE_BASE_URL } from './app-protocol.js';
import { refuseLocalPaths } from '../node/hub/local-paths.js';

/** What the IPC bridge needs from a hub (a subset of `Hub` from main/node/hub/hub.ts). */
export interface BridgeHub {
  api: { dispatch(method: string, params: unknown): Promise<unknown> };
  events: { on(listener: (event: JobEvent) => void): () => void };
}

/** The part of a frame we look at (WebFrameMain satisfies it). */
export interface FrameLike {
  readonly url: string;
}

/** A destination for hub events (WebContents satisfies it). */
export interface EventSink {
  isDestroyed(): boolean;
  readonly mainFrame: FrameLike | null;
  send(channel: string, ...args: unknown[]): void;
}

/** What crosses IPC for every call: errors do not survive IPC as exceptions, so both outcomes are data. */
export type CallEnvelope = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

/** The part of an invoke event we read (IpcMainInvokeEvent satisfies it). */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of ipcMain we use (Electron's IpcMain satisfies it). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcOptions {
  /** Where events go; default every live web contents (filtered by `isTrustedSender` on its main frame). */
  targets?: () => Iterable<EventSink>;
  /** Paths the user picked in the desktop file dialog; every other path in params is refused. */
  pickedPaths?: (p: string) => boolean;
}

const MAX_METHOD_LENGTH = 200;

/** The default sender check: the frame exists and shows a page of the console (app://console/...). */
export function isConsoleFrame(frame: FrameLike | null | undefined): boolean {
  return !!frame && typeof frame.url === 'string' && frame.url.startsWith(CONSOLE_BASE_URL);
}

/** Errors must be plain, cloneable data to cross IPC; anything in `details` that is not JSON-safe is dropped. */
function toWireError(err: unknown): ErrorPayload {
  const payload = toErrorPayload(err);
  if (payload.details === undefined) return payload;
  try {
    return { ...payload, details: JSON.parse(JSON.stringify(payload.details)) as unknown };
  } catch {
    return { code: payload.code, message: payload.message };
  }
}

/**
 * Serves `hub:call` for the console and pushes hub events on `hub:event`. Every call is checked: the sender frame
 * must be trusted (the console's own origin), the method must be a string; params are validated by the hub against
 * the contract. Returns a function that removes the handler and stops forwarding events.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  hub: BridgeHub,
  isTrustedSender: (frame: FrameLike | null | undefined) => boolean = isConsoleFrame,
  options: RegisterIpcOptions = {},
): () => void {
  ipcMain.handle(IPC_CALL, async (event: InvokeEventLike, ...args: unknown[]): Promise<CallEnvelope> => {
    try {
      if (!isTrustedSender(event.senderFrame)) {
        throw new HubError('FORBIDDEN', 'hub:call refused: the sender is not the console');
      }
      const [method, params] = args;
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
        throw new HubError('BAD_REQUEST', 'hub:call needs a method name (a non-empty string)');
      }
      if (args.length > 2) throw new HubError('BAD_REQUEST', 'hub:call takes (method, params)');
      refuseLocalPaths(method, params, 'the window', options.pickedPaths);
      const result = await hub.api.dispatch(method, params);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    }
  });

  const targets = options.targets ?? (() => electronWebContents.getAllWebContents());
  const unsubscribe = hub.events.on((hubEvent) => {
    for (const target of targets()) {
      try {
        if (target.isDestroyed() || !isTrustedSender(target.mainFrame)) continue;
        target.send(IPC_EVENT, hubEvent);
      } catch {
        // A window closing while we send is not the hub's problem.
      }
    }
  });

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    ipcMain.removeHandler(IPC_CALL);
  };
}
