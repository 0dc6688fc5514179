import type { AuditEntry, AuditRecord } from '../../common/contract/index.js';
import { chainHash, GENESIS } from '../log/audit-chain.js';
import type { Db } from './sqlite.js';

interface Row {
  seq: number;
  entry: string;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: Row): AuditRecord => ({ ...(JSON.parse(r.entry) as AuditEntry), prev: r.prev_hash, hash: r.hash });

/**
 * The audit trail in SQLite: append-only (triggers refuse UPDATE and DELETE), each entry chained to the one before
 * by its hash. Appends take the write lock first (BEGIN IMMEDIATE), so two processes never chain onto the same entry.
 */
export class AuditStore {
  constructor(private readonly db: Db) {}

  append(entry: Omit<AuditEntry, 'seq' | 'at'> & { at?: string }): AuditRecord {
    const tx = this.db.transaction(() => {
      const last = this.db.prepare(`SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: string } | undefined;
      const full = { ...entry, seq: (last?.seq ?? 0) + 1, at: entry.at ?? new Date().toISOString() } as AuditEntry;
      const prev = last?.hash ?? GENESIS;
      const hash = chainHash(prev, full);
      this.db.prepare(`INSERT INTO audit (seq, at, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?)`).run(full.seq, full.at, JSON.stringify(full), prev, hash);
      return { ...full, prev, hash };
    });
    return tx.immediate();
  }

  /**
   * Newest first, optionally before a sequence number and filtered by action, capability, operator (exact), time
   * range (`from` inclusive, `to` exclusive, compared as instants) and a part of the verdict.
   */
  list(o: { limit: number; beforeSeq?: number; action?: string; capability?: string; operator?: string; verdict?: string; from?: string; to?: string }): AuditRecord[] {
    // `at` is written by toISOString (UTC, "Z"); bounds are normalised the same way so text order is time order.
    const iso = (t?: string) => (t === undefined ? null : new Date(t).toISOString());
    const rows = this.db
      .prepare(
        `SELECT seq, entry, prev_hash, hash FROM audit
         WHERE (? IS NULL OR seq < ?)
           AND (? IS NULL OR json_extract(entry, '$.action') = ?)
           AND (? IS NULL OR json_extract(entry, '$.capability') = ?)
           AND (? IS NULL OR json_extract(entry, '$.operator') = ?)
           AND (? IS NULL OR instr(lower(coalesce(json_extract(entry, '$.verdict'), '')), lower(?)) > 0)
           AND (? IS NULL OR at >= ?)
           AND (? IS NULL OR at < ?)
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(
        ...[o.beforeSeq, o.action, o.capability, o.operator, o.verdict, iso(o.from), iso(o.to)].flatMap((v) => [v ?? null, v ?? null]),
        o.limit,
      ) as Row[];
    return rows.map(toRecord);
  }

  /** Every entry, oldest first, read in pages (an export of a long trail never holds it all in memory). */
  *all(pageSize = 500): Generator<AuditRecord> {
    let after = 0;
    for (;;) {
      const rows = this.db.prepare(`SELECT seq, entry, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`).all(after, pageSize) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield toRecord(r);
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** Records as stored (the raw columns), for verification against the stored entry text. */
  *raw(): Generator<Record<string, unknown>> {
    for (const r of this.db.prepare(`SELECT seq, entry, prev_hash, hash FROM audit ORDER BY seq`).iterate() as IterableIterator<Row>) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(r.entry) as Record<string, unknown>;
      } catch {
        entry = { damaged: r.entry };
      }
      yield { ...entry, prev: r.prev_hash, hash: r.hash };
    }
  }

  head(): string | null {
    return (this.db.prepare(`SELECT hash FROM audit ORDER BY seq DESC LIMIT 1`).get() as { hash: string } | undefined)?.hash ?? null;
  }
}
