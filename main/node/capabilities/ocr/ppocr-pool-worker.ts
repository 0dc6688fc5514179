/**
 * One worker thread of PpOcrPool: a PP-OCRv4 engine of its own, reading the pages the pool sends it one at a time.
 * onnxruntime-node runs a model on the calling JavaScript thread, so pages read in parallel need threads of their
 * own (see ppocr-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HubError } from '../../../common/contract/index.js';
import type { RasterPage } from './engine.js';
import { PpOcrEngine, type PpOcrOptions, type PpOcrResult } from './ppocr-engine.js';
import type { PoolReply, PoolRequest } from './ppocr-pool-protocol.js';

const port = parentPort;
if (!port) throw new Error('ppocr-pool-worker runs as a worker thread of PpOcrPool');
const { packDir, options } = workerData as { packDir: string; options: PpOcrOptions };

const running = new Map<number, AbortController>();
const send = (m: PoolReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const engine = await PpOcrEngine.load(packDir, options);
  port.on('message', (m: PoolRequest) => {
    if (m.type === 'cancel') {
      running.get(m.id)?.abort(new HubError('CANCELLED', 'cancelled'));
      return;
    }
    if (m.type === 'close') {
      void engine.dispose().finally(() => port.close());
      return;
    }
    const controller = new AbortController();
    running.set(m.id, controller);
    const raster: RasterPage = { ...m.raster, data: Buffer.from(m.raster.data.buffer, m.raster.data.byteOffset, m.raster.data.byteLength) };
    engine
      .recognize(raster, { lang: m.lang, signal: controller.signal, ...(m.marks ? { marks: true } : {}) })
      .then(
        (result) => send({ type: 'done', id: m.id, result }, ownBuffers(result)),
        (err: unknown) => send({ type: 'error', id: m.id, error: errorOf(err) }),
      )
      .finally(() => running.delete(m.id));
  });
  send({ type: 'ready', modelFiles: engine.modelFiles });
} catch (err) {
  send({ type: 'failed', error: errorOf(err) });
}

/** The grey page's pixel buffers were made for this page alone: moved to the pool, not copied. */
function ownBuffers(r: PpOcrResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of [r.page.data, r.page.redInk]) if (a && a.buffer instanceof ArrayBuffer && a.byteLength === a.buffer.byteLength) out.add(a.buffer);
  return [...out];
}

function errorOf(err: unknown): { code?: string; message: string } {
  if (err instanceof HubError) return { code: err.code, message: err.message };
  return { message: err instanceof Error ? err.message : String(err) };
}
