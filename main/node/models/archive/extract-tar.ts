import fs from 'node:fs';
import { Parser, type ReadEntry } from 'tar';
import { refusal, refuse, show, type ExtractionGuard } from './guard.js';

/** node-tar stops an archive whose data inflates more than this many times (our byte counts stop it anyway). */
const MAX_DECOMPRESSION_RATIO = 1000;

/**
 * Extracts a .tar or .tar.gz (gzip is detected from the bytes) into `dest` with node-tar's parser, writing each
 * entry ourselves: only regular files and folders are accepted; links, devices, FIFOs and anything unknown refuse
 * the whole archive. Paths, sizes and counts go through the guard.
 */
export async function extractTar(file: string, dest: string, guard: ExtractionGuard): Promise<void> {
  const parser = new Parser({ strict: true, brotli: false, zstd: false, maxDecompressionRatio: MAX_DECOMPRESSION_RATIO });
  const input = fs.createReadStream(file);
  const writes: Promise<void>[] = [];
  const abort = new AbortController();
  let failure: { error: unknown } | undefined;

  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failure) return;
      failure = { error };
      input.destroy();
      abort.abort(error);
      reject(error);
    };

    parser.on('entry', (entry: ReadEntry) => {
      if (failure) return void entry.resume();
      // Names as stored (node-tar turns "\" into "/" on Windows; the check must see the original).
      const raw = String(entry.extended?.path ?? entry.header.path ?? entry.path);
      try {
        switch (entry.type) {
          case 'Directory':
            guard.makeDir(dest, guard.entry(raw, 'dir'));
            entry.resume();
            return;
          case 'File':
          case 'OldFile':
          case 'ContiguousFile': {
            const rel = guard.entry(raw, 'file', entry.size);
            writes.push(guard.writeFile(dest, rel, chunksOf(entry, abort.signal)).catch(fail));
            return;
          }
          case 'SymbolicLink':
            return refuse(`entry ${show(raw)} is a symbolic link (to ${show(String(entry.linkpath ?? ''))}); packs may not contain links`);
          case 'Link':
            return refuse(`entry ${show(raw)} is a hard link (to ${show(String(entry.linkpath ?? ''))}); packs may not contain links`);
          case 'CharacterDevice':
          case 'BlockDevice':
            return refuse(`entry ${show(raw)} is a device file`);
          case 'FIFO':
            return refuse(`entry ${show(raw)} is a named pipe`);
          default:
            return refuse(`entry ${show(raw)} has an unsupported type (${entry.type})`);
        }
      } catch (err) {
        entry.resume();
        fail(err);
      }
    });
    parser.on('ignoredEntry', (entry: ReadEntry) =>
      fail(refusal(`entry ${show(String(entry.path))} has an unsupported type (${entry.type})`)),
    );
    parser.on('error', (err: Error) => fail(tarError(err)));
    parser.on('end', () => {
      Promise.all(writes).then(() => resolve(), fail);
    });
    input.on('error', fail);
    input.pipe(parser as unknown as NodeJS.WritableStream);
  });

  try {
    await finished;
  } finally {
    // Let every started write close its file before the caller removes the staging folder.
    await Promise.allSettled(writes);
  }
}

/**
 * An entry's bytes, ending with an error when the extraction fails elsewhere (a truncated gzip, a refused entry):
 * a node-tar entry that will never get more data would otherwise leave its write waiting forever.
 */
async function* chunksOf(entry: ReadEntry, signal: AbortSignal): AsyncGenerator<Buffer> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  const it = entry[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([it.next(), aborted]);
    if (next.done) return;
    yield next.value;
  }
}

/** Errors of the parser itself (bad checksums, truncation, corrupt gzip, runaway inflation): the archive is unreadable. */
function tarError(err: Error): Error {
  return refusal(`not a readable .tar or .tar.gz archive (${err.message})`);
}
