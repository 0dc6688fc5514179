import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SafeStorageKeyProvider, electronKeyProviders, type SafeStorageLike } from '../../../main/electron/safe-storage-key.js';
import { FieldCipher } from '../../../main/node/store/crypto/field-cipher.js';
import { defaultKeyProviders } from '../../../main/node/store/crypto/default-providers.js';
import { openDataKey } from '../../../main/node/store/crypto/data-key.js';
import { KeyFileProvider } from '../../../main/node/store/crypto/key-file.js';
import { chooseKey } from '../../../main/node/store/crypto/key-provider.js';
import { KeychainKeyProvider, type KeychainEntryFactory } from '../../../main/node/store/crypto/keychain-key.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

/** A keychain in memory, like @napi-rs/keyring's Entry. */
function memoryKeychain(): KeychainEntryFactory & { store: Map<string, string> } {
  const store = new Map<string, string>();
  const f = ((service: string, account: string) => ({
    getPassword: () => store.get(`${service}/${account}`) ?? null,
    setPassword: (p: string) => void store.set(`${service}/${account}`, p),
  })) as KeychainEntryFactory & { store: Map<string, string> };
  f.store = store;
  return f;
}
const deniedKeychain: KeychainEntryFactory = () => ({
  getPassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  setPassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
});

/** A mocked Electron safeStorage: "seals" by XOR so that the sealed file never holds the key in clear. */
function mockSafeStorage(o: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls,
    isEncryptionAvailable: () => o.available ?? true,
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
    encryptString: (s) => (calls.push('encrypt'), xor(Buffer.from(s))),
    decryptString: (b) => (calls.push('decrypt'), xor(b).toString()),
  };
}

describe('data key providers', () => {
  it('keychain: makes a key once, then returns the same key', () => {
    const kc = memoryKeychain();
    const p = new KeychainKeyProvider('data-key:test', kc);
    const a = p.loadOrCreate();
    expect(a).toHaveLength(32);
    expect(p.loadOrCreate().equals(a)).toBe(true);
    expect(kc.store.size).toBe(1);
  });

  it('falls back to a 0600 key file when the keychain says AccessDenied, and says which provider it used and why', () => {
    const root = tempDir();
    const chosen = chooseKey(defaultKeyProviders(root, { keychain: deniedKeychain, env: {} }));
    expect(chosen.provider.kind).toBe('key-file');
    expect(chosen.skipped).toEqual([{ kind: 'os-keychain', reason: expect.stringContaining('AccessDenied') }]);
    const file = path.join(root, 'keys', 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(new KeyFileProvider(file).loadOrCreate().equals(chosen.key)).toBe(true);
  });

  it('uses this machine\'s real keychain library and falls back where it is denied (AccessDenied here)', () => {
    const chosen = chooseKey(defaultKeyProviders(tempDir(), { env: {} }));
    // Either the OS keychain works on the machine running the tests, or the fallback says why not.
    if (chosen.provider.kind === 'key-file') expect(chosen.skipped[0]?.kind).toBe('os-keychain');
    else expect(chosen.provider.kind).toBe('os-keychain');
  });

  it('records the provider and never makes a second key when it is unreachable later', () => {
    const root = tempDir();
    const kc = memoryKeychain();
    const first = openDataKey(root, defaultKeyProviders(root, { keychain: kc, env: {} }));
    expect(first.provider.kind).toBe('os-keychain');
    expect(openDataKey(root, defaultKeyProviders(root, { keychain: kc, env: {} })).key.equals(first.key)).toBe(true);
    // The keychain is locked today: an error, not a fresh key file that would lock the data away.
    expect(() => openDataKey(root, defaultKeyProviders(root, { keychain: deniedKeychain, env: {} }))).toThrow(/cannot read this data folder's key from OS keychain/);
    expect(fs.existsSync(path.join(root, 'keys', 'data.key'))).toBe(false);
  });

  it('Electron safeStorage: seals the key in an owner-only file, never in clear, and unseals it at the next start', () => {
    const root = tempDir();
    const ss = mockSafeStorage();
    const file = path.join(root, 'keys', 'data.key.sealed');
    const key = new SafeStorageKeyProvider(ss, file).loadOrCreate();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(new SafeStorageKeyProvider(ss, file).loadOrCreate().equals(key)).toBe(true);
    expect(ss.calls).toEqual(['encrypt', 'decrypt']);
  });

  it("Electron safeStorage: refused when unavailable or on Linux's basic_text backend; the next provider is used and named", () => {
    const root = tempDir();
    for (const ss of [mockSafeStorage({ available: false }), mockSafeStorage({ backend: 'basic_text' })]) {
      const chosen = chooseKey(electronKeyProviders(ss, root).map((p) => (p.kind === 'os-keychain' ? new KeychainKeyProvider('x', deniedKeychain) : p)));
      expect(chosen.provider.kind).toBe('key-file');
      expect(chosen.skipped.map((s) => s.kind)).toEqual(['electron-safeStorage', 'os-keychain']);
    }
    expect(electronKeyProviders(mockSafeStorage(), root)[0]!.kind).toBe('electron-safeStorage');
  });
});

describe('field cipher (AES-256-GCM)', () => {
  const key = Buffer.alloc(32, 7);
  const c = new FieldCipher(key);

  it('round-trips, with a fresh IV each time', () => {
    const a = c.encrypt('身份证 330106199001013016', 'job_items.output|job_x|0');
    const b = c.encrypt('身份证 330106199001013016', 'job_items.output|job_x|0');
    expect(a).not.toBe(b);
    expect(a).not.toContain('330106');
    expect(c.decrypt(a, 'job_items.output|job_x|0')).toBe('身份证 330106199001013016');
  });

  it('refuses a value moved to another row, altered, or opened with another key', () => {
    const v = c.encrypt('secret', 'job_items.output|job_x|0');
    expect(() => c.decrypt(v, 'job_items.output|job_y|0')).toThrow(/cannot be decrypted/);
    const raw = Buffer.from(v.slice(5), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => c.decrypt('enc1:' + raw.toString('base64'), 'job_items.output|job_x|0')).toThrow(/cannot be decrypted/);
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).decrypt(v, 'job_items.output|job_x|0')).toThrow(/cannot be decrypted/);
  });
});

describe('field cipher key handling', () => {
  it('keeps its own copy of the key, so wiping the caller\'s buffer does not change what it encrypts with', () => {
    const key = Buffer.alloc(32, 3);
    const c = new FieldCipher(key);
    const v = c.encrypt('x', 'a');
    key.fill(0);
    expect(new FieldCipher(Buffer.alloc(32, 3)).decrypt(v, 'a')).toBe('x');
    expect(new FieldCipher(Buffer.alloc(32, 3)).decrypt(c.encrypt('y', 'a'), 'a')).toBe('y');
  });
});
