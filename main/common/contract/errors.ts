import { z } from 'zod';
import { ERROR_CODES, HTTP_STATUS_OF } from './constants.js';

/** Every error that crosses a boundary carries one of these codes (listed in constants.ts). */
export const ErrorCode = z.enum(ERROR_CODES);
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
export const httpStatusOf = HTTP_STATUS_OF;
