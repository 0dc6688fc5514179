import { z } from 'zod';

/** Every error that crosses a boundary (IPC, HTTP, CLI, plugin host) carries one of these codes. */
export const ErrorCode = z.enum([
  'BAD_REQUEST', // payload failed validation against the contract
  'NOT_FOUND', // unknown method, capability, job or plugin
  'UNAVAILABLE', // capability exists but is disabled or its engine is not installed
  'CANCELLED',
  'TIMEOUT',
  'WORKER_CRASHED', // a host process died mid-job
  'PLUGIN_ERROR', // a plugin handler threw or returned output that breaks its own schema
  'BAD_MANIFEST',
  'CONFLICT',
  'DB_TOO_NEW', // database written by a newer app version
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** The one error type of the hub; serialises to ErrorPayload at every boundary. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HubError';
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(p: ErrorPayload): HubError {
    return new HubError(p.code, p.message, p.details);
  }
}

/** Normalises anything thrown into an ErrorPayload (unknown errors become INTERNAL with their message). */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof HubError) return err.toPayload();
  const parsed = ErrorPayload.safeParse(err);
  if (parsed.success) return parsed.data;
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}

/** HTTP status for each code, used by the loopback server. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_MANIFEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANCELLED: 409,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  WORKER_CRASHED: 502,
  PLUGIN_ERROR: 502,
  DB_TOO_NEW: 500,
  INTERNAL: 500,
};
