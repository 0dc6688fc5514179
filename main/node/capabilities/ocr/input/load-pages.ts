import fs from 'node:fs/promises';
import { fileLabel, HubError, type FileSource } from '../../../../common/contract/index.js';
import type { LoadedPage } from '../engine.js';
import { pdfPages } from '../pdf/pdf-pages.js';
import { badInput, INPUT_LIMITS, throwIfCancelled } from './limits.js';
import { imagePages } from './raster.js';
import { sniff } from './sniff.js';

export { INPUT_LIMITS } from './limits.js';

/**
 * The pages of one input file, one at a time: PNG, JPEG, WebP and TIFF (every page) as pixels; PDF pages as their
 * text layer when they have a usable one, as pixels otherwise. The type comes from the file's first bytes, not
 * its name. A bad file fails with HubError BAD_REQUEST "<file>: <reason>" (NOT_FOUND when a path does not exist);
 * nothing here crashes the process or decodes an image past INPUT_LIMITS.
 */
export async function* loadPages(source: FileSource, o: { pages?: number[]; signal?: AbortSignal } = {}): AsyncGenerator<LoadedPage> {
  const file = fileLabel(source);
  throwIfCancelled(o.signal, file);
  const buf = await readSource(source, file);
  if (buf.length === 0) throw badInput(file, 'the file is empty (0 bytes)');
  const type = sniff(buf);
  switch (type.kind) {
    case 'unsupported':
      throw badInput(file, `unsupported file type: it is ${type.what}; expected PNG, JPEG, TIFF, WebP or PDF`);
    case 'pdf':
      yield* pdfPages(file, buf, o);
      return;
    default:
      yield* imagePages(file, buf, type.kind, o);
  }
}

/** The bytes of an upload or a named file, refused (BAD_REQUEST / NOT_FOUND) like the page loader refuses them. */
export async function readSource(source: FileSource, file: string): Promise<Buffer> {
  if ('base64' in source) {
    const b64 = source.base64.replace(/^data:[^,]*;base64,/, '');
    if (!/^[A-Za-z0-9+/=\s_-]*$/.test(b64.slice(0, 65536))) throw badInput(file, 'the upload is not valid base64');
    const buf = Buffer.from(b64, 'base64');
    if (buf.length > INPUT_LIMITS.maxFileBytes) throw badInput(file, `the file is over ${INPUT_LIMITS.maxFileBytes / 2 ** 20} MiB`);
    return buf;
  }
  let st;
  try {
    st = await fs.stat(source.path);
  } catch (err) {
    throw fsError(err, file);
  }
  if (st.isDirectory()) throw badInput(file, 'is a folder, not a file');
  if (!st.isFile()) throw badInput(file, 'is not a regular file');
  if (st.size > INPUT_LIMITS.maxFileBytes)
    throw badInput(file, `the file is ${Math.round(st.size / 2 ** 20)} MiB, over the ${INPUT_LIMITS.maxFileBytes / 2 ** 20} MiB limit`);
  try {
    return await fs.readFile(source.path);
  } catch (err) {
    throw fsError(err, file);
  }
}

function fsError(err: unknown, file: string): HubError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new HubError('NOT_FOUND', `${file}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return badInput(file, 'cannot be read (permission denied)');
  if (code === 'EISDIR') return badInput(file, 'is a folder, not a file');
  return badInput(file, `cannot be read (${(err as Error).message})`);
}
