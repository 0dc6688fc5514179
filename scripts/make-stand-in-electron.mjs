// Makes a stand-in for an unpacked Electron (linux) — for offline tests of the packaging only.
//
//   node scripts/make-stand-in-electron.mjs <dir> [--version 41.7.1]
//   IC_ELECTRON_DIST=<dir> npm run dist -- --dir
//
// electron-builder, given `electronDist` as an unpacked folder, copies the folder as the app's skeleton, renames
// the `electron` executable to the app's executable name, moves `LICENSE` to `LICENSE.electron.txt`, trims
// `locales/*.pak` when `electronLanguages` is set, writes the app into `resources/`, and flips the fuses in the
// executable (@electron/fuses looks for a sentinel followed by the fuse wire). This folder has those files (and
// small placeholders for the rest of a real linux-x64 Electron zip). The executable is a shell script that says
// it is a stand-in: the packaged app cannot run with it. Never ship a build made from it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require_ = createRequire(path.join(repoRoot, 'package.json'));

/** @electron/fuses: the sentinel, then the wire version (1), its length, then one byte per fuse ('0'/'1'). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's defaults, in FuseV1Options order: RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation,
 * OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
 */
const DEFAULT_FUSES = '10110001';

/** The installed electron package's version (what a real dist for this project would be). */
export function installedElectronVersion() {
  try {
    return JSON.parse(fs.readFileSync(require_.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return '41.7.1';
  }
}

/** Files of a real linux-x64 Electron zip that electron-builder copies along but never looks into. */
const PLACEHOLDERS = [
  'chrome-sandbox',
  'chrome_crashpad_handler',
  'chrome_100_percent.pak',
  'chrome_200_percent.pak',
  'icudtl.dat',
  'libEGL.so',
  'libGLESv2.so',
  'libffmpeg.so',
  'libvk_swiftshader.so',
  'libvulkan.so.1',
  'resources.pak',
  'snapshot_blob.bin',
  'v8_context_snapshot.bin',
  'vk_swiftshader_icd.json',
];

/**
 * Creates (or replaces) a stand-in unpacked Electron in `dir`.
 * @param {string} dir
 * @param {{ version?: string }} [opts]
 * @returns {Promise<{ dir: string, executable: string, version: string }>}
 */
export async function makeStandInElectron(dir, opts = {}) {
  const version = opts.version ?? installedElectronVersion();
  const out = path.resolve(dir);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(out, 'locales'), { recursive: true });

  // The executable: a shell script. Its comment line carries a fuse wire so that electron-builder's fuse step
  // (electronFuses in electron-builder.yml) runs for real and can be checked.
  const executable = path.join(out, 'electron');
  const script = Buffer.concat([
    Buffer.from(
      '#!/bin/sh\n' +
        '# Stand-in for the Electron executable, made by scripts/make-stand-in-electron.mjs for offline packaging tests.\n' +
        '# fuse wire: ',
      'utf8',
    ),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES, 'latin1'),
    Buffer.from(
      '\n' +
        `if [ "$1" = "--version" ]; then echo "v${version}"; exit 0; fi\n` +
        `echo "This is a stand-in for Electron ${version} (for packaging tests only); it cannot run the app." >&2\n` +
        'exit 1\n',
      'utf8',
    ),
  ]);
  fs.writeFileSync(executable, script, { mode: 0o755 });

  fs.writeFileSync(path.join(out, 'version'), version);
  fs.writeFileSync(path.join(out, 'LICENSE'), `Stand-in for Electron ${version}'s LICENSE (MIT). Not a real Electron.\n`);
  fs.writeFileSync(path.join(out, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title><p>Stand-in for Chromium licenses.\n');
  for (const name of PLACEHOLDERS) fs.writeFileSync(path.join(out, name), `stand-in ${name}\n`);
  for (const locale of ['en-US', 'zh-CN']) fs.writeFileSync(path.join(out, 'locales', `${locale}.pak`), `stand-in ${locale}\n`);

  // resources/default_app.asar: Electron's built-in "drag your app here" app (a real, tiny asar).
  const work = fs.mkdtempSync(path.join(out, '.default-app-'));
  try {
    fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'electron', productName: 'Electron', main: 'main.js' }, null, 2));
    fs.writeFileSync(path.join(work, 'main.js'), "console.log('stand-in default app');\n");
    const asar = await import('@electron/asar');
    await (asar.createPackage ?? asar.default.createPackage)(work, path.join(out, 'resources', 'default_app.asar'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { dir: out, executable, version };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const vi = args.indexOf('--version');
  const version = vi >= 0 ? args.splice(vi, 2)[1] : undefined;
  const dir = args[0];
  if (!dir || dir.startsWith('-')) {
    console.error('usage: node scripts/make-stand-in-electron.mjs <dir> [--version X.Y.Z]');
    process.exit(2);
  }
  const r = await makeStandInElectron(dir, { version });
  console.log(`stand-in Electron ${r.version} (linux, for packaging tests only) in ${r.dir}`);
}
