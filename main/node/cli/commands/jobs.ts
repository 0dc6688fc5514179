import type { Job } from '../../../common/contract/index.js';
import { parseCommandArgs } from '../../hub/cli/args.js';
import { UsageError, type Command } from '../../hub/cli/command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

const line = (j: Job) =>
  `${j.id}  ${j.status.padEnd(11)} ${j.capability}  ${j.itemsDone}/${j.itemsTotal} done${j.itemsFailed ? `, ${j.itemsFailed} failed` : ''}  ${j.createdAt}${j.error ? '  ' + j.error.message : ''}`;

const oneId = (args: string[]) => {
  if (args.length !== 1) throw new UsageError('expected one job id');
  return args[0]!;
};

export const jobsList: Command = {
  name: 'jobs list',
  usage: 'ic jobs list [--limit N] [--status STATUS] [--json]',
  summary: 'Recent jobs, newest first.',
  async run({ hub, out, args }) {
    const { values } = parseCommandArgs(args, { limit: { type: 'string' }, status: { type: 'string' } }, false);
    const jobs = await hub().client.call('jobs.list', {
      limit: values.limit ? Number(values.limit) : 50,
      ...(values.status ? { status: values.status as Job['status'] } : {}),
    });
    out.result(jobs, () => jobs.map(line).join('\n') || 'no jobs');
    return 0;
  },
};

export const jobsShow: Command = {
  name: 'jobs show',
  usage: 'ic jobs show <id> [--json]',
  summary: 'A job with its items (inputs, outputs, errors).',
  async run({ hub, out, args }) {
    const detail = await hub().client.call('jobs.get', { id: oneId(args) });
    out.result(detail, () =>
      [line(detail.job), ...detail.items.map((i) => `  #${i.index + 1} ${i.status}${i.error ? ': ' + i.error.message : ''}`)].join('\n'),
    );
    return 0;
  },
};

export const jobsCancel: Command = {
  name: 'jobs cancel',
  usage: 'ic jobs cancel <id> [--json]',
  summary: 'Cancel an interrupted or queued job (a running job is cancelled with Ctrl-C in its own terminal).',
  async run({ hub, out, args }) {
    const job = await hub().client.call('jobs.cancel', { id: oneId(args) });
    out.result(job, () => line(job));
    return 0;
  },
};

export const jobsResume: Command = {
  name: 'jobs resume',
  usage: 'ic jobs resume <id> [--json]',
  summary: 'Run the inputs of an interrupted, cancelled or timed-out job that have no result yet.',
  async run({ hub, out, args }) {
    const h = hub();
    const id = oneId(args);
    return streamJob(h, () => h.jobs.resume(id), out);
  },
};

export const jobsDelete: Command = {
  name: 'jobs delete',
  usage: 'ic jobs delete <id> [--json]',
  summary: 'Delete a job with its inputs, results and kept scans (the space is reclaimed; recorded in the audit trail).',
  async run({ hub, out, args }) {
    const id = oneId(args);
    const r = await hub().client.call('jobs.delete', { id });
    out.result({ id, ...r }, () => (r.deleted ? `deleted ${id}` : `${id} was already gone`));
    return 0;
  },
};

/** "30d", "12h" or a plain number of days. */
export function parseAge(text: string): number {
  const m = /^(\d{1,5})(d|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--older-than takes an age like 30d (days) or 12h (hours), got "${text}"`);
  const n = Number(m[1]);
  return m[2] === 'h' ? n / 24 : n;
}

export const jobsPurge: Command = {
  name: 'jobs purge',
  usage: 'ic jobs purge --older-than 30d [--json]',
  summary: 'Delete every job (not running) older than the given age, with its items and kept scans.',
  async run({ hub, out, args }) {
    const { values } = parseCommandArgs(args, { 'older-than': { type: 'string' } }, false);
    if (!values['older-than']) throw new UsageError('--older-than AGE is required (e.g. 30d)');
    const days = parseAge(values['older-than']);
    if (!Number.isInteger(days)) throw new UsageError('--older-than in hours must be a whole number of days for now (e.g. 24h, 48h)');
    const r = await hub().client.call('jobs.purge', { olderThanDays: days });
    out.result(r, () => `${r.deleted} job(s) deleted, ${r.reclaimedBytes} bytes reclaimed`);
    return 0;
  },
};
