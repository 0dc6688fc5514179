import { randomBytes } from 'node:crypto';
import type { ErrorPayload, Job, JobItem, JobStatus } from '../../common/contract/index.js';
import type { Db } from './sqlite.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import { stripUploads } from './strip-inputs.js';

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
  job_id: string;
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

/** Additional authenticated data: binds each encrypted value to its row and column. */
export const jobAad = (id: string) => `jobs.error|${id}`;
export const itemAad = (column: 'input' | 'output' | 'error', id: string, idx: number) => `job_items.${column}|${id}|${idx}`;

export interface JobStoreOptions {
  cipher: FieldCipher;
  /** The operator's "keep scans" setting, read when an item finishes. */
  keepScans: () => boolean;
}

const undecryptable = (what: string): ErrorPayload => ({
  code: 'INTERNAL',
  message: `${what} cannot be decrypted (written with another data key, or altered)`,
});

function toJob(r: JobRow, cipher: FieldCipher): Job {
  let error: ErrorPayload | null = null;
  if (r.error) {
    try {
      error = JSON.parse(cipher.decrypt(r.error, jobAad(r.id))) as ErrorPayload;
    } catch {
      error = undecryptable('the job\'s error');
    }
  }
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
    error,
  };
}

function toItem(r: ItemRow, cipher: FieldCipher): JobItem {
  const open = (column: 'input' | 'output' | 'error', v: string) => JSON.parse(cipher.decrypt(v, itemAad(column, r.job_id, r.idx)));
  try {
    const item: JobItem = { index: r.idx, status: r.status, input: open('input', r.input) };
    if (r.output !== null) item.output = open('output', r.output);
    if (r.error !== null) item.error = open('error', r.error);
    if (r.engine !== null) item.engine = r.engine;
    if (r.ms !== null) item.ms = r.ms;
    return item;
  } catch {
    // One unreadable row must not hide the rest of the job: it shows as failed with the reason.
    return { index: r.idx, status: 'failed', input: null, error: undecryptable(`item ${r.idx + 1}`) };
  }
}

/** Jobs and their items in SQLite: every finished item is written at once, so an interrupted batch can resume. */
export class JobStore {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly db: Db,
    private readonly opts: JobStoreOptions,
  ) {
    this.cipher = opts.cipher;
  }

  create(capability: string, inputs: unknown[], timeoutMs: number): Job {
    const id = 'job_' + Date.now().toString(36) + randomBytes(5).toString('hex');
    const insertItem = this.db.prepare(`INSERT INTO job_items (job_id, idx, status, input) VALUES (?, ?, 'pending', ?)`);
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO jobs (id, capability, status, created_at, timeout_ms) VALUES (?, ?, 'queued', ?, ?)`)
        .run(id, capability, now(), timeoutMs);
      inputs.forEach((input, i) => insertItem.run(id, i, this.cipher.encrypt(JSON.stringify(input ?? null), itemAad('input', id, i))));
    })();
    return this.get(id)!;
  }

  get(id: string): Job | undefined {
    const row = this.db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
    return row && toJob(row, this.cipher);
  }

  list(limit: number, status?: JobStatus): Job[] {
    const rows = status
      ? this.db.prepare(`${JOB_SELECT} WHERE j.status = ? ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`).all(status, limit)
      : this.db.prepare(`${JOB_SELECT} ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?`).all(limit);
    return (rows as JobRow[]).map((r) => toJob(r, this.cipher));
  }

  items(id: string): JobItem[] {
    return (this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? ORDER BY idx`).all(id) as ItemRow[]).map((r) => toItem(r, this.cipher));
  }

  pendingItems(id: string): JobItem[] {
    return (
      this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND status = 'pending' ORDER BY idx`).all(id) as ItemRow[]
    ).map((r) => toItem(r, this.cipher));
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
      .run(status, error ? this.cipher.encrypt(JSON.stringify(error), jobAad(id)) : null, status, now(), terminal ? 1 : 0, now(), id);
    return this.get(id)!;
  }

  finishItem(
    id: string,
    index: number,
    result: { output: unknown; engine?: string; ms: number } | { error: ErrorPayload; ms: number },
  ): JobItem {
    const seal = (column: 'input' | 'output' | 'error', v: unknown) => this.cipher.encrypt(JSON.stringify(v ?? null), itemAad(column, id, index));
    // A finished item never runs again: unless the operator keeps scans, its uploaded bytes go now.
    const strip = !this.opts.keepScans();
    const tx = this.db.transaction(() => {
      if (strip) {
        const row = this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND idx = ?`).get(id, index) as ItemRow | undefined;
        if (row) {
          const { value, stripped } = stripUploads(toItem(row, this.cipher).input);
          if (stripped) this.db.prepare(`UPDATE job_items SET input = ? WHERE job_id = ? AND idx = ?`).run(seal('input', value), id, index);
        }
      }
      if ('error' in result) {
        this.db
          .prepare(`UPDATE job_items SET status = 'failed', error = ?, ms = ? WHERE job_id = ? AND idx = ?`)
          .run(seal('error', result.error), result.ms, id, index);
      } else {
        this.db
          .prepare(`UPDATE job_items SET status = 'succeeded', output = ?, engine = ?, ms = ? WHERE job_id = ? AND idx = ?`)
          .run(seal('output', result.output), result.engine ?? null, result.ms, id, index);
      }
    });
    tx();
    const row = this.db.prepare(`SELECT * FROM job_items WHERE job_id = ? AND idx = ?`).get(id, index) as ItemRow;
    return toItem(row, this.cipher);
  }

  /** Removes a job with its items (and kept scans); secure_delete zeroes the freed pages. */
  delete(id: string): boolean {
    return this.db.prepare(`DELETE FROM jobs WHERE id = ?`).run(id).changes > 0;
  }

  /** Ids of jobs created before `beforeIso`, oldest first. */
  idsCreatedBefore(beforeIso: string): string[] {
    return (this.db.prepare(`SELECT id FROM jobs WHERE created_at < ? ORDER BY created_at`).all(beforeIso) as { id: string }[]).map((r) => r.id);
  }

  /** At start-up: jobs left queued or running by a previous process that died are marked interrupted. */
  markInterrupted(): number {
    return this.db.prepare(`UPDATE jobs SET status = 'interrupted' WHERE status IN ('queued', 'running')`).run().changes;
  }
}
