import { z } from 'zod';
import { DEFAULT_JOB_TIMEOUT_MS, ITEM_STATUSES, JOB_STATUSES, MAX_JOB_INPUTS, MAX_JOB_TIMEOUT_MS } from './constants.js';
import { ErrorPayload } from './errors.js';

export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const JobId = z.string().regex(/^job_[0-9a-z]{8,40}$/, 'not a job id');

export const Job = z.object({
  id: JobId,
  capability: z.string(),
  status: JobStatus,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  timeoutMs: z.number().int().positive(),
  itemsTotal: z.number().int().nonnegative(),
  itemsDone: z.number().int().nonnegative(),
  itemsFailed: z.number().int().nonnegative(),
  error: ErrorPayload.nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobItem = z.object({
  index: z.number().int().nonnegative(),
  status: ItemStatus,
  input: z.unknown(),
  output: z.unknown().optional(),
  error: ErrorPayload.optional(),
  engine: z.string().optional(),
  ms: z.number().nonnegative().optional(),
});
export type JobItem = z.infer<typeof JobItem>;

/** Progress reported by a handler while it works on one item. */
export const Progress = z.object({
  done: z.number().nonnegative(),
  total: z.number().positive().optional(),
  message: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

export const StartJobParams = z.object({
  capability: z.string().min(1),
  inputs: z.array(z.unknown()).min(1, 'a job needs at least one input').max(MAX_JOB_INPUTS),
  timeoutMs: z.number().int().positive().max(MAX_JOB_TIMEOUT_MS).default(DEFAULT_JOB_TIMEOUT_MS),
});
export type StartJobParams = z.input<typeof StartJobParams>;

export const RunParams = z.object({
  capability: z.string().min(1),
  input: z.unknown(),
  timeoutMs: z.number().int().positive().max(MAX_JOB_TIMEOUT_MS).default(DEFAULT_JOB_TIMEOUT_MS),
});
export type RunParams = z.input<typeof RunParams>;
export const RunResult = z.object({ job: Job, output: z.unknown(), engine: z.string().optional() });
export type RunResult = z.infer<typeof RunResult>;

export const JobRef = z.object({ id: JobId });
export const JobDetail = z.object({ job: Job, items: z.array(JobItem) });
export type JobDetail = z.infer<typeof JobDetail>;
export const ListJobsParams = z
  .object({ limit: z.number().int().positive().max(1000).default(50), status: JobStatus.optional() })
  .default({ limit: 50 });

/** Events pushed to every door (IPC `hub:event`, WebSocket, CLI progress). */
export const JobEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job.progress'), jobId: JobId, index: z.number().int(), progress: Progress }),
  z.object({
    type: z.literal('job.item'),
    jobId: JobId,
    item: JobItem.omit({ input: true }),
  }),
  z.object({ type: z.literal('job.updated'), job: Job }),
]);
export type JobEvent = z.infer<typeof JobEvent>;
