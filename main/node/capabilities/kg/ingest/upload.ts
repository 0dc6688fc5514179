import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HubError, type FileSource } from '../../../../common/contract/index.js';

/**
 * A file given by path or by content ({name, base64} from the console) as a path to read, with the name citations
 * use. Uploaded content goes to a private temporary folder removed by `cleanup()`.
 */
export function materialise(input: { path?: string | undefined; file?: FileSource | undefined }): { path: string; name: string; cleanup(): void } {
  const src = input.file ?? (input.path !== undefined ? { path: input.path } : undefined);
  if (!src) throw new HubError('BAD_REQUEST', 'give either path or file');
  if ('path' in src) return { path: path.resolve(src.path), name: path.basename(src.path), cleanup: () => {} };
  const name = path.basename(src.name);
  if (!name || name === '.' || name === '..') throw new HubError('BAD_REQUEST', `bad file name "${src.name}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-kg-upload-'));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(src.base64, 'base64'), { mode: 0o600 });
  return { path: file, name, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
