import {
  HubError,
  hostMethods,
  type HostMethodName,
  type HostParamsOf,
  type HostResultOf,
  type Progress,
} from '../../common/contract/index.js';
import { HostProcess } from './host-process.js';
import type { HostSpawner } from './host-spawner.js';
import type { ModelHostSandbox } from './model-host-sandbox.js';
import { inlineFileInput } from './inline-file-input.js';

export interface ModelHostOptions {
  /** Compiled JS entry of the model host (the app root's; it serves the features' host services). None: calls are UNAVAILABLE. */
  entry?: string;
  dataDir: string;
  catalogFile?: string;
  onStderr?: (chunk: string) => void;
  spawner?: HostSpawner;
  /** Node flags confining the host (model-host-sandbox.ts); none: it runs unconfined, and says so. */
  sandbox?: ModelHostSandbox;
}

/**
 * The model host: one child process for inference, so OCR (and later embeddings, translation) never blocks the
 * hub or the window. Started on first use; restarted after a crash. Calls are typed by contract/host-methods.ts
 * and every answer is checked against its result schema here, so callers get typed values without casts.
 */
export class ModelHost {
  private readonly process: HostProcess | undefined;
  private readonly plannedSandbox: ModelHostSandbox;

  constructor(o: ModelHostOptions) {
    this.plannedSandbox = o.sandbox ?? { execArgv: [], description: 'none: started without sandbox flags' };
    if (!o.entry) return;
    this.process = new HostProcess({
      name: 'model host',
      entry: o.entry,
      execArgv: this.plannedSandbox.execArgv,
      env: { ...process.env, IC_DATA_DIR: o.dataDir, ...(o.catalogFile ? { IC_MODELS_CATALOG: o.catalogFile } : {}) },
      onStderr: o.onStderr,
      ...(o.spawner ? { spawner: o.spawner } : {}),
      // Model loads (onnxruntime sessions, Tesseract workers) take a few seconds on 2 cores.
      startTimeoutMs: 60_000,
      cancelGraceMs: 3000,
    });
  }

  /** The host's pid once started (benchmarks measure its memory). */
  get pid(): number | undefined {
    return this.process?.pid;
  }

  /**
   * "permission model (...)" or "none: <reason>", as the running host reported it: a runtime that ignored the flags
   * (the host found no process.permission) is said to, instead of claiming the planned confinement.
   */
  get sandbox(): string {
    if (this.plannedSandbox.execArgv.length && this.process?.permission === false) {
      return 'none: the runtime started the model host without applying the permission model it was asked for';
    }
    return this.plannedSandbox.description;
  }

  get restarts(): number {
    return this.process?.restarts ?? 0;
  }

  async call<M extends HostMethodName>(
    method: M,
    params: HostParamsOf<M>,
    o: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
  ): Promise<HostResultOf<M>> {
    if (!this.process) throw new HubError('UNAVAILABLE', 'this hub was built without a model host (use createApp)');
    // A confined host reads no file outside the app and the packs: a file given by path is read here and sent.
    const sent = this.plannedSandbox.execArgv.length ? await inlineFileInput(params) : params;
    const raw = await this.process.call(method, sent, o);
    const checked = hostMethods[method].result.safeParse(raw);
    if (!checked.success) {
      throw new HubError('INTERNAL', `model host answered ${method} outside its contract: ${checked.error.issues[0]?.message}`);
    }
    return checked.data as HostResultOf<M>;
  }

  async dispose(): Promise<void> {
    await this.process?.dispose();
  }
}
