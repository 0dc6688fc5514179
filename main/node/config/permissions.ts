import fs from 'node:fs';
import path from 'node:path';

/**
 * New files owner-only: the data folder holds citizens' documents and results. Called once at process start
 * (CLI, Electron, createHub); where the runtime cannot (a worker thread), the explicit chmods below still apply.
 */
export function restrictUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // process.umask() throws in worker threads; lockDown() still fixes the modes of what is there.
  }
}

/**
 * Folders 0700 and files 0600 under the data folder, fixing what an older version (or a default umask) left
 * readable by others. Symbolic links are not followed (their targets are not ours to change).
 * POSIX only: on Windows the profile folder's ACL already keeps other users out.
 */
export function lockDown(root: string, o: { maxEntries?: number } = {}): { changed: number } {
  if (process.platform === 'win32') return { changed: 0 };
  let changed = 0;
  let budget = o.maxEntries ?? 200_000;
  const fix = (p: string, st: fs.Stats, mode: number) => {
    if ((st.mode & 0o777) !== mode) {
      fs.chmodSync(p, mode);
      changed++;
    }
  };
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (--budget < 0) return;
      const p = path.join(dir, e.name);
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st || st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        fix(p, st, 0o700);
        walk(p);
      } else if (st.isFile()) fix(p, st, 0o600);
    }
  };
  const st = fs.lstatSync(root, { throwIfNoEntry: false });
  if (st?.isDirectory()) {
    fix(root, st, 0o700);
    walk(root);
  }
  return { changed };
}
