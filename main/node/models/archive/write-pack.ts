import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { create } from 'tar';
import { HubError } from '../../../common/contract/index.js';
import { PACK_RECORD, type PackStore } from '../pack-store.js';

export interface ExportResult {
  path: string;
  bytes: number;
}

/**
 * Writes an installed pack as a tar archive: pack.json first (so an importer can check it before the rest), then
 * exactly the files it lists, as regular files (links are followed), without owner names or ids. A name ending in
 * .gz or .tgz is gzipped. The pack is re-hashed first: a damaged pack is not exported. An existing file is never
 * overwritten, and a failed export leaves nothing under its name (temporary file, then a no-clobber link).
 */
export async function exportPack(store: PackStore, id: string, outPath: string): Promise<ExportResult> {
  const pack = store.get(id);
  if (!pack) throw new HubError('NOT_FOUND', `model pack "${id}" is not installed`);
  const out = path.resolve(outPath);
  if (fs.existsSync(out) || isLink(out)) throw new HubError('CONFLICT', `${out} already exists; it is not overwritten (choose another name)`);
  const dir = path.dirname(out);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new HubError('BAD_REQUEST', `cannot export to ${out}: the folder ${dir} does not exist`);

  const problems = await store.verifyDir(pack.id, pack.dir, pack.record);
  if (problems.length) {
    throw new HubError('UNAVAILABLE', `model pack "${id}" fails verification (${problems[0]}); it is not exported (see ic models verify)`);
  }

  const gzip = /\.(t?gz)$/i.test(out);
  const files = [PACK_RECORD, ...pack.record.files.map((f) => f.path)];
  // Written under a temporary name beside the target and linked to its name only when complete: a crash, a full
  // disk or a kill mid-way never leaves a partial archive under the name the user asked for.
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.partial`);
  let sink: fs.WriteStream;
  try {
    sink = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    await new Promise<void>((resolve, reject) => sink.once('open', () => resolve()).once('error', reject));
  } catch (err) {
    throw new HubError('INTERNAL', `cannot export "${id}" to ${out}: ${(err as Error).message}`);
  }
  try {
    const tar = create({ cwd: pack.dir, portable: true, noDirRecurse: true, follow: true, strict: true, gzip }, files);
    await pipeline(Readable.from(tar), sink);
    const fd = fs.openSync(tmp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // link() fails if the name appeared meanwhile: an existing file is still never overwritten.
    fs.linkSync(tmp, out);
  } catch (err) {
    sink.destroy();
    await new Promise<void>((resolve) => (sink.closed ? resolve() : sink.once('close', () => resolve())));
    fs.rmSync(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new HubError('CONFLICT', `${out} already exists; it is not overwritten (choose another name)`);
    throw new HubError('INTERNAL', `cannot export "${id}" to ${out}: ${(err as Error).message}`);
  }
  fs.rmSync(tmp, { force: true });
  return { path: out, bytes: fs.statSync(out).size };
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
