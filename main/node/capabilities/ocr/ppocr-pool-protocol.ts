import type { OcrLang } from './engine.js';
import type { PpOcrResult } from './ppocr-engine.js';

/** Messages from PpOcrPool to one of its worker threads. */
export type PoolRequest =
  | { type: 'read'; id: number; raster: { data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 }; lang: OcrLang; marks?: boolean }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

/** Messages from a worker thread back to the pool. */
export type PoolReply =
  | { type: 'ready'; modelFiles: { det: string; cls: string; rec: string } }
  | { type: 'failed'; error: { code?: string; message: string } }
  | { type: 'done'; id: number; result: PpOcrResult }
  | { type: 'error'; id: number; error: { code?: string; message: string } };
