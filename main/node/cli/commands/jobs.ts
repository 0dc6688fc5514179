import type { Job } from '../../../common/contract/index.js';
import { UsageError } from '../../hub/cli/command.js';
import { defineCommand } from '../../hub/cli/define-command.js';
import { streamJob } from '../../hub/cli/job-stream.js';

const line = (j: Job) =>
  `${j.id}  ${j.status.padEnd(11)} ${j.capability}  ${j.itemsDone}/${j.itemsTotal} done${j.itemsFailed ? `, ${j.itemsFailed} failed` : ''}  ${j.createdAt}${j.error ? '  ' + j.error.message : ''}`;

const oneId = { min: 1, max: 1, error: 'expected one job id' };

export const jobsList = defineCommand({
  name: 'jobs list',
  usage: 'ic jobs list [--limit N] [--status STATUS] [--json]',
  summary: 'Recent jobs, newest first.',
  options: { limit: { type: 'string' }, status: { type: 'string' } },
  async run({ hub, out, values }) {
    const jobs = await hub().client.call('jobs.list', {
      limit: values.limit ? Number(values.limit) : 50,
      ...(values.status ? { status: values.status as Job['status'] } : {}),
    });
    out.result(jobs, () => jobs.map(line).join('\n') || 'no jobs');
  },
});

export const jobsShow = defineCommand({
  name: 'jobs show',
  usage: 'ic jobs show <id> [--json]',
  summary: 'A job with its items (inputs, outputs, errors).',
  positionals: oneId,
  async run({ hub, out, positionals: [id] }) {
    const detail = await hub().client.call('jobs.get', { id: id! });
    out.result(detail, () =>
      [line(detail.job), ...detail.items.map((i) => `  #${i.index + 1} ${i.status}${i.error ? ': ' + i.error.message : ''}`)].join('\n'),
    );
  },
});

export const jobsCancel = defineCommand({
  name: 'jobs cancel',
  usage: 'ic jobs cancel <id> [--json]',
  summary: 'Cancel an interrupted or queued job (a running job is cancelled with Ctrl-C in its own terminal).',
  positionals: oneId,
  async run({ hub, out, positionals: [id] }) {
    const job = await hub().client.call('jobs.cancel', { id: id! });
    out.result(job, () => line(job));
  },
});

export const jobsResume = defineCommand({
  name: 'jobs resume',
  usage: 'ic jobs resume <id> [--json]',
  summary: 'Run the inputs of an interrupted, cancelled or timed-out job that have no result yet.',
  positionals: oneId,
  async run({ hub, out, positionals: [id] }) {
    const h = hub();
    return streamJob(h, () => h.jobs.resume(id!), out);
  },
});

export const jobsDelete = defineCommand({
  name: 'jobs delete',
  usage: 'ic jobs delete <id> [--json]',
  summary: 'Delete a job with its inputs, results and kept scans (the space is reclaimed; recorded in the audit trail).',
  positionals: oneId,
  async run({ hub, out, positionals: [id] }) {
    const r = await hub().client.call('jobs.delete', { id: id! });
    out.result({ id, ...r }, () => (r.deleted ? `deleted ${id}` : `${id} was already gone`));
  },
});

/** "30d", "12h" or a plain number of days. */
export function parseAge(text: string): number {
  const m = /^(\d{1,5})(d|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--older-than takes an age like 30d (days) or 12h (hours), got "${text}"`);
  const n = Number(m[1]);
  return m[2] === 'h' ? n / 24 : n;
}

export const jobsPurge = defineCommand({
  name: 'jobs purge',
  usage: 'ic jobs purge --older-than 30d [--json]',
  summary: 'Delete every job (not running) older than the given age, with its items and kept scans.',
  options: { 'older-than': { type: 'string' } },
  async run({ hub, out, values }) {
    if (!values['older-than']) throw new UsageError('--older-than AGE is required (e.g. 30d)');
    const days = parseAge(values['older-than']);
    if (!Number.isInteger(days)) throw new UsageError('--older-than in hours must be a whole number of days for now (e.g. 24h, 48h)');
    const r = await hub().client.call('jobs.purge', { olderThanDays: days });
    out.result(r, () => `${r.deleted} job(s) deleted, ${r.reclaimedBytes} bytes reclaimed`);
  },
});
