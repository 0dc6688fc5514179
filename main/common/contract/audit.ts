import { z } from 'zod';

/** One thing done, as the audit trail keeps it. Personal data is masked before an entry is written. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  operator: z.string(),
  /** e.g. "job", "jobs.delete", "jobs.purge", "settings.set", "plugins.enable" */
  action: z.string(),
  capability: z.string().optional(),
  jobId: z.string().optional(),
  /** Model packs the answering engine used (id and version). */
  packs: z.array(z.object({ id: z.string(), version: z.string() })).optional(),
  engine: z.string().optional(),
  /** SHA-256 and size of each input file; never its name or content. */
  inputs: z.array(z.object({ sha256: z.string(), bytes: z.number().int().nonnegative() })).optional(),
  /** e.g. "succeeded", "failed: TIMEOUT", "pass", "needs_review" */
  verdict: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry as exported: with its own hash and the previous entry's. */
export const AuditRecord = AuditEntry.extend({ prev: z.string(), hash: z.string() });
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditProblem = z.object({
  /** 1-based line of the export (or position in the database). */
  line: z.number().int().positive(),
  seq: z.number().int().nullable(),
  problem: z.string(),
});
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** Hash of the last entry: note it somewhere else to detect later truncation of the tail. */
  head: z.string().nullable(),
  problems: z.array(AuditProblem),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const AuditListParams = z
  .object({
    limit: z.number().int().positive().max(1000).default(100),
    beforeSeq: z.number().int().positive().optional(),
    action: z.string().optional(),
    capability: z.string().optional(),
    /** Entries at or after this time (ISO 8601). */
    from: z.string().datetime({ offset: true }).optional(),
    /** Entries before this time (ISO 8601). */
    to: z.string().datetime({ offset: true }).optional(),
    operator: z.string().max(200).optional(),
    /** Part of the verdict, e.g. "failed" or "needs_review". */
    verdict: z.string().max(200).optional(),
  })
  .default({ limit: 100 });

/** The whole trail as JSON lines, for a download in the console (paths are refused over HTTP). */
export const AuditExportResult = z.object({
  content: z.string(),
  entries: z.number().int().nonnegative(),
  head: z.string().nullable(),
});
export type AuditExportResult = z.infer<typeof AuditExportResult>;
