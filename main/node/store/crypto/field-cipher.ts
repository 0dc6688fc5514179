import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { HubError } from '../../../common/contract/index.js';

/** Marks a stored value as encrypted (and which format): `enc1:` + base64(iv | tag | ciphertext). */
export const ENC_PREFIX = 'enc1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for values kept at rest (job inputs, results, errors). Each value gets a fresh random IV; the
 * additional authenticated data names the row and column, so a value copied into another row fails to decrypt
 * instead of showing up as someone else's result. node:crypto does the cryptography: nothing hand-rolled here.
 */
export class FieldCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the data key must be 32 bytes (AES-256)');
    this.key = Buffer.from(key); // our own copy: the caller may wipe theirs
  }

  encrypt(plain: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ENC_PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string, aad: string): string {
    if (!isEncrypted(stored)) return stored; // a row written before encryption (migrated at start; kept readable)
    const raw = Buffer.from(stored.slice(ENC_PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new HubError('INTERNAL', 'a stored value is damaged (too short)');
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      d.setAAD(Buffer.from(aad, 'utf8'));
      d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
    } catch {
      throw new HubError(
        'INTERNAL',
        'a stored value cannot be decrypted: it was written with another data key, or it was altered',
      );
    }
  }
}

export const isEncrypted = (v: string): boolean => v.startsWith(ENC_PREFIX);
