import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface InputDigest {
  sha256: string;
  bytes: number;
}

/**
 * SHA-256 and size of every file in a job input: uploads (`{name, base64}`), uploads already stripped to their
 * hash (`{sha256, bytes, removed}`) and files named by path (read as a stream). A path that cannot be read any more
 * is reported with an empty hash rather than failing the audit entry.
 */
export async function inputDigests(input: unknown): Promise<InputDigest[]> {
  const out: InputDigest[] = [];
  const walk = async (v: unknown, depth: number): Promise<void> => {
    if (depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) await walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.base64 === 'string' && typeof o.name === 'string') {
      const bytes = Buffer.from(o.base64, 'base64');
      out.push({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
      return;
    }
    if (o.removed === true && typeof o.sha256 === 'string' && typeof o.bytes === 'number') {
      out.push({ sha256: o.sha256, bytes: o.bytes });
      return;
    }
    if (typeof o.path === 'string' && Object.keys(o).length === 1) {
      out.push(await hashFile(o.path));
      return;
    }
    for (const x of Object.values(o)) await walk(x, depth + 1);
  };
  await walk(input, 0);
  return out;
}

async function hashFile(file: string): Promise<InputDigest> {
  const h = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file)) {
      h.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { sha256: h.digest('hex'), bytes };
  } catch {
    return { sha256: '', bytes: 0 };
  }
}
