import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed (model files are tens to hundreds of MB). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
