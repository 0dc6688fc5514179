import type { AuditEntry, Job, JobItem } from '../../common/contract/index.js';
import type { AuditStore } from '../store/audit-store.js';
import type { HubEvents } from './events.js';
import { inputDigests } from './input-digests.js';

/** The entry's typed fields an action may carry besides its details. */
export type AuditFields = Partial<Pick<AuditEntry, 'capability' | 'jobId' | 'engine' | 'inputs' | 'verdict'>>;

export interface AuditRecorderOptions {
  audit: AuditStore;
  events: HubEvents;
  /** The job with its items (inputs included) once it ended. */
  detail(id: string): { job: Job; items: JobItem[] };
  operator(): string;
  /** Masks personal data in free text (verdict messages). */
  mask(text: string): string;
  /** Model packs behind an engine, for the entry (id and version). */
  packsFor?(capability: string, engine: string | undefined): { id: string; version: string }[];
  /** An entry that could not be written (disk full, database busy) is reported here, never silently dropped. */
  onError?(err: unknown): void;
}

/** Masks every string in a JSON value (masking the serialised text could break its quotes and braces). */
function maskLeaves(v: unknown, mask: (s: string) => string, depth = 0): unknown {
  if (typeof v === 'string') return mask(v);
  if (depth > 32 || !v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => maskLeaves(x, mask, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskLeaves(x, mask, depth + 1)]));
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** The verdict of a job: the capability's own (e.g. pre-review "needs_review") or how the job ended. */
function verdictOf(job: Job, items: JobItem[]): string {
  const verdicts = items
    .map((i) => (i.output && typeof i.output === 'object' ? (i.output as { verdict?: unknown }).verdict : undefined))
    .filter((v): v is string => typeof v === 'string');
  const failed = items.filter((i) => i.status === 'failed').length;
  const parts: string[] = [job.status];
  if (verdicts.length) parts.push(verdicts.join(','));
  if (failed) parts.push(`${failed} of ${items.length} failed`);
  if (job.error) parts.push(job.error.code);
  return parts.join('; ');
}

/**
 * Writes one audit entry per finished job (time, operator, capability, packs, input hashes, verdict) and one per
 * administrative action. Entries are written after the event, off its path; close() waits for those in flight.
 */
export class AuditRecorder {
  private readonly inflight = new Set<Promise<void>>();
  private readonly off: () => void;

  constructor(private readonly o: AuditRecorderOptions) {
    this.off = o.events.on((e) => {
      if (e.type === 'job.updated' && TERMINAL.has(e.job.status)) this.track(this.recordJob(e.job.id));
    });
  }

  /**
   * An action outside jobs: administrative ones (delete, purge, settings, plugin switch) and a feature's own (an
   * export of a citizen's document, with the input's hash in `fields.inputs`, never its name).
   */
  action(action: string, details: Record<string, unknown> = {}, fields: AuditFields = {}): void {
    const masked = maskLeaves(details, this.o.mask) as Record<string, unknown>;
    this.o.audit.append({
      operator: this.o.operator(),
      action,
      ...fields,
      ...(fields.verdict ? { verdict: this.o.mask(fields.verdict) } : {}),
      ...(Object.keys(masked).length ? { details: masked } : {}),
    });
  }

  private async recordJob(id: string): Promise<void> {
    const { job, items } = this.o.detail(id);
    const inputs = (await Promise.all(items.map((i) => inputDigests(i.input)))).flat();
    const engine = items.find((i) => i.engine)?.engine;
    const packs = this.o.packsFor?.(job.capability, engine) ?? [];
    const entry: Omit<AuditEntry, 'seq' | 'at'> = {
      operator: this.o.operator(),
      action: 'job',
      capability: job.capability,
      jobId: job.id,
      ...(engine ? { engine } : {}),
      packs,
      inputs,
      verdict: this.o.mask(verdictOf(job, items)),
    };
    this.o.audit.append(entry);
  }

  private track(p: Promise<void>): void {
    const t = p.catch((err) => this.o.onError?.(err)).finally(() => this.inflight.delete(t));
    this.inflight.add(t);
  }

  async close(): Promise<void> {
    this.off();
    await Promise.all([...this.inflight]);
  }
}
