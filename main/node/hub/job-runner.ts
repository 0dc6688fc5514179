import {
  HubError,
  toErrorPayload,
  type ErrorPayload,
  type Job,
  type JobDetail,
  type JobItem,
  type RunResult,
} from '../../common/contract/index.js';
import type { JobStore } from '../store/job-store.js';
import type { CapabilityProvider, CapabilityRegistry } from './capability-registry.js';
import type { HubEvents } from './events.js';

interface Active {
  controller: AbortController;
  done: Promise<Job>;
}

/**
 * Runs jobs: each job is one capability over one or more inputs (items). Items run in order, as many at once as
 * the capability says it can take (itemsAtOnce, default one after another); each finished item is stored at once,
 * so a batch interrupted by a crash or a cancel resumes where it stopped. A per-job timeout and cancellation abort
 * the items in flight.
 */
export class JobRunner {
  private readonly active = new Map<string, Active>();

  constructor(
    private readonly store: JobStore,
    private readonly registry: CapabilityRegistry,
    private readonly events: HubEvents,
  ) {}

  /**
   * Validates every input before anything runs: a single bad input is refused outright (BAD_REQUEST); in a batch,
   * each bad input becomes a failed item with its reason and the rest of the batch goes on.
   */
  start(capability: string, inputs: unknown[], timeoutMs: number): Job {
    const provider = this.registry.get(capability);
    const invalid = new Map<number, ErrorPayload>();
    inputs.forEach((input, i) => {
      try {
        provider.parseInput(input);
      } catch (err) {
        invalid.set(i, toErrorPayload(err));
      }
    });
    if (inputs.length === 1 && invalid.size === 1) throw HubError.fromPayload(invalid.get(0)!);
    const job = this.store.create(capability, inputs, timeoutMs);
    for (const [index, error] of invalid) {
      const item = this.store.finishItem(job.id, index, { error, ms: 0 });
      this.events.emit({ type: 'job.item', jobId: job.id, item: omitInput(item) });
    }
    const created = this.store.get(job.id)!;
    this.events.emit({ type: 'job.updated', job: created });
    this.launch(job.id);
    return created;
  }

  async run(capability: string, input: unknown, timeoutMs: number): Promise<RunResult> {
    const job = this.start(capability, [input], timeoutMs);
    const finished = await this.waitFor(job.id);
    const item = this.store.items(job.id)[0]!;
    if (item.status === 'succeeded') return { job: finished, output: item.output, ...(item.engine ? { engine: item.engine } : {}) };
    const err = item.error ?? finished.error ?? { code: 'INTERNAL' as const, message: `job ended ${finished.status}` };
    throw HubError.fromPayload(err);
  }

  detail(id: string): JobDetail {
    const job = this.store.get(id);
    if (!job) throw new HubError('NOT_FOUND', `no job "${id}"`);
    return { job, items: this.store.items(id) };
  }

  /** Resolves when the job is no longer running. */
  async waitFor(id: string): Promise<Job> {
    const a = this.active.get(id);
    if (a) return a.done;
    return this.detail(id).job;
  }

  cancel(id: string): Job {
    const job = this.detail(id).job;
    const a = this.active.get(id);
    if (a) {
      a.controller.abort(new HubError('CANCELLED', 'cancelled by the user'));
      return job;
    }
    if (job.status === 'interrupted' || job.status === 'queued') {
      return this.store.setStatus(id, 'cancelled', { code: 'CANCELLED', message: 'cancelled by the user' });
    }
    throw new HubError('CONFLICT', `job ${id} is already ${job.status}`);
  }

  resume(id: string): Job {
    const job = this.detail(id).job;
    if (this.active.has(id)) throw new HubError('CONFLICT', `job ${id} is running`);
    // A job that failed with items never run (a timeout, or the disk filled up while storing a result) resumes too.
    const failedMidway = job.status === 'failed' && (job.error?.code === 'TIMEOUT' || this.store.pendingItems(id).length > 0);
    if (job.status !== 'interrupted' && job.status !== 'cancelled' && !failedMidway) {
      throw new HubError('CONFLICT', `job ${id} is ${job.status}; only interrupted, cancelled, timed-out or unfinished failed jobs resume`);
    }
    this.registry.get(job.capability); // fails clearly if the capability went away
    const queued = this.store.setStatus(id, 'queued');
    this.events.emit({ type: 'job.updated', job: queued });
    this.launch(id);
    return queued;
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  /** Aborts every running job (shutdown); they stay resumable. */
  async stopAll(): Promise<void> {
    const all = [...this.active.values()];
    for (const a of all) a.controller.abort(new HubError('CANCELLED', 'the app is shutting down'));
    await Promise.allSettled(all.map((a) => a.done));
  }

  private launch(id: string): void {
    const controller = new AbortController();
    const done = this.process(id, controller).finally(() => this.active.delete(id));
    this.active.set(id, { controller, done });
    done.catch(() => undefined);
  }

  private async process(id: string, controller: AbortController): Promise<Job> {
    // Let start() return before work begins, so callers can subscribe to events first.
    await new Promise((r) => setImmediate(r));
    const { signal } = controller;
    let job = this.store.setStatus(id, 'running');
    this.events.emit({ type: 'job.updated', job });
    const timer = setTimeout(
      () => controller.abort(new HubError('TIMEOUT', `job timed out after ${job.timeoutMs} ms`)),
      job.timeoutMs,
    );
    try {
      const provider = this.registry.get(job.capability);
      const pending = this.store.pendingItems(id);
      let next = 0;
      // Up to itemsAtOnce items in flight, taken in order; each is stored the moment it finishes. A cancel or the
      // timeout aborts the signal, which stops every lane.
      const lane = async () => {
        while (!signal.aborted && next < pending.length) await this.runItem(id, pending[next++]!, provider, signal);
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(provider.itemsAtOnce ?? 1, pending.length)) }, lane));
      job = this.finalStatus(id, signal);
    } catch (err) {
      job = this.store.setStatus(id, 'failed', toErrorPayload(err));
    } finally {
      clearTimeout(timer);
    }
    this.events.emit({ type: 'job.updated', job });
    return job;
  }

  /** Runs and stores one item. */
  private async runItem(id: string, item: JobItem, provider: CapabilityProvider, signal: AbortSignal): Promise<void> {
    const t0 = performance.now();
    try {
      const input = provider.parseInput(item.input);
      const r = await provider.invoke(input, {
        signal,
        onProgress: (progress) => this.events.emit({ type: 'job.progress', jobId: id, index: item.index, progress }),
      });
      const output = provider.parseOutput(r.output);
      const done = this.store.finishItem(id, item.index, { output, engine: r.engine, ms: performance.now() - t0 });
      this.events.emit({ type: 'job.item', jobId: id, item: omitInput(done) });
    } catch (err) {
      const reason = signal.aborted ? signal.reason : undefined;
      // A cancelled item stays pending so that resume runs it again; a timed-out one is failed.
      if (reason instanceof HubError && reason.code === 'CANCELLED') return;
      const error = toErrorPayload(reason ?? err);
      const failed = this.store.finishItem(id, item.index, { error, ms: performance.now() - t0 });
      this.events.emit({ type: 'job.item', jobId: id, item: omitInput(failed) });
    }
  }

  private finalStatus(id: string, signal: AbortSignal): Job {
    const reason = signal.aborted ? toErrorPayload(signal.reason) : undefined;
    if (reason?.code === 'CANCELLED') return this.store.setStatus(id, 'cancelled', reason);
    if (reason) return this.store.setStatus(id, 'failed', reason);
    const { job, items } = this.detail(id);
    if (job.itemsFailed > 0 && job.itemsDone === 0) {
      const first = items.find((i) => i.error)?.error ?? null;
      return this.store.setStatus(id, 'failed', first);
    }
    return this.store.setStatus(id, 'succeeded');
  }
}

function omitInput<T extends { input: unknown }>(item: T): Omit<T, 'input'> {
  const { input: _input, ...rest } = item;
  return rest;
}
