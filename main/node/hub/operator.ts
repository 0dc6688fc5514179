import os from 'node:os';
import type { SettingsStore } from '../store/settings-store.js';

/** Who is working: the operator name set in the settings, else the OS account running the app. */
export function operatorOf(settings: Pick<SettingsStore, 'get'>): string {
  const named = settings.get().operatorName;
  if (named) return named;
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
