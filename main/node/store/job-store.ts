import { randomBytes } from 'node:crypto';
import type { ErrorPayload, Job, JobItem, JobStatus } from '../../common/contract/index.js';
import type { Db } from './sqlite.js';

interface JobRow {
  id: string;
  capability: string;
  status: JobStatus;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  timeout_ms: number;
  error: string | null;
  items_total: number;
  items_done: number;
  items_failed: number;
}
interface ItemRow {
  idx: number;
  status: JobItem['status'];
  input: string;
  output: string | null;
  error: string | null;
  engine: string | null;
  ms: number | null;
}

const JOB_SELECT = `SELECT j.*,
  (SELECT COUNT(*) FROM job_items i WHERE i.job_id = j.id) AS items_total,
  (SELECT COUNT(*) FROM job_items i WHERE i.job_id = j.id AND i.status = 'succeeded') AS items_done,
  (SELECT COUNT(*) FROM job_items i WHERE i.job_id = j.id AND i.status = 'failed') AS items_failed
  FROM jobs j`;

const now = () => new Date().toISOString();

function toJob(r: JobRow): Job {
  return {
    id: r.id,
    capability: r.capability,
    status: r.status,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    timeoutMs: r.timeout_ms,
    itemsTotal: r.items_total,
    itemsDone: r.items_done,
    itemsFailed: r.items_failed,
    error: r.error ? (JSON.parse(r.error) as ErrorPayload) : null,
  };
}

function toItem(r: ItemRow): JobItem {
  const item: JobItem = { index: r.idx, status: r.status, input: JSON.parse(r.input) };
  if (r.output !== null) item.output = JSON.parse(r.output);
  if (r.error !== null) item.error = JSON.parse(r.error);
  if (r.engine !== null) item.engine = r.engine;
  if (r.ms !== null) item.ms = r.ms;
  return item;
}

/** Jobs and their items in SQLite: every finished item is written at once, so an interrupted batch can resume. */
export class JobStore {
  constructor(private readonly db: Db) {}

  create(capability: string, inputs: unknown[], timeoutMs: number): Job {
    const id = 'job_' + Date.now().toString(36) + randomBytes(5).toString('hex');
    const insertItem = this.db.prepare(`INSERT INTO job_items (job_id, idx, status, input) VALUES (?, ?, 'pending', ?)`);
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO jobs (id, capability, status, created_at, timeout_ms) VALUES (?, ?, 'queued', ?, ?)`)
        .run(id, capability, now(), timeoutMs);
      inputs.forEach((input, i) => insertItem.run(id, i, JSON.stringify(input ?? null)));
    })();
    return this.get(id)!;
  }

  get(id: string): Job | undefined {
    const row = this.db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  list(limit: number, status?: JobStatus): Job[] {
    const rows = status
      ? this.db.prepare(`${JOB_SELECT} WHERE j.status = ? ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`).all(status, limit)
      : this.db.prepare(`${JOB_SELECT} ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`).all(limit);
    return (rows as JobRow[]).map(toJob);
  }

  items(id: string): JobItem[] {
    return (this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? ORDER BY idx`).all(id) as ItemRow[]).map(toItem);
  }

  pendingItems(id: string): JobItem[] {
    return (
      this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND status = 'pending' ORDER BY idx`).all(id) as ItemRow[]
    ).map(toItem);
  }

  setStatus(id: string, status: JobStatus, error: ErrorPayload | null = null): Job {
    const terminal = status === 'succeeded' || status === 'failed' || status === 'cancelled';
    this.db
      .prepare(
        `UPDATE jobs SET status = ?, error = ?,
           started_at = CASE WHEN ? = 'running' THEN COALESCE(started_at, ?) ELSE started_at END,
           finished_at = CASE WHEN ? THEN ? ELSE NULL END
         WHERE id = ?`,
      )
      .run(status, error ? JSON.stringify(error) : null, status, now(), terminal ? 1 : 0, now(), id);
    return this.get(id)!;
  }

  finishItem(
    id: string,
    index: number,
    result: { output: unknown; engine?: string; ms: number } | { error: ErrorPayload; ms: number },
  ): JobItem {
    if ('error' in result) {
      this.db
        .prepare(`UPDATE job_items SET status = 'failed', error = ?, ms = ? WHERE job_id = ? AND idx = ?`)
        .run(JSON.stringify(result.error), result.ms, id, index);
    } else {
      this.db
        .prepare(`UPDATE job_items SET status = 'succeeded', output = ?, engine = ?, ms = ? WHERE job_id = ? AND idx = ?`)
        .run(JSON.stringify(result.output ?? null), result.engine ?? null, result.ms, id, index);
    }
    const row = this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND idx = ?`).get(id, index) as ItemRow;
    return toItem(row);
  }

  /** At start-up: jobs left queued or running by a previous process that died are marked interrupted. */
  markInterrupted(): number {
    return this.db.prepare(`UPDATE jobs SET status = 'interrupted' WHERE status IN ('queued', 'running')`).run().changes;
  }
}
