import { JobStore } from './job-store.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { PluginStateStore } from './plugin-state-store.js';
import { openSqlite, type Db } from './sqlite.js';

export interface Stores {
  db: Db;
  jobs: JobStore;
  pluginState: PluginStateStore;
  schemaVersion: number;
  close(): void;
}

export function openStores(file: string): Stores {
  const db = openSqlite(file);
  try {
    migrate(db, file);
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    db,
    jobs: new JobStore(db),
    pluginState: new PluginStateStore(db),
    schemaVersion: SCHEMA_VERSION,
    close: () => db.close(),
  };
}
