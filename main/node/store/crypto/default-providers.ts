import { createHash } from 'node:crypto';
import path from 'node:path';
import { KeyFileProvider } from './key-file.js';
import type { KeyProvider } from './key-provider.js';
import { KeychainKeyProvider, type KeychainEntryFactory } from './keychain-key.js';

/**
 * Key providers for plain Node (CLI, `ic serve`, tests): the OS keychain, else a 0600 key file in the data folder.
 * One keychain entry per data folder (named by a hash of its path), so two data folders never share a key.
 * IC_KEY_PROVIDER=key-file skips the keychain (headless machines where the keychain prompts).
 */
export function defaultKeyProviders(root: string, o: { env?: NodeJS.ProcessEnv; keychain?: KeychainEntryFactory } = {}): KeyProvider[] {
  const env = o.env ?? process.env;
  const file = new KeyFileProvider(path.join(root, 'keys', 'data.key'));
  if (env.IC_KEY_PROVIDER === 'key-file') return [file];
  const account = 'data-key:' + createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return [new KeychainKeyProvider(account, o.keychain), file];
}
