import { z } from 'zod';

/** What the operator sets (console Settings, `ic settings`); stored in the database. */
export const Settings = z.object({
  /** Shown in the audit trail instead of the OS account name when set. */
  operatorName: z.string().trim().min(1).max(80).nullable(),
  /** Jobs (their inputs, results and kept scans) older than this are purged. */
  retentionDays: z.number().int().min(1).max(3650),
  /** Keep uploaded files (encrypted) after their job; off: only their name, size and SHA-256 stay. */
  keepScans: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { operatorName: null, retentionDays: 30, keepScans: false };

export const SettingsPatch = Settings.partial().strict();

/** How stored data is protected (read-only; shown with the settings and by `ic health`). */
export const StorageInfo = z.object({
  encryption: z.literal('aes-256-gcm'),
  /** Which provider holds the data key: electron-safeStorage, os-keychain or key-file. */
  keyProvider: z.string(),
  keyWhere: z.string(),
  /** Providers passed over, with the reason (e.g. the keychain answered AccessDenied). */
  keySkipped: z.array(z.object({ kind: z.string(), reason: z.string() })),
  operator: z.string(),
});
export type StorageInfo = z.infer<typeof StorageInfo>;

export const SettingsView = z.object({ settings: Settings, storage: StorageInfo });
export type SettingsView = z.infer<typeof SettingsView>;

export const PurgeParams = z.object({ olderThanDays: z.number().int().min(0).max(36500) });
export const PurgeResult = z.object({ deleted: z.number().int().nonnegative(), reclaimedBytes: z.number().int() });
export type PurgeResult = z.infer<typeof PurgeResult>;
