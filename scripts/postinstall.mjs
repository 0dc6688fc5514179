// Runs after `npm install` / `npm ci`. Each step reports a failure in one line and never fails the install:
// a counter PC without internet still gets a working CLI and browser console.
//  1. Electron's binary: its own install script is switched off in package.json ("allowScripts") because a failed
//     download would abort the whole install; we run it here and carry on without it when it cannot download.
//  2. better-sqlite3 for Electron's ABI, in native/electron/ (never over the Node build that tests and the CLI use).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './postinstall-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require_ = (p) => path.join(root, 'node_modules', p);
const say = (line) => console.log(`[intelligent-center] ${line}`);

function firstErrorLine(text) {
  return (text.split('\n').find((l) => /error/i.test(l) && !/^\s+at /.test(l)) ?? text.split('\n')[0] ?? '').trim().slice(0, 200);
}

function installElectronBinary() {
  if (!fs.existsSync(require_('electron/install.js'))) return say('electron is not installed (production install?); skipping its binary.');
  if (electronBinaryPath()) return say('Electron binary present.');
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return say('Electron binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm start` will use the browser console.');
  const r = spawnSync(process.execPath, [require_('electron/install.js')], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (r.status === 0 && electronBinaryPath()) return say('Electron binary downloaded.');
  say(`Electron binary could not be downloaded (${firstErrorLine((r.stderr || '') + (r.stdout || '')) || 'timed out'}); install goes on — \`npm start\` will open the console in your browser instead.`);
}

function buildSqliteForElectron() {
  if (!electronBinaryPath()) return;
  const version = JSON.parse(fs.readFileSync(require_('electron/package.json'), 'utf8')).version;
  const outDir = path.join(root, 'native', 'electron');
  const stamp = path.join(outDir, 'version.txt');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === version) return say(`better-sqlite3 for Electron ${version} present.`);
  // Work on a copy: electron-rebuild in place would replace (or, failing, delete) the Node build.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-sqlite-electron-'));
  try {
    fs.cpSync(require_('better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
    const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
    let r = spawnSync(process.execPath, [require_('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version], { cwd: work, env, encoding: 'utf8', timeout: 5 * 60_000 });
    if (r.status !== 0) {
      r = spawnSync(process.execPath, [require_('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, env, encoding: 'utf8', timeout: 15 * 60_000 });
    }
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0 || !fs.existsSync(built)) {
      return say(`better-sqlite3 could not be built for Electron ${version} (${firstErrorLine((r.stderr || '') + (r.stdout || ''))}); the desktop window will not open its database — \`npm start\` uses the browser console.`);
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
    fs.writeFileSync(stamp, version);
    say(`better-sqlite3 built for Electron ${version} in native/electron/.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

for (const step of [installElectronBinary, buildSqliteForElectron]) {
  try {
    step();
  } catch (err) {
    say(`${step.name} failed: ${err.message}`);
  }
}
