import { HubError, MAX_FILE_BYTES, MAX_PAGES_PER_FILE } from '../../../../common/contract/index.js';

/** What the page loader accepts. A page over MAX_PAGE_PIXELS is refused; a bigger side than MAX_SIDE is scaled down. */
export const INPUT_LIMITS = {
  /** Bytes of one input file: the contract's one limit (an upload's base64 is capped at the same size). */
  maxFileBytes: MAX_FILE_BYTES,
  /** Pixels of one page as stored (before any downscale): more is refused as a likely decompression bomb. */
  maxPagePixels: 100_000_000,
  /** Longest side of a page handed to OCR; bigger pages are scaled down to it (aspect kept). */
  maxSide: 4000,
  /** Pages of one file (TIFF pages, PDF pages) when no page list is given. */
  maxPages: MAX_PAGES_PER_FILE,
  /** Resolution of PDF text-layer boxes (PDF points are 1/72 inch). */
  pdfTextDpi: 150,
  /** Rendering resolution of image-only PDF pages: the scan's own resolution, kept within these bounds. */
  pdfRenderDpi: { min: 150, default: 200, max: 300 },
} as const;

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
