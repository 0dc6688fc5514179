// Shared by postinstall.mjs and start.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require_ = (p) => path.join(root, 'node_modules', p);

/** The downloaded Electron executable, or undefined when its binary is not installed. */
export function electronBinaryPath() {
  const electronDir = require_('electron');
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    const bin = path.join(electronDir, 'dist', rel);
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

