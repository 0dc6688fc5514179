import type { MethodHandlers } from './api.js';
import type { CapabilityRegistry } from './capability-registry.js';
import type { JobRunner } from './job-runner.js';
import type { JobStore } from '../store/job-store.js';
import type { JobRetention } from './job-retention.js';

/** jobs.* and capabilities.list, answered by the job runner and the capability registry. */
export function jobsMethods(runner: JobRunner, store: JobStore, registry: CapabilityRegistry, retention?: JobRetention): MethodHandlers {
  return {
    'capabilities.list': () => registry.list(),
    'jobs.run': (p) => runner.run(p.capability, p.input, p.timeoutMs),
    'jobs.start': (p) => runner.start(p.capability, p.inputs, p.timeoutMs),
    'jobs.get': (p) => runner.detail(p.id),
    'jobs.list': (p) => store.list(p.limit, p.status),
    'jobs.cancel': (p) => runner.cancel(p.id),
    'jobs.resume': (p) => runner.resume(p.id),
    ...(retention
      ? {
          'jobs.delete': (p: { id: string }) => retention.delete(p.id),
          'jobs.purge': (p: { olderThanDays: number }) => retention.purge(p.olderThanDays),
        }
      : {}),
  };
}
