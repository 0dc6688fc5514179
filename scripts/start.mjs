// `npm start`: the desktop window where Electron can run, otherwise the same console in the browser (loopback server).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './postinstall-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = ['dist/main/node/cli/run.js', 'dist/main/electron/main.js', 'dist/renderer/index.html'].every((f) => fs.existsSync(path.join(root, f)));
if (!built) {
  console.log('Building the app (first start)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function whyNoElectron() {
  if (process.env.IC_BROWSER === '1') return 'IC_BROWSER=1 asks for the browser console';
  if (!electronBinaryPath()) return "Electron's binary is not installed (its download failed or was skipped)";
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no desktop session (DISPLAY is not set)';
  if (!fs.existsSync(path.join(root, 'native', 'electron', 'better_sqlite3.node'))) return 'better-sqlite3 has no Electron build (see the install log)';
  return undefined;
}

function browserConsole(reason) {
  console.log(`The desktop window cannot start here: ${reason}.\nOpening the same console in your browser instead (loopback server on 127.0.0.1):`);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'ic.js'), 'serve', '--open', ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const reason = whyNoElectron();
if (reason) browserConsole(reason);
else {
  const child = spawn(electronBinaryPath(), [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (code !== 0 && !signal) browserConsole(`Electron exited with code ${code}`);
    else process.exit(code ?? 0);
  });
}
