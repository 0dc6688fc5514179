import type { StorageInfo } from '../../common/contract/index.js';
import { verifyChain } from '../log/audit-chain.js';
import type { AuditStore } from '../store/audit-store.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { MethodHandlers } from './api.js';
import type { JobRetention } from './job-retention.js';

/** settings.get / settings.set: a shorter retention applies at once; every change is an audit entry. */
export function settingsMethods(o: {
  settings: SettingsStore;
  storage: () => StorageInfo;
  retention: JobRetention;
  record: (action: string, details: Record<string, unknown>) => void;
}): MethodHandlers {
  return {
    'settings.get': () => ({ settings: o.settings.get(), storage: o.storage() }),
    'settings.set': (patch) => {
      const before = o.settings.get();
      const settings = o.settings.set(patch);
      o.record('settings.set', { changed: Object.keys(patch).sort() });
      if (settings.retentionDays < before.retentionDays) o.retention.applySetting();
      return { settings, storage: o.storage() };
    },
  };
}

export function auditMethods(audit: AuditStore): MethodHandlers {
  return {
    'audit.list': (p) => audit.list(p),
    'audit.verify': () => verifyChain(audit.raw()),
    // The same lines as `ic audit export`, returned instead of written: the console downloads them (no paths over HTTP).
    'audit.export': () => {
      let content = '';
      let entries = 0;
      let head: string | null = null;
      for (const r of audit.all()) {
        content += JSON.stringify(r) + '\n';
        entries++;
        head = r.hash; // the head of what was exported, not of an entry appended meanwhile
      }
      return { content, entries, head };
    },
  };
}
