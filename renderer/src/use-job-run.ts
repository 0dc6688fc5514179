import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, JobDetail, JobEvent, JobItem, Progress, RunResult } from '../../main/common/contract/jobs.js';
import { CallError, toCallError } from './api/client.js';
import { useClient, useHubEvent } from './client-context.js';

/** An item's outcome as the job.item event carries it (no input). */
export type ItemResult = Omit<JobItem, 'input'>;

export interface JobRunState {
  running: boolean;
  /** The job jobs.start created (for cancel and the link to the Jobs screen). */
  jobId: string | null;
  /** The latest progress event, with the index of the item it is about. */
  progress: (Progress & { index: number }) | null;
  /** Items finished so far, by index. */
  items: Record<number, ItemResult>;
  /** Milliseconds since the run started (updated while running). */
  elapsed: number;
}

const IDLE: JobRunState = { running: false, jobId: null, progress: null, items: {}, elapsed: 0 };
const isTerminal = (j: Job) => j.status !== 'queued' && j.status !== 'running';
/** Without an event for this long, ask the hub (a dropped WebSocket, or a bridge that sends no events). */
const QUIET_MS = 2500;

interface Tracked {
  jobId?: string;
  /** Events that arrived before jobs.start answered (they cannot be matched yet). */
  early: JobEvent[];
  items: Map<number, ItemResult>;
  lastHeard: number;
  finish: (detail: JobDetail) => void;
  fail: (err: unknown) => void;
  done: boolean;
}

/**
 * A capability's job as a screen shows it: `start(inputs)` calls jobs.start and follows THE job id it returns
 * (progress, each item as it finishes, the end), `run(input)` is the one-input form that answers like jobs.run, and
 * `cancel()` cancels that job. Another client running the same capability meanwhile is never confused with ours.
 */
export function useJobRun(capability: string) {
  const client = useClient();
  const [state, setState] = useState<JobRunState>(IDLE);
  const tracked = useRef<Tracked | null>(null);

  const settle = useCallback(
    (t: Tracked, job: Job) => {
      if (t.done) return;
      t.done = true;
      // Items whose events were missed (or that finished before we knew the id) come from jobs.get.
      if (t.items.size >= job.itemsTotal) {
        t.finish({ job, items: [...t.items.values()].sort((a, b) => a.index - b.index).map((i) => ({ ...i, input: undefined })) });
        return;
      }
      client.call('jobs.get', { id: job.id }).then(t.finish, t.fail);
    },
    [client],
  );

  const handle = useCallback(
    (t: Tracked, e: JobEvent) => {
      t.lastHeard = Date.now();
      if (e.type === 'job.progress') setState((s) => ({ ...s, progress: { ...e.progress, index: e.index } }));
      else if (e.type === 'job.item') {
        t.items.set(e.item.index, e.item);
        setState((s) => ({ ...s, items: { ...s.items, [e.item.index]: e.item } }));
      } else if (isTerminal(e.job)) settle(t, e.job);
    },
    [settle],
  );

  useHubEvent((e) => {
    const t = tracked.current;
    if (!t || t.done) return;
    const id = e.type === 'job.updated' ? e.job.id : e.jobId;
    if (!t.jobId) {
      if (t.early.length < 1000) t.early.push(e);
    } else if (id === t.jobId) handle(t, e);
  });

  // While running: the clock, and a look at the job whenever no event came for a while.
  useEffect(() => {
    if (!state.running) return;
    const t0 = performance.now();
    const timer = setInterval(() => {
      setState((s) => ({ ...s, elapsed: performance.now() - t0 }));
      const t = tracked.current;
      if (!t?.jobId || t.done || Date.now() - t.lastHeard < QUIET_MS) return;
      t.lastHeard = Date.now();
      client.call('jobs.get', { id: t.jobId }).then(
        (d) => {
          for (const it of d.items) if (it.status !== 'pending' && !t.items.has(it.index)) handle(t, { type: 'job.item', jobId: d.job.id, item: it });
          if (isTerminal(d.job) && !t.done) {
            t.done = true;
            t.finish(d);
          }
        },
        () => undefined,
      );
    }, 250);
    return () => clearInterval(timer);
  }, [state.running, client, handle]);

  /** Starts one job with every input; resolves with the job and its items once it ended (however it ended). */
  const start = useCallback(
    async (inputs: unknown[], timeoutMs?: number): Promise<JobDetail> => {
      setState({ ...IDLE, running: true });
      let t!: Tracked;
      const ended = new Promise<JobDetail>((finish, fail) => {
        t = { early: [], items: new Map(), lastHeard: Date.now(), finish, fail, done: false };
      });
      tracked.current = t;
      try {
        const job = await client.call('jobs.start', timeoutMs ? { capability, inputs, timeoutMs } : { capability, inputs });
        t.jobId = job.id;
        setState((s) => ({ ...s, jobId: job.id }));
        for (const e of t.early.splice(0)) if ((e.type === 'job.updated' ? e.job.id : e.jobId) === job.id) handle(t, e);
        if (isTerminal(job)) settle(t, job);
        return await ended;
      } finally {
        if (tracked.current === t) tracked.current = null;
        setState((s) => ({ ...s, running: false }));
      }
    },
    [client, capability, handle, settle],
  );

  /** One input, answered like jobs.run: the output, or the item's (or job's) error thrown as a CallError. */
  const run = useCallback(
    async (input: unknown, timeoutMs?: number): Promise<{ result: RunResult; ms: number }> => {
      const t0 = performance.now();
      const { job, items } = await start([input], timeoutMs);
      const item = items[0];
      if (item?.status === 'succeeded') {
        return { result: { job, output: item.output, ...(item.engine ? { engine: item.engine } : {}) }, ms: performance.now() - t0 };
      }
      const err = item?.error ?? job.error ?? { code: 'INTERNAL' as const, message: `job ended ${job.status}` };
      throw new CallError(err.code, err.message, err.details);
    },
    [start],
  );

  /** Cancels our job; it then ends 'cancelled'. Returns an error message if it could not. */
  const cancel = useCallback(async (): Promise<string | null> => {
    const id = tracked.current?.jobId;
    if (!id) return null;
    try {
      await client.call('jobs.cancel', { id });
      return null;
    } catch (err) {
      return toCallError(err).message;
    }
  }, [client]);

  return { ...state, start, run, cancel };
}

/** A short line for a progress event: "OCR id.png · 1/2". */
export function progressText(p: Progress | null): string {
  if (!p) return '';
  const part = p.total ? `${Math.min(p.done, p.total)}/${p.total}` : String(p.done);
  return p.message ? `${p.message} · ${part}` : part;
}
