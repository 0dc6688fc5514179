import { HubError } from '../../../../common/contract/index.js';
import { OCR_DEFAULTS } from '../defaults.js';

/** What the page loader accepts (OCR_DEFAULTS.input). */
export const INPUT_LIMITS = OCR_DEFAULTS.input;

/** The one error for a bad input file: BAD_REQUEST with "<file>: <reason>". */
export const badInput = (file: string, reason: string, details?: unknown) => new HubError('BAD_REQUEST', `${file}: ${reason}`, details);

export const megapixels = (w: number, h: number) => `${w} x ${h} pixels (${Math.round((w * h) / 1e6).toLocaleString('en')} MP)`;

/** Size that fits within maxSide on both axes, aspect kept (never enlarges). */
export function fitWithin(width: number, height: number, maxSide: number = INPUT_LIMITS.maxSide): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

export function throwIfCancelled(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw new HubError('CANCELLED', `${file}: cancelled`);
}
