import { HubError } from '../../../../common/contract/index.js';
import type { Db } from '../../../store/sqlite.js';

/**
 * The translation memory's own schema, in its own database file (translation-memory.sqlite in the data folder), so
 * a memory can be copied between machines without the job history. Same rules as store/migrations.ts: ordered,
 * never edited once shipped, `user_version` = number applied, a newer database is refused untouched.
 */
export const tmMigrations: readonly string[] = [
  // 1: translation units, one per (language pair, normalised source)
  `CREATE TABLE tm_units (
     id INTEGER PRIMARY KEY,
     src_lang TEXT NOT NULL,
     tgt_lang TEXT NOT NULL,
     src TEXT NOT NULL,
     src_key TEXT NOT NULL,
     tgt TEXT NOT NULL,
     origin TEXT NOT NULL,
     reviewed INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (src_lang, tgt_lang, src_key)
   );`,
];

export function migrateTm(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > tmMigrations.length) {
    throw new HubError('DB_TOO_NEW', `${file} was written by a newer version of the app (schema ${current}; this version knows ${tmMigrations.length}).`);
  }
  for (let v = current; v < tmMigrations.length; v++) {
    db.transaction(() => {
      db.exec(tmMigrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
