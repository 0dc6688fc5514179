import type { Job, JobEvent } from '../../../common/contract/index.js';
import type { Hub } from '../hub.js';
import type { CommandOutput as Output } from './command.js';

export interface StreamOptions {
  /** Per-item label (the input file) used in `{file, error}` lines; items are numbered otherwise. */
  labelOf?: (index: number) => string | undefined;
  /** Turns an item's output into the printed result (e.g. adds `file`). */
  present?: (index: number, output: unknown, engine: string | undefined) => unknown;
  /** Several result lines for one item (e.g. one per page of a file); used instead of `present`. */
  expand?: (index: number, output: unknown, engine: string | undefined) => unknown[];
  text?: (output: unknown) => string;
}

/**
 * Follows a job until it ends: each item's result is printed as soon as it is stored, progress goes to stderr,
 * and Ctrl-C cancels the job (finished items are kept, `ic jobs resume <id>` runs the rest).
 * Returns the exit code: 0 all done, 1 some items failed or the job did not finish.
 */
export async function streamJob(hub: Hub, start: () => Job, out: Output, o: StreamOptions = {}): Promise<number> {
  let job: Job | undefined;
  const early: JobEvent[] = [];
  let failed = 0;
  let finished = 0;

  const onEvent = (e: JobEvent) => {
    if (!job) return void early.push(e);
    if (e.type === 'job.item' && e.jobId === job.id) {
      finished++;
      const label = o.labelOf?.(e.item.index);
      if (e.item.status === 'failed') {
        failed++;
        out.failure(label ? { file: label } : { index: e.item.index }, e.item.error);
      } else if (o.expand) {
        for (const line of o.expand(e.item.index, e.item.output, e.item.engine)) out.result(line, o.text ? () => o.text!(line) : undefined);
      } else {
        const shown = o.present ? o.present(e.item.index, e.item.output, e.item.engine) : { index: e.item.index, engine: e.item.engine, output: e.item.output };
        out.result(shown, o.text ? () => o.text!(e.item.output) : undefined);
      }
      out.progress(job.itemsDone + job.itemsFailed + finished, job.itemsTotal, label ?? '');
    }
  };
  const unsubscribe = hub.events.on(onEvent);
  const onSigint = () => {
    if (job) hub.jobs.cancel(job.id);
  };
  process.once('SIGINT', onSigint);
  try {
    job = start();
    early.splice(0).forEach(onEvent);
    if (out.isTTY) out.info(`job ${job.id}: ${job.itemsTotal} input(s)`);
    const end = await hub.jobs.waitFor(job.id);
    if (end.status === 'cancelled' || end.status === 'interrupted') {
      out.info(`job ${end.id} stopped (${end.error?.message ?? end.status}); ${end.itemsTotal - end.itemsDone - end.itemsFailed} input(s) left. Resume with: ic jobs resume ${end.id}`);
      return 1;
    }
    if (end.status === 'failed' && end.error?.code === 'TIMEOUT') {
      out.info(`job ${end.id}: ${end.error.message}. Resume with: ic jobs resume ${end.id}`);
      return 1;
    }
    return failed > 0 || end.status === 'failed' ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    unsubscribe();
  }
}
