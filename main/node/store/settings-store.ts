import { DEFAULT_SETTINGS, Settings, type Settings as SettingsT } from '../../common/contract/index.js';
import type { Db } from './sqlite.js';

/** Operator settings as JSON values under a key; unknown or damaged values fall back to the defaults. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): SettingsT {
    const rows = this.db.prepare(`SELECT key, value FROM settings WHERE key IN ('operatorName','retentionDays','keepScans')`).all() as {
      key: string;
      value: string;
    }[];
    const raw: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const r of rows) {
      try {
        raw[r.key] = JSON.parse(r.value);
      } catch {
        // a damaged value: the default stands
      }
    }
    const parsed = Settings.safeParse(raw);
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  }

  set(patch: Partial<SettingsT>): SettingsT {
    const next = Settings.parse({ ...this.get(), ...patch });
    const put = this.db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.db.transaction(() => {
      for (const k of Object.keys(patch) as (keyof SettingsT)[]) put.run(k, JSON.stringify(next[k]));
    })();
    return next;
  }

  /** Internal values (key check, migration markers) under names the operator's settings never use. */
  getInternal(key: string): string | undefined {
    return (this.db.prepare(`SELECT value FROM settings WHERE key = ?`).get('_' + key) as { value: string } | undefined)?.value;
  }

  setInternal(key: string, value: string): void {
    this.db
      .prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run('_' + key, value);
  }
}
