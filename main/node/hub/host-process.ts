import { ErrorPayload, HubError, Progress } from '../../common/contract/index.js';
import type { FromHost, ToHost } from './host-protocol.js';
import { LineSplitter } from '../log/line-splitter.js';
import { nodeHostSpawner, type HostChild, type HostSpawner } from './host-spawner.js';

export interface HostProcessOptions {
  /** Shown in errors, e.g. 'plugin "pii-mask"'. */
  name: string;
  /** Compiled JS entry that calls serveHost(). */
  entry: string;
  args?: string[];
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Runs after each (re)start before calls are let through, e.g. to load a plugin. */
  init?: (host: HostProcess) => Promise<void>;
  /** How long a cancelled call may take to stop before the process is killed. */
  cancelGraceMs?: number;
  startTimeoutMs?: number;
  /** Where the child's stderr goes (default: this process's stderr). */
  onStderr?: (chunk: string) => void;
  /** How the process is started (default: child_process.fork; Electron passes utilityProcess). */
  spawner?: HostSpawner;
  /**
   * The host must report Node's permission model in force (process.permission) before it is used: a runtime that
   * silently ignores --permission in execArgv (a utility process might) must not run a plugin unconfined.
   */
  requirePermission?: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: HubError): void;
  onProgress?: (p: Progress) => void;
}

/**
 * A child process that does work off the main thread. Started lazily; if it dies (crash, SIGKILL, OOM) every
 * call in flight fails with WORKER_CRASHED and the next call starts a fresh process.
 */
export class HostProcess {
  private child: HostChild | undefined;
  private starting: Promise<HostChild> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private disposed = false;
  restarts = 0;
  /** Whether the running host reported Node's permission model in force (undefined until it started). */
  permission: boolean | undefined;

  constructor(private readonly opts: HostProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async call(method: string, payload: unknown, o: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}) {
    o.signal?.throwIfAborted();
    const child = await this.ensureStarted();
    return this.send(child, method, payload, o);
  }

  /** Used by `init`: a call on the process being started. */
  callDuringInit(method: string, payload: unknown): Promise<unknown> {
    if (!this.child) throw new HubError('INTERNAL', `${this.opts.name} host is not running`);
    return this.send(this.child, method, payload, {});
  }

  private send(child: HostChild, method: string, payload: unknown, o: { signal?: AbortSignal; onProgress?: (p: Progress) => void }) {
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = () => {
        const reason = o.signal!.reason;
        const err = reason instanceof HubError ? reason : new HubError('CANCELLED', 'cancelled');
        this.pending.delete(id);
        reject(err);
        child.send({ type: 'cancel', id } satisfies ToHost);
        // A handler that ignores cancellation is stopped the hard way; the next call restarts the process.
        const timer = setTimeout(() => {
          if (this.child === child && this.isBusyWith(id)) child.kill();
        }, this.opts.cancelGraceMs ?? 2000);
        timer.unref();
        this.abandoned.add(id);
      };
      const cleanup = () => o.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => (cleanup(), resolve(v)),
        reject: (e) => (cleanup(), reject(e)),
        onProgress: o.onProgress,
      });
      o.signal?.addEventListener('abort', onAbort, { once: true });
      child.send({ type: 'call', id, method, payload } satisfies ToHost);
    });
  }

  /** Calls given up on by the caller whose handler has not answered yet. */
  private readonly abandoned = new Set<number>();
  private isBusyWith(id: number): boolean {
    return this.abandoned.has(id);
  }

  private ensureStarted(): Promise<HostChild> {
    if (this.disposed) return Promise.reject(new HubError('UNAVAILABLE', `${this.opts.name} is shut down`));
    if (this.child?.running) return Promise.resolve(this.child);
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<HostChild> {
    const child = (this.opts.spawner ?? nodeHostSpawner)({
      entry: this.opts.entry,
      args: this.opts.args ?? [],
      execArgv: this.opts.execArgv ?? [],
      env: this.opts.env ?? process.env,
      ...(this.opts.cwd ? { cwd: this.opts.cwd } : {}),
      serviceName: this.opts.name,
    });
    // Whole lines only: the receiver masks personal data, which needs a number whole, not split across chunks.
    const lines = new LineSplitter((text) => (this.opts.onStderr ?? ((c) => process.stderr.write(c)))(text));
    child.stderr?.on('data', (chunk: string | Buffer) => lines.push(String(chunk)));
    child.stderr?.on('end', () => lines.flush());
    const limit = this.opts.startTimeoutMs ?? 15000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        offExit();
        offMessage();
        child.kill();
        reject(new HubError('WORKER_CRASHED', `${this.opts.name} did not start within ${limit} ms`));
      }, limit);
      const offExit = child.onExit((code, signal) => {
        clearTimeout(timer);
        offMessage();
        reject(new HubError('WORKER_CRASHED', `${this.opts.name} exited while starting (${describeExit(code, signal)})`));
      });
      const offMessage = child.onMessage((m: FromHost) => {
        clearTimeout(timer);
        offExit();
        offMessage();
        if (m?.type !== 'ready') {
          child.kill();
          reject(new HubError('WORKER_CRASHED', `${this.opts.name} sent an unexpected first message`));
          return;
        }
        this.permission = m.permission === true;
        if (this.opts.requirePermission && !this.permission) {
          child.kill();
          reject(
            new HubError(
              'UNAVAILABLE',
              `${this.opts.name} was not started: this runtime did not apply Node's permission model to it (the --permission flag was ignored), and it is never run unconfined`,
            ),
          );
          return;
        }
        resolve();
      });
    });
    child.onMessage((m: FromHost) => this.onMessage(m));
    child.onExit((code, signal) => this.onExit(child, code, signal));
    this.child = child;
    if (this.opts.init) {
      try {
        await this.opts.init(this);
      } catch (err) {
        this.child = undefined;
        child.kill();
        throw err;
      }
    }
    return child;
  }

  /**
   * Messages from the child are untrusted (a plugin can call process.send itself): anything not of the protocol's
   * shape is dropped, progress must match the contract, and an error that is not an ErrorPayload becomes one.
   */
  private onMessage(m: FromHost): void {
    if (!m || typeof m !== 'object' || typeof (m as { type?: unknown }).type !== 'string') return;
    if (m.type === 'ready') return;
    if (typeof m.id !== 'number') return;
    if (m.type === 'progress') {
      const progress = Progress.safeParse(m.progress);
      if (progress.success) this.pending.get(m.id)?.onProgress?.(progress.data);
      return;
    }
    if (m.type !== 'result' && m.type !== 'error') return;
    this.abandoned.delete(m.id);
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'result') p.resolve(m.value);
    else {
      const e = ErrorPayload.safeParse(m.error);
      p.reject(e.success ? HubError.fromPayload(e.data) : new HubError('PLUGIN_ERROR', `${this.opts.name} answered with a malformed error`));
    }
  }

  private onExit(child: HostChild, code: number | null, signal: string | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.abandoned.clear();
    if (!this.disposed) this.restarts++;
    const err = new HubError(
      'WORKER_CRASHED',
      `${this.opts.name} stopped unexpectedly (${describeExit(code, signal)}); the job was not finished. It restarts on the next call.`,
    );
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const child = this.child;
    this.child = undefined;
    for (const p of this.pending.values()) p.reject(new HubError('CANCELLED', `${this.opts.name} is shutting down`));
    this.pending.clear();
    if (child?.running) {
      const exited = new Promise((r) => child.onExit(r));
      child.terminate();
      const t = setTimeout(() => child.kill(), 2000);
      await exited;
      clearTimeout(t);
    }
  }
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}
