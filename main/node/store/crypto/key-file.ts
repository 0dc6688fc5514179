import fs from 'node:fs';
import path from 'node:path';
import { newDataKey, type KeyProvider } from './key-provider.js';

/**
 * The fallback where no keychain answers: the key in a file readable by the owner only (0600, in a 0700 folder).
 * It protects against other accounts on the machine and against copies of the database alone, not against
 * someone who can read the user's files (docs/security.md).
 */
export class KeyFileProvider implements KeyProvider {
  readonly kind = 'key-file';
  readonly where: string;

  constructor(private readonly file: string) {
    this.where = `key file ${file} (owner-only)`;
  }

  loadOrCreate(): Buffer {
    if (fs.existsSync(this.file)) {
      fs.chmodSync(this.file, 0o600);
      const text = fs.readFileSync(this.file, 'utf8').trim();
      const key = Buffer.from(text, 'base64');
      if (key.length !== 32) throw new Error(`${this.file} does not hold a 32-byte key`);
      return key;
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const key = newDataKey();
    // Written to a temporary name and renamed, so a crash never leaves half a key that would lock the data away.
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, this.file);
    return key;
  }
}
