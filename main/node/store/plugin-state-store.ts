import type { Db } from './sqlite.js';

/** Which plugins the operator switched on or off; one never switched keeps its default (built-in on, user-folder off). */
export class PluginStateStore {
  constructor(private readonly db: Db) {}

  isEnabled(id: string, byDefault = true): boolean {
    const row = this.db.prepare('SELECT enabled FROM plugin_state WHERE id = ?').get(id) as { enabled: number } | undefined;
    return row ? row.enabled === 1 : byDefault;
  }

  setEnabled(id: string, enabled: boolean): void {
    this.db
      .prepare('INSERT INTO plugin_state (id, enabled) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET enabled = excluded.enabled')
      .run(id, enabled ? 1 : 0);
  }
}
