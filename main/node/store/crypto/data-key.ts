import fs from 'node:fs';
import path from 'node:path';
import { HubError } from '../../../common/contract/index.js';
import { chooseKey, type ChosenKey, type KeyProvider } from './key-provider.js';

/** Names (not holds) the provider that made the key, so the next start asks that one and never makes a second key. */
export const KEY_RECORD = 'data-key.json';

/**
 * Finds the data key: the provider recorded at the first start is asked again (a keychain that cannot be reached
 * today is an error, not a reason to make a new key and lose every stored result); on a fresh data folder the
 * first provider that works makes the key, and its kind is recorded.
 */
export function openDataKey(root: string, providers: KeyProvider[]): ChosenKey {
  const record = path.join(root, KEY_RECORD);
  let recorded: string | undefined;
  try {
    recorded = (JSON.parse(fs.readFileSync(record, 'utf8')) as { provider?: string }).provider;
  } catch {
    recorded = undefined;
  }
  if (recorded) {
    const p = providers.find((x) => x.kind === recorded);
    if (!p) {
      throw new HubError(
        'UNAVAILABLE',
        `this data folder's key is kept by "${recorded}", which this app cannot use here (${providers.map((x) => x.kind).join(', ')} are available)`,
      );
    }
    try {
      return chooseKey([p]);
    } catch (err) {
      throw new HubError('UNAVAILABLE', `cannot read this data folder's key from ${p.where}: ${(err as Error).message}`);
    }
  }
  const chosen = chooseKey(providers);
  fs.writeFileSync(record, JSON.stringify({ provider: chosen.provider.kind, createdAt: new Date().toISOString() }) + '\n', {
    mode: 0o600,
  });
  return chosen;
}
