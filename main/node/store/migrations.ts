import { HubError } from '../../common/contract/index.js';
import type { Db } from './sqlite.js';

/**
 * Ordered schema migrations; a database's `user_version` is the number applied. Later issues append here.
 * Never edit a shipped migration: add a new one.
 */
export const migrations: readonly string[] = [
  // 1: jobs, their items, plugin switches
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     capability TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT,
     timeout_ms INTEGER NOT NULL,
     error TEXT
   );
   CREATE INDEX jobs_created ON jobs(created_at);
   CREATE TABLE job_items (
     job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     status TEXT NOT NULL,
     input TEXT NOT NULL,
     output TEXT,
     error TEXT,
     engine TEXT,
     ms REAL,
     PRIMARY KEY (job_id, idx)
   );
   CREATE TABLE plugin_state (id TEXT PRIMARY KEY, enabled INTEGER NOT NULL);`,
  // 2: operator settings (and internal markers), the hash-chained audit trail (append-only: triggers refuse
  // UPDATE and DELETE). Existing plain job rows are encrypted by upgradeAtRest() right after.
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     entry TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`,
];

export const SCHEMA_VERSION = migrations.length;

/** Brings the database up to SCHEMA_VERSION; refuses one written by a newer app instead of damaging it. */
export function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new HubError(
      'DB_TOO_NEW',
      `${file} was written by a newer version of the app (schema ${current}; this version knows ${SCHEMA_VERSION}). ` +
        'Update the app, or point IC_DATA_DIR at another folder.',
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
