import { HubError, type PurgeResult } from '../../common/contract/index.js';
import type { JobStore } from '../store/job-store.js';
import { reclaimSpace } from '../store/retention.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { Db } from '../store/sqlite.js';

const DAY_MS = 86_400_000;

export interface JobRetentionOptions {
  db: Db;
  jobs: JobStore;
  settings: SettingsStore;
  /** True while the job runner works on the job: such a job is never deleted under it. */
  isActive(id: string): boolean;
  /** Records what was deleted (audit trail). */
  record?(action: 'jobs.delete' | 'jobs.purge', details: Record<string, unknown>): void;
}

/**
 * Deleting jobs: one on request, or all older than the retention setting (at start, then hourly while the app runs).
 * Items and kept scans go with their job (ON DELETE CASCADE); secure_delete zeroes the freed pages, and the space
 * is given back to the file system.
 */
export class JobRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: JobRetentionOptions) {}

  delete(id: string): { deleted: boolean } {
    if (!this.o.jobs.get(id)) throw new HubError('NOT_FOUND', `no job "${id}"`);
    if (this.o.isActive(id)) throw new HubError('CONFLICT', `job ${id} is running; cancel it first`);
    const deleted = this.o.jobs.delete(id);
    reclaimSpace(this.o.db);
    this.o.record?.('jobs.delete', { jobId: id });
    return { deleted };
  }

  purge(olderThanDays: number, now = Date.now()): PurgeResult {
    const cutoff = new Date(now - olderThanDays * DAY_MS).toISOString();
    const ids = this.o.jobs.idsCreatedBefore(cutoff).filter((id) => !this.o.isActive(id));
    if (!ids.length) return { deleted: 0, reclaimedBytes: 0 };
    this.o.db.transaction(() => ids.forEach((id) => this.o.jobs.delete(id)))();
    const reclaimedBytes = reclaimSpace(this.o.db);
    this.o.record?.('jobs.purge', { olderThanDays, deleted: ids.length });
    return { deleted: ids.length, reclaimedBytes };
  }

  /** Applies the retention setting now and then every `everyMs` (the timer never keeps the process alive). */
  schedule(everyMs = 3600_000): PurgeResult {
    const r = this.applySetting();
    this.timer ??= setInterval(() => {
      try {
        this.applySetting();
      } catch {
        // A purge that fails (disk full, database busy) is tried again at the next tick.
      }
    }, everyMs);
    this.timer.unref();
    return r;
  }

  applySetting(): PurgeResult {
    return this.purge(this.o.settings.get().retentionDays);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
