import fs from 'node:fs';
import path from 'node:path';

const MAX_ENTRIES = 20_000;

/**
 * A plugin folder must hold its own files: a symbolic link that resolves outside it, or a hard link (a file with
 * more than one name, which may be the database or a key under another), would let the plugin read what its
 * permission to read "its own folder" was never meant to cover. Returns the first problem, or undefined.
 * Links inside the folder are fine; links are never followed while walking.
 */
export function linkProblem(folder: string): string | undefined {
  const root = fs.realpathSync(folder);
  let seen = 0;
  const walk = (dir: string): string | undefined => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      return `cannot read ${path.relative(root, dir) || '.'}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    }
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return `more than ${MAX_ENTRIES} files`;
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync(p);
        } catch {
          return `"${rel}" is a symbolic link to nothing`;
        }
        if (target !== root && !target.startsWith(root + path.sep)) return `"${rel}" is a symbolic link leading out of the plugin folder`;
      } else if (st.isDirectory()) {
        const inner = walk(p);
        if (inner) return inner;
      } else if (st.isFile()) {
        if (st.nlink > 1) return `"${rel}" is a hard link (the same file has another name, possibly outside the plugin folder)`;
      } else {
        return `"${rel}" is not a regular file or folder`;
      }
    }
    return undefined;
  };
  return walk(root);
}
