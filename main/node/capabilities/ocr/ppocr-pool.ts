import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HubError, isErrorCode } from '../../../common/contract/index.js';
import { appRoot } from '../../config/app-paths.js';
import { OCR_DEFAULTS } from './defaults.js';
import type { OcrEngine, OcrLang, RasterPage } from './engine.js';
import type { PpOcrOptions, PpOcrResult } from './ppocr-engine.js';
import type { PoolReply, PoolRequest } from './ppocr-pool-protocol.js';

export interface PpOcrPoolOptions {
  /** Pages read at once, each in a worker thread with its own engine (default: OCR_DEFAULTS.pool.workers()). */
  workers?: number;
  /** Every worker's engine options; `threads` (per worker) defaults to OCR_DEFAULTS.pool.threadsPerWorker. */
  engine?: PpOcrOptions;
  /** The worker's script (default: the compiled one in the app's dist/, as the model host's own entry). */
  workerUrl?: URL;
}

interface Task {
  id: number;
  request: Extract<PoolRequest, { type: 'read' }>;
  resolve(r: PpOcrResult): void;
  reject(e: unknown): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
}

/**
 * PP-OCRv4 reading several pages at once, one engine per worker thread: onnxruntime-node runs a model on the
 * thread that calls it, so one engine keeps one core busy between its operators' parallel parts, and the
 * JavaScript stages (grey page, DB boxes, crops, CTC decoding) run on one core alone. With a page per core the
 * cores stay busy across the pages of a batch. A page waits in a queue for a free worker; the first worker starts
 * with the pool (so a broken pack fails at load, as the engine does), the others when a second page is waiting.
 * A worker that dies fails the page it was reading, and the next page starts a new one.
 */
export class PpOcrPool implements OcrEngine {
  readonly id = 'ppocr-v4';
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly packDir: string,
    private readonly o: SpawnOptions & { workers: number },
    /** The model files the engines loaded (det, cls, rec), as named in the pack folder. */
    readonly modelFiles: { det: string; cls: string; rec: string },
  ) {}

  static async load(packDir: string, o: PpOcrPoolOptions = {}): Promise<PpOcrPool> {
    const opts = {
      workers: Math.max(1, Math.floor(o.workers ?? OCR_DEFAULTS.pool.workers(os.availableParallelism()))),
      engine: { threads: OCR_DEFAULTS.pool.threadsPerWorker, ...o.engine },
      workerUrl: o.workerUrl ?? pathToFileURL(path.join(appRoot, 'dist', 'main', 'node', 'capabilities', 'ocr', 'ppocr-pool-worker.js')),
    };
    const first = spawn(packDir, opts);
    const modelFiles = await whenReady(first.worker).catch(async (err: unknown) => {
      await first.worker.terminate();
      throw err;
    });
    first.ready = true;
    const pool = new PpOcrPool(packDir, opts, modelFiles);
    pool.adopt(first);
    return pool;
  }

  /** How many worker threads are running (started on demand, up to `workers`). */
  get size(): number {
    return this.slots.length;
  }

  recognize(page: RasterPage, o: { lang: OcrLang; signal?: AbortSignal; marks?: boolean } = { lang: 'auto' }): Promise<PpOcrResult> {
    return new Promise<PpOcrResult>((resolve, reject) => {
      if (this.closed) return reject(new HubError('UNAVAILABLE', 'the OCR engine was closed'));
      if (o.signal?.aborted) return reject(o.signal.reason);
      const id = this.nextId++;
      const data = new Uint8Array(page.data.buffer, page.data.byteOffset, page.data.byteLength);
      const task: Task = {
        id,
        request: { type: 'read', id, raster: { data, width: page.width, height: page.height, channels: page.channels }, lang: o.lang, ...(o.marks ? { marks: true } : {}) },
        resolve,
        reject,
        ...(o.signal ? { signal: o.signal } : {}),
      };
      if (o.signal) {
        const signal = o.signal;
        task.onAbort = () => {
          const queued = this.queue.indexOf(task);
          if (queued >= 0) {
            this.queue.splice(queued, 1);
            reject(signal.reason);
          } else this.slots.find((s) => s.task === task)?.worker.postMessage({ type: 'cancel', id } satisfies PoolRequest);
        };
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) this.settle(t, new HubError('CANCELLED', 'the OCR engine was closed'));
    await Promise.all(
      this.slots.splice(0).map(async (s) => {
        if (s.task) this.settle(s.task, new HubError('CANCELLED', 'the OCR engine was closed'));
        s.worker.postMessage({ type: 'close' } satisfies PoolRequest);
        // A worker that does not close by itself in time is stopped.
        const timer = setTimeout(() => void s.worker.terminate(), 5000);
        await new Promise((r) => s.worker.once('exit', r));
        clearTimeout(timer);
      }),
    );
  }

  /** Gives waiting pages to idle workers; starts another worker when pages still wait and the pool has room. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || !this.queue.length) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.postMessage(task.request);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    if (!this.closed && this.queue.length > starting && this.slots.length < this.o.workers) {
      const slot = spawn(this.packDir, this.o);
      this.adopt(slot);
      whenReady(slot.worker).then(
        () => {
          slot.ready = true;
          this.dispatch();
        },
        (err: unknown) => this.drop(slot, err),
      );
    }
  }

  private adopt(slot: Slot): void {
    this.slots.push(slot);
    slot.worker.on('message', (m: PoolReply) => {
      if ((m.type !== 'done' && m.type !== 'error') || slot.task?.id !== m.id) return;
      const task = slot.task;
      slot.task = undefined;
      if (m.type === 'done') this.settle(task, undefined, m.result);
      else this.settle(task, toError(m.error));
      this.dispatch();
    });
    slot.worker.on('error', (err) => {
      if (slot.task) this.settle(slot.task, new HubError('INTERNAL', `the OCR worker failed: ${err.message}`));
      slot.task = undefined;
    });
    slot.worker.on('exit', (code) => {
      const stopped = new HubError('INTERNAL', `the OCR worker stopped (exit code ${code})`);
      if (slot.task) this.settle(slot.task, stopped);
      this.drop(slot, slot.ready ? undefined : stopped);
    });
  }

  /**
   * Forgets a worker that exited. Pages still waiting start a new one — unless this one never loaded its models:
   * then they go to the workers still running, or fail with the reason when none is (no start-and-fail loop; the
   * next page asked for tries again).
   */
  private drop(slot: Slot, loadError?: unknown): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (this.closed || !this.queue.length) return;
    if (loadError === undefined) this.dispatch();
    else if (!this.slots.length) for (const t of this.queue.splice(0)) this.settle(t, loadError);
  }

  private settle(task: Task, err: unknown, result?: PpOcrResult): void {
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
    if (result) task.resolve(result);
    else task.reject(task.signal?.aborted ? task.signal.reason : err);
  }
}

interface SpawnOptions {
  engine: PpOcrOptions;
  workerUrl: URL;
}

function spawn(packDir: string, o: SpawnOptions): Slot {
  const worker = new Worker(o.workerUrl, { workerData: { packDir, options: o.engine } });
  return { worker, ready: false };
}

/** The model files once the worker's engine has loaded, or the reason it could not. */
function whenReady(worker: Worker): Promise<{ det: string; cls: string; rec: string }> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: PoolReply) => {
      if (m.type === 'ready') done(() => resolve(m.modelFiles));
      else if (m.type === 'failed') done(() => reject(toError(m.error)));
    };
    const onError = (err: Error) => done(() => reject(err));
    const onExit = (code: number) => done(() => reject(new Error(`the OCR worker stopped while loading (exit code ${code})`)));
    const done = (f: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      f();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

function toError(e: { code?: string; message: string }): Error {
  return isErrorCode(e.code) ? new HubError(e.code, e.message) : new Error(e.message);
}
