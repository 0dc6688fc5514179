import { randomBytes } from 'node:crypto';

/**
 * Where the data key (32 random bytes that encrypt what the hub keeps) lives. Each provider either returns the key
 * (making one on first use) or throws saying why it cannot; the hub takes the first that works, in order of
 * strength (Electron safeStorage, the OS keychain, a 0600 key file), and says which one it used.
 */
export interface KeyProvider {
  /** Short id shown in `ic health` and the settings, e.g. "os-keychain", "key-file", "electron-safeStorage". */
  readonly kind: string;
  /** One line a user can act on, e.g. "OS keychain entry intelligent-center/data-key:…". */
  readonly where: string;
  loadOrCreate(): Buffer;
}

export interface ChosenKey {
  key: Buffer;
  provider: { kind: string; where: string };
  /** Providers tried before the one used, with the reason each was passed over. */
  skipped: { kind: string; reason: string }[];
}

export const newDataKey = (): Buffer => randomBytes(32);

export function chooseKey(providers: KeyProvider[]): ChosenKey {
  const skipped: ChosenKey['skipped'] = [];
  for (const p of providers) {
    try {
      const key = p.loadOrCreate();
      if (key.length !== 32) throw new Error(`returned a ${key.length}-byte key`);
      return { key, provider: { kind: p.kind, where: p.where }, skipped };
    } catch (err) {
      skipped.push({ kind: p.kind, reason: (err as Error).message });
    }
  }
  throw new Error(`no place to keep the data key: ${skipped.map((s) => `${s.kind}: ${s.reason}`).join('; ')}`);
}
