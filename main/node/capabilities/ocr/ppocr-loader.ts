import { PpOcrEngine } from './ppocr-engine.js';
import { PpOcrPool, type PpOcrPoolOptions } from './ppocr-pool.js';

/**
 * PP-OCRv4 for the OCR service: the worker pool, or — where worker threads cannot start from where the app is
 * installed (a packaged app's archive, a runtime that refuses them) — the engine on the calling thread, one page at
 * a time. A pack that cannot load fails with the engine's own reason either way.
 */
export async function loadPpOcr(packDir: string, o: PpOcrPoolOptions = {}): Promise<PpOcrPool | PpOcrEngine> {
  try {
    return await PpOcrPool.load(packDir, o);
  } catch (poolError) {
    const engine = await PpOcrEngine.load(packDir, o.engine);
    console.warn(`PP-OCRv4 reads on the host's own thread (its worker threads did not start: ${poolError instanceof Error ? poolError.message : String(poolError)})`);
    return engine;
  }
}
