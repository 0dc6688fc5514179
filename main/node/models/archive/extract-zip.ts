import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';
import { HubError } from '../../../common/contract/index.js';
import { refusal, refuse, show, type ExtractionGuard } from './guard.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const KIND_OF: Record<number, string> = {
  0o120000: 'a symbolic link',
  0o020000: 'a device file',
  0o060000: 'a device file',
  0o010000: 'a named pipe',
  0o140000: 'a socket',
};

/**
 * Extracts a .zip into `dest` with yauzl, one entry at a time. yauzl itself refuses absolute paths, ".." and
 * backslashes (strictFileNames); on top of that the guard checks every path, and counts the bytes each entry really
 * inflates to against the size its header declares and the limits (our own count: yauzl 2's validateEntrySizes
 * swallows its error on Node >= 14 and the stream stalls). Unix-made entries that are symbolic links, devices,
 * pipes or sockets refuse the archive, as do encrypted entries and compression other than stored/deflate.
 */
export async function extractZip(file: string, dest: string, guard: ExtractionGuard): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: false, decodeStrings: true }, (err, z) =>
      err ? reject(zipError(err)) : resolve(z),
    ),
  );
  if (zip.entryCount > guard.limits.maxEntries) {
    zip.close();
    refuse(`it has ${zip.entryCount} entries, over the limit of ${guard.limits.maxEntries}`);
  }
  let failed = false;
  let writing: Promise<void> = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(err);
      };
      zip.on('error', (err: Error) => fail(zipError(err)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        writing = extractEntry(zip, entry, dest, guard);
        writing.then(() => {
          if (!failed) zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  } finally {
    await writing.catch(() => undefined);
  }
}

async function extractEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, dest: string, guard: ExtractionGuard): Promise<void> {
  const name = entry.fileName;
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (madeOnUnix || type !== 0) {
    const kind = KIND_OF[type];
    if (kind) refuse(`entry ${show(name)} is ${kind}; packs may not contain links or special files`);
    if (type !== 0 && type !== S_IFDIR && type !== S_IFREG) refuse(`entry ${show(name)} has an unsupported file type`);
  }
  const isDir = name.endsWith('/') || type === S_IFDIR;
  if (isDir) {
    guard.makeDir(dest, guard.entry(name, 'dir'));
    return;
  }
  if (entry.isEncrypted()) refuse(`entry ${show(name)} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    refuse(`entry ${show(name)} uses compression method ${entry.compressionMethod} (only stored and deflate are supported)`);
  }
  const rel = guard.entry(name, 'file', entry.uncompressedSize);
  const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(zipError(err)) : resolve(s))),
  );
  // yauzl 2's file reader (fd-slicer) marks itself destroyed before it ends, which modern stream helpers
  // (pipeline, async iteration) take for an abort: read it through a plain pipe instead.
  const bytes = new PassThrough();
  stream.on('error', (err: Error) => bytes.destroy(err));
  stream.pipe(bytes);
  try {
    await guard.writeFile(dest, rel, bytes, entry.uncompressedSize);
  } catch (err) {
    stream.unpipe(bytes);
    stream.destroy();
    throw err instanceof HubError ? err : zipError(err as Error);
  }
}

/** yauzl's own refusals ("invalid relative path: ../x", "absolute path: /x", size mismatches, bad structure). */
function zipError(err: Error): Error {
  if ((err as NodeJS.ErrnoException).syscall) return err;
  return refusal(`not a valid or safe .zip archive (${err.message})`);
}
