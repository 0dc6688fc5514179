import fs from 'node:fs';
import path from 'node:path';
import { refuse, show, type ExtractionGuard } from './guard.js';

const MAX_DEPTH = 32;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Copies a pack folder into `dest` (the import never installs the user's folder in place: the copy is what gets
 * verified and installed). Symbolic links are followed only to regular files inside the folder, and copied as
 * files; links that leave the folder, dangle or point at folders refuse the pack, as do devices, pipes and sockets.
 */
export async function copyFolder(src: string, dest: string, guard: ExtractionGuard): Promise<void> {
  const root = await fs.promises.realpath(src);
  const into = await fs.promises.realpath(dest);
  if (into === root || isInside(root, into)) refuse('the folder holds the data folder being imported into');

  const walk = async (relDir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) refuse(`${show(relDir)} is nested more than ${MAX_DEPTH} folders deep`);
    const names = (await fs.promises.readdir(path.join(root, relDir))).sort();
    for (const name of names) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const abs = path.join(root, relDir, name);
      const st = await fs.promises.lstat(abs);
      if (st.isDirectory()) {
        guard.makeDir(dest, guard.entry(rel, 'dir'));
        await walk(rel, depth + 1);
      } else if (st.isFile()) {
        await copyFile(abs, rel);
      } else if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.promises.realpath(abs);
        } catch {
          refuse(`${show(rel)} is a symbolic link to something that does not exist`);
        }
        if (!isInside(root, target)) refuse(`${show(rel)} is a symbolic link pointing out of the pack (to ${show(target)})`);
        if (!(await fs.promises.stat(target)).isFile()) refuse(`${show(rel)} is a symbolic link to a folder; only links to files inside the pack are followed`);
        await copyFile(target, rel);
      } else {
        refuse(`${show(rel)} is a device, pipe or socket`);
      }
    }
  };

  const copyFile = async (abs: string, rel: string): Promise<void> => {
    const handle = await fs.promises.open(abs, fs.constants.O_RDONLY | O_NOFOLLOW);
    try {
      // Checked on the open file: what was checked by name cannot be swapped for a link or a pipe in between.
      const st = await handle.stat();
      if (!st.isFile()) refuse(`${show(rel)} is not a regular file`);
      guard.entry(rel, 'file', st.size);
      await guard.writeFile(dest, rel, handle.createReadStream({ autoClose: false }));
    } finally {
      await handle.close();
    }
  };

  await walk('', 0);
}

function isInside(root: string, target: string): boolean {
  const r = path.relative(root, target);
  return r !== '' && r !== '..' && !r.startsWith(`..${path.sep}`) && !path.isAbsolute(r);
}
