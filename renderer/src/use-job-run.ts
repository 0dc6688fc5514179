import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress, RunResult } from '../../main/common/contract/jobs.js';
import { toCallError } from './api/client.js';
import { useClient, useHubEvent } from './client-context.js';

export interface JobRunState {
  running: boolean;
  /** The job jobs.run created, once its first event arrived (for cancel and the link to the Jobs screen). */
  jobId: string | null;
  progress: Progress | null;
  /** Milliseconds since the run started (updated while running). */
  elapsed: number;
}

/**
 * jobs.run for one capability with what a screen shows meanwhile: the job's progress events (the first job of
 * this capability created after the call started is taken to be ours), elapsed time, and cancel.
 */
export function useJobRun(capability: string) {
  const client = useClient();
  const [state, setState] = useState<JobRunState>({ running: false, jobId: null, progress: null, elapsed: 0 });
  const tracked = useRef<{ since: number; jobId?: string } | null>(null);

  useHubEvent((e) => {
    const t = tracked.current;
    if (!t) return;
    if (e.type === 'job.updated' && !t.jobId && e.job.capability === capability && Date.parse(e.job.createdAt) >= t.since - 2000) {
      t.jobId = e.job.id;
      setState((s) => ({ ...s, jobId: e.job.id }));
    }
    if (e.type === 'job.progress' && e.jobId === t.jobId) setState((s) => ({ ...s, progress: e.progress }));
  });

  useEffect(() => {
    if (!state.running) return;
    const t0 = performance.now();
    const timer = setInterval(() => setState((s) => ({ ...s, elapsed: performance.now() - t0 })), 200);
    return () => clearInterval(timer);
  }, [state.running]);

  const run = useCallback(
    async (input: unknown, timeoutMs?: number): Promise<{ result: RunResult; ms: number }> => {
      tracked.current = { since: Date.now() };
      setState({ running: true, jobId: null, progress: null, elapsed: 0 });
      const t0 = performance.now();
      try {
        const result = await client.call('jobs.run', timeoutMs ? { capability, input, timeoutMs } : { capability, input });
        return { result, ms: performance.now() - t0 };
      } finally {
        tracked.current = null;
        setState((s) => ({ ...s, running: false }));
      }
    },
    [client, capability],
  );

  /** Cancels the job in flight; jobs.run then rejects with CANCELLED. Returns an error message if it could not. */
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

  return { ...state, run, cancel };
}

/** A short line for a progress event: "OCR id.png · 1/2". */
export function progressText(p: Progress | null): string {
  if (!p) return '';
  const part = p.total ? `${Math.min(p.done, p.total)}/${p.total}` : String(p.done);
  return p.message ? `${p.message} · ${part}` : part;
}
