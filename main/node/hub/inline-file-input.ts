import fs from 'node:fs/promises';
import path from 'node:path';
import { HubError, MAX_FILE_BYTES } from '../../common/contract/index.js';

/**
 * A host call's `input.file` given as `{path}` becomes `{name, base64}` read here, in the hub: the model host runs
 * under the permission model and may not read the user's folders. The name keeps the path (labels and results stay
 * as before) unless it is too long for the contract. A missing file or a folder fails here as the host would;
 * anything else odd (not a regular file, too big, unreadable) is passed on unchanged for the host to refuse with its reason.
 */
export async function inlineFileInput<P>(params: P): Promise<P> {
  const input = (params as { input?: { file?: unknown } } | undefined)?.input;
  const file = input?.file as { path?: unknown } | undefined;
  if (!file || typeof file.path !== 'string') return params;
  const p = file.path;
  let st;
  try {
    st = await fs.stat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new HubError('NOT_FOUND', `${p}: no such file`);
    return params;
  }
  if (st.isDirectory()) throw new HubError('BAD_REQUEST', `${p}: is a folder, not a file`);
  if (!st.isFile() || st.size > MAX_FILE_BYTES) return params;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(p);
  } catch {
    return params;
  }
  const name = p.length <= 255 ? p : path.basename(p).slice(-255);
  return { ...params, input: { ...input, file: { name, base64: bytes.toString('base64') } } } as P;
}
