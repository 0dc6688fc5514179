import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that it is either whole or absent: the parts go to a temporary file beside the target, which is
 * flushed to disk and renamed over the target only when every part was written. A failure (disk full, a part that
 * throws) removes the temporary file and leaves any earlier file at the target untouched.
 */
export function writeFileAtomic(target: string, parts: Iterable<string | Buffer>, o: { mode?: number; fsImpl?: Pick<typeof fs, 'writeSync'> } = {}): number {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const write = o.fsImpl?.writeSync ?? fs.writeSync;
  let fd: number | undefined;
  let bytes = 0;
  try {
    fd = fs.openSync(tmp, 'wx', o.mode ?? 0o600);
    for (const part of parts) {
      const buf = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      let off = 0;
      while (off < buf.length) off += write(fd, buf, off, buf.length - off);
      bytes += buf.length;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
    return bytes;
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
