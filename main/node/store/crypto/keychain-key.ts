import { createRequire } from 'node:module';
import { newDataKey, type KeyProvider } from './key-provider.js';

/** The part of @napi-rs/keyring's Entry we use (tests hand in a fake). */
export interface KeychainEntry {
  getPassword(): string | null | undefined;
  setPassword(password: string): void;
}
export type KeychainEntryFactory = (service: string, account: string) => KeychainEntry;

const require = createRequire(import.meta.url);

/** @napi-rs/keyring's Entry: macOS Keychain, Windows Credential Manager, Secret Service / keyutils on Linux. */
export const napiKeyringEntry: KeychainEntryFactory = (service, account) => {
  const { Entry } = require('@napi-rs/keyring') as { Entry: new (s: string, a: string) => KeychainEntry };
  return new Entry(service, account);
};

export const KEYCHAIN_SERVICE = 'intelligent-center';

/** The data key as an OS keychain entry (a library that does the platform work; nothing written by hand here). */
export class KeychainKeyProvider implements KeyProvider {
  readonly kind = 'os-keychain';
  readonly where: string;

  constructor(
    private readonly account: string,
    private readonly entryOf: KeychainEntryFactory = napiKeyringEntry,
  ) {
    this.where = `OS keychain entry ${KEYCHAIN_SERVICE}/${account}`;
  }

  loadOrCreate(): Buffer {
    const entry = this.entryOf(KEYCHAIN_SERVICE, this.account);
    const stored = entry.getPassword();
    if (stored) {
      const key = Buffer.from(stored, 'base64');
      if (key.length !== 32) throw new Error(`${this.where} does not hold a 32-byte key`);
      return key;
    }
    const key = newDataKey();
    entry.setPassword(key.toString('base64'));
    // Read back: a keychain that accepts a write but keeps nothing would lose the data at the next start.
    if (entry.getPassword() !== key.toString('base64')) throw new Error('the keychain did not keep the key');
    return key;
  }
}
