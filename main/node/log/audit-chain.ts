import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord, AuditVerifyResult } from '../../common/contract/index.js';

export const GENESIS = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined members left out — so an entry hashes the same
 * whoever serialises it. (Entries hold only strings, integers, booleans, arrays and plain objects.)
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',') + ']';
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((v as Record<string, unknown>)[k])).join(',') + '}';
}

/** hash_n = SHA-256(hash_{n-1} || canonical JSON of entry n), hex. */
export function chainHash(prev: string, entry: AuditEntry): string {
  return createHash('sha256').update(prev).update(canonicalJson(entry)).digest('hex');
}

const entryOf = (r: Record<string, unknown>): AuditEntry => {
  const { prev: _p, hash: _h, ...entry } = r;
  return entry as AuditEntry;
};

/**
 * Checks a sequence of records (from the database or an export): each record's hash must match its content and
 * the previous record's hash; sequence numbers must follow on. A changed entry breaks its own hash; a removed or
 * moved one breaks the link of the next. Problems are reported per line, and checking goes on after one.
 */
export function verifyChain(records: Iterable<Record<string, unknown> | { unparsable: string }>): AuditVerifyResult {
  const problems: AuditVerifyResult['problems'] = [];
  let prevHash: string | null = null;
  let prevSeq: number | null = null;
  let line = 0;
  let head: string | null = null;
  for (const r of records) {
    line++;
    if ('unparsable' in r) {
      problems.push({ line, seq: null, problem: `not a JSON object: ${String(r.unparsable).slice(0, 60)}` });
      prevHash = null;
      continue;
    }
    const rec = r as Partial<AuditRecord>;
    const seq = typeof rec.seq === 'number' ? rec.seq : null;
    if (typeof rec.prev !== 'string' || typeof rec.hash !== 'string' || seq === null) {
      problems.push({ line, seq, problem: 'missing seq, prev or hash' });
      prevHash = null;
      prevSeq = seq;
      continue;
    }
    const expectedPrev = prevHash ?? (line === 1 && seq === 1 ? GENESIS : null);
    if (line === 1 && seq !== 1) problems.push({ line, seq, problem: `the trail starts at entry ${seq}: entries before it are missing` });
    else if (expectedPrev !== null && rec.prev !== expectedPrev) {
      problems.push({ line, seq, problem: 'does not follow the entry before it (an entry was removed, inserted or moved)' });
    } else if (prevSeq !== null && seq !== prevSeq + 1) {
      problems.push({ line, seq, problem: `sequence jumps from ${prevSeq} to ${seq}` });
    }
    if (chainHash(rec.prev, entryOf(r as Record<string, unknown>)) !== rec.hash) {
      problems.push({ line, seq, problem: 'content does not match its hash (the entry was changed)' });
    }
    prevHash = rec.hash;
    prevSeq = seq;
    head = rec.hash;
  }
  return { ok: problems.length === 0, entries: line, head, problems };
}

/** Parses JSON lines for verifyChain (blank lines skipped, bad lines reported, never thrown). */
export function* parseJsonLines(text: string): Generator<Record<string, unknown> | { unparsable: string }> {
  for (const raw of text.split('\n')) {
    const l = raw.trim();
    if (!l) continue;
    try {
      const v = JSON.parse(l) as unknown;
      yield v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { unparsable: l };
    } catch {
      yield { unparsable: l };
    }
  }
}
