import { isErrorCode, type ErrorCode } from '../../../main/common/contract/constants.js';
import type { ErrorPayload } from '../../../main/common/contract/errors.js';

/**
 * An error from a hub call, as the console shows it: the contract's code and message. (The contract's HubError is
 * not used here because its module builds zod schemas, and the console bundles no zod: zod's eval probe would show
 * up as a CSP violation.)
 */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CallError';
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Reads an ErrorPayload out of a parsed JSON body or a thrown value, if it is one. */
export function asErrorPayload(value: unknown): ErrorPayload | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { code?: unknown; message?: unknown; details?: unknown };
  if (!isErrorCode(v.code) || typeof v.message !== 'string') return undefined;
  return v.details === undefined ? { code: v.code, message: v.message } : { code: v.code, message: v.message, details: v.details };
}

/** Normalises anything thrown by a client into a CallError. */
export function toCallError(err: unknown): CallError {
  if (err instanceof CallError) return err;
  const p = asErrorPayload(err);
  if (p) return new CallError(p.code, p.message, p.details);
  if (err instanceof Error) {
    // Electron wraps errors from ipcMain.handle as "Error invoking remote method 'hub:call': <name>: <message>".
    const msg = err.message.replace(/^Error invoking remote method '[^']*':\s*/, '');
    const json = msg.indexOf('{');
    if (json >= 0) {
      try {
        const inner = asErrorPayload(JSON.parse(msg.slice(json)));
        if (inner) return new CallError(inner.code, inner.message, inner.details);
      } catch {
        // not JSON; fall through
      }
    }
    const m = /^(?:\w*Error:\s*)?([A-Z_]+):\s*([\s\S]*)$/.exec(msg);
    if (m && isErrorCode(m[1])) return new CallError(m[1], m[2] ?? '');
    return new CallError('INTERNAL', msg.replace(/^\w*Error:\s*/, ''));
  }
  return new CallError('INTERNAL', String(err));
}
