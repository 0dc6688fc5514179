import type { Db } from './sqlite.js';

/** Bytes the database file takes now (pages in use and free). */
export const dbBytes = (db: Db): number =>
  (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/**
 * Gives the space of deleted rows back to the file system and out of the WAL. secure_delete (set when the database
 * opens) has already overwritten the deleted content with zeros; this shrinks the file: incremental vacuum where
 * the database was created with auto_vacuum=INCREMENTAL, a full VACUUM otherwise (or when asked), then a WAL
 * checkpoint that truncates the log so no old page survives there either. Returns the bytes given back.
 */
export function reclaimSpace(db: Db, o: { full?: boolean } = {}): number {
  const before = dbBytes(db);
  const incremental = (db.pragma('auto_vacuum', { simple: true }) as number) === 2;
  if (o.full || !incremental) db.exec('VACUUM');
  else db.pragma('incremental_vacuum');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return before - dbBytes(db);
}
