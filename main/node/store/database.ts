import { upgradeAtRest } from './at-rest.js';
import type { FieldCipher } from './crypto/field-cipher.js';
import { JobStore } from './job-store.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { PluginStateStore } from './plugin-state-store.js';
import { SettingsStore } from './settings-store.js';
import { openSqlite, type Db } from './sqlite.js';
import { AuditStore } from './audit-store.js';

export interface Stores {
  db: Db;
  jobs: JobStore;
  pluginState: PluginStateStore;
  settings: SettingsStore;
  audit: AuditStore;
  schemaVersion: number;
  /** Values found in clear from an older version and encrypted at this start. */
  encryptedAtStart: number;
  close(): void;
}

export function openStores(file: string, o: { cipher: FieldCipher }): Stores {
  const db = openSqlite(file);
  try {
    migrate(db, file);
    const settings = new SettingsStore(db);
    const encryptedAtStart = upgradeAtRest(db, settings, o.cipher);
    return {
      db,
      jobs: new JobStore(db, { cipher: o.cipher, keepScans: () => settings.get().keepScans }),
      pluginState: new PluginStateStore(db),
      settings,
      audit: new AuditStore(db),
      schemaVersion: SCHEMA_VERSION,
      encryptedAtStart,
      close: () => db.close(),
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
