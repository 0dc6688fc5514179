// electron-builder afterPack hook (electron-builder.yml `afterPack`): runs once per platform/arch after the app is
// laid out in appOutDir and before fuses, signing and the installer.
//  1. Drops Electron's default_app.asar (the "drag your app here" app) and its `version` file. electron-builder
//     removes them from the Electron zips it downloads, but not from an unpacked electronDist (IC_ELECTRON_DIST).
//  2. Checks that onnxruntime-node kept exactly the target platform/arch's binaries (the per-platform `files`
//     globs in electron-builder.yml prune the rest): a glob mistake fails the build instead of shipping other
//     platforms' libraries (~250 MB) or none at all.
import fs from 'node:fs';
import path from 'node:path';
import electronBuilder from 'electron-builder';

const { Arch } = electronBuilder;

/** onnxruntime-node's folder names for Electron's platform names. */
const ORT_PLATFORM = { linux: 'linux', win32: 'win32', darwin: 'darwin', mas: 'darwin' };

/** The app's node_modules in the package: unpacked beside app.asar, or in resources/app without asar. */
function unpackedNodeModules(resourcesDir) {
  for (const dir of ['app.asar.unpacked', 'app']) {
    const p = path.join(resourcesDir, dir, 'node_modules');
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * What is left of onnxruntime-node's binaries in a packaged app: ["napi-v6/linux/x64", ...].
 * @param {string} resourcesDir
 */
export function onnxruntimeBinaryDirs(resourcesDir) {
  const nm = unpackedNodeModules(resourcesDir);
  const bin = nm && path.join(nm, 'onnxruntime-node', 'bin');
  if (!bin || !fs.existsSync(bin)) return [];
  const found = [];
  for (const napi of fs.readdirSync(bin)) {
    const napiDir = path.join(bin, napi);
    if (!fs.statSync(napiDir).isDirectory()) continue;
    for (const platform of fs.readdirSync(napiDir)) {
      const platformDir = path.join(napiDir, platform);
      if (!fs.statSync(platformDir).isDirectory()) continue;
      for (const arch of fs.readdirSync(platformDir)) found.push(`${napi}/${platform}/${arch}`);
    }
  }
  return found;
}

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const resourcesDir = packager.getResourcesDir(appOutDir);

  fs.rmSync(path.join(resourcesDir, 'default_app.asar'), { force: true });
  if (electronPlatformName === 'linux' || electronPlatformName === 'win32') fs.rmSync(path.join(appOutDir, 'version'), { force: true });

  const platform = ORT_PLATFORM[electronPlatformName] ?? electronPlatformName;
  const arch = Arch[context.arch];
  if (arch === 'universal') return; // the x64 and arm64 halves were each checked when they were packed
  const nm = unpackedNodeModules(resourcesDir);
  if (!nm || !fs.existsSync(path.join(nm, 'onnxruntime-node'))) return; // not packaged (no longer a dependency)
  const dirs = onnxruntimeBinaryDirs(resourcesDir);
  const foreign = dirs.filter((d) => !d.endsWith(`/${platform}/${arch}`));
  if (foreign.length > 0) {
    throw new Error(`afterPack: onnxruntime-node binaries for other platforms were packaged (${foreign.join(', ')}); check the onnxruntime-node files globs in electron-builder.yml`);
  }
  const own = dirs.find((d) => d.endsWith(`/${platform}/${arch}`));
  if (!own) {
    throw new Error(`afterPack: onnxruntime-node has no binaries for ${platform}/${arch} in the package; check the files globs in electron-builder.yml`);
  }
}
