import fs from 'node:fs';
import path from 'node:path';
import { defaultKeyProviders } from '../node/store/crypto/default-providers.js';
import { newDataKey, type KeyProvider } from '../node/store/crypto/key-provider.js';

/** The part of Electron's `safeStorage` used here (tests hand in a mock). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real keyring (a hard-coded password), which we do not accept. */
  getSelectedStorageBackend?(): string;
}

/**
 * Under Electron: the data key sealed by `safeStorage` (Keychain on macOS, DPAPI on Windows, the desktop keyring
 * on Linux) in <data>/keys/data.key.sealed, owner-only. Refuses Linux's "basic_text" backend, which would only
 * obfuscate the key; the hub then falls back to the next provider and says so.
 */
export class SafeStorageKeyProvider implements KeyProvider {
  readonly kind = 'electron-safeStorage';
  readonly where: string;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly file: string,
  ) {
    this.where = `Electron safeStorage, sealed key in ${file}`;
  }

  loadOrCreate(): Buffer {
    if (!this.safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
    const backend = this.safeStorage.getSelectedStorageBackend?.();
    if (backend === 'basic_text' || backend === 'unknown') throw new Error(`safeStorage backend "${backend}" does not protect keys`);
    if (fs.existsSync(this.file)) {
      const key = Buffer.from(this.safeStorage.decryptString(fs.readFileSync(this.file)), 'base64');
      if (key.length !== 32) throw new Error(`${this.file} does not unseal to a 32-byte key`);
      return key;
    }
    const key = newDataKey();
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, this.safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, this.file);
    return key;
  }
}

/** Under Electron: safeStorage first, then the OS keychain and the key file of plain Node. */
export function electronKeyProviders(safeStorage: SafeStorageLike | undefined, dataDir: string): KeyProvider[] {
  const rest = defaultKeyProviders(dataDir);
  return safeStorage ? [new SafeStorageKeyProvider(safeStorage, path.join(dataDir, 'keys', 'data.key.sealed')), ...rest] : rest;
}
