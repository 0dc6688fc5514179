import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resourcesRoot } from '../config/app-paths.js';

export type Db = Database.Database;

/**
 * Under Electron, better-sqlite3 must use a build for Electron's ABI. That build lives in its own folder
 * (native/electron/, made by scripts/postinstall.mjs) so the Node build that tests and the CLI use is never
 * overwritten; we hand it to better-sqlite3 through `nativeBinding`.
 */
export function electronNativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const candidates = [
    path.join(resourcesRoot(), 'native', 'electron', 'better_sqlite3.node'),
    path.join(resourcesRoot(), 'app.asar.unpacked', 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

export function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const nativeBinding = electronNativeBinding();
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  // Before the first table exists: lets purges give space back with incremental vacuum (older files are
  // converted by the VACUUM of the at-rest upgrade).
  if ((db.pragma('user_version', { simple: true }) as number) === 0) db.pragma('auto_vacuum = INCREMENTAL');
  // Deleted and overwritten content is zeroed on disk, not left in free pages (purges, stripped uploads).
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
