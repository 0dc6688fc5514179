// `npm run dist`: builds the app, then packages it with electron-builder (config: electron-builder.yml).
//
//   npm run dist                         installers for this platform (AppImage / NSIS / dmg) in release/
//   npm run dist -- --dir                the unpacked app only (release/linux-unpacked/, …)
//   npm run dist -- --linux AppImage     any electron-builder build option: --linux/--win/--mac [targets],
//                                        --x64/--arm64, -c.<key>=<value>, --publish never, …
//   npm run dist -- --output /tmp/out    another output folder (ours; electron-builder's is directories.output)
//
// Environment:
//   IC_ELECTRON_DIST=/path/to/unpacked/electron   use this Electron instead of downloading one (offline builds).
//                     Without it, the Electron that `npm ci` installed (node_modules/electron/dist) is used when
//                     packaging for this machine's platform and arch; otherwise electron-builder downloads one.
//   IC_SKIP_BUILD=1   skip `npm run build` (dist/ is already built).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './postinstall-lib.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require_ = createRequire(path.join(repoRoot, 'package.json'));
const say = (line) => console.log(`[dist] ${line}`);

/** Runs `npm run build` (through the npm that runs us, when there is one). */
function runBuild() {
  const npmCli = process.env.npm_execpath;
  const [cmd, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli, 'run', 'build']] : ['npm', ['run', 'build']];
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', shell: cmd === 'npm' && process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
}

/** electron-builder's own command-line options (the same as `electron-builder build …`) plus ours. */
function parseArgs(argv) {
  const { createYargs, configureBuildCommand } = require_('electron-builder/out/builder.js');
  return configureBuildCommand(createYargs())
    .option('output', { type: 'string', description: 'Output folder (default: release/)' })
    .option('skip-build', { type: 'boolean', description: 'Do not run `npm run build` first (or IC_SKIP_BUILD=1)' })
    .scriptName('npm run dist --')
    .strict()
    .help()
    .parse(argv);
}

/** The executable an unpacked Electron for `platform` must have. */
function electronExecutableIn(dir, platform) {
  if (platform === 'win32') return path.join(dir, 'electron.exe');
  if (platform === 'darwin') return path.join(dir, 'Electron.app');
  return path.join(dir, 'electron');
}

/**
 * Which Electron to package: IC_ELECTRON_DIST, else the installed one when every target is this machine's
 * platform and arch, else undefined (electron-builder downloads it).
 */
function chooseElectronDist(envDist, targets, Platform, archFromString) {
  const nodePlatforms = [...targets.keys()].map((p) => p.nodeName);
  if (envDist) {
    const dir = path.resolve(envDist);
    if (!fs.existsSync(dir)) throw new Error(`IC_ELECTRON_DIST does not exist: ${dir}`);
    if (fs.statSync(dir).isDirectory()) {
      for (const platform of nodePlatforms) {
        if (!fs.existsSync(electronExecutableIn(dir, platform))) {
          throw new Error(`IC_ELECTRON_DIST (${dir}) has no ${path.basename(electronExecutableIn(dir, platform))}: it must be an unpacked Electron for ${platform} (or an electron-v*.zip)`);
        }
      }
    }
    return { dir, why: 'IC_ELECTRON_DIST' };
  }
  const installed = electronBinaryPath();
  const here = Platform.current();
  const hereArch = archFromString(process.arch);
  const onlyHere = [...targets].every(([platform, archs]) => platform === here && [...archs.keys()].every((a) => a === hereArch));
  if (installed && onlyHere) return { dir: path.join(repoRoot, 'node_modules', 'electron', 'dist'), why: 'the Electron installed by npm ci' };
  return undefined;
}

/** Reads `electronVersion` from electron-builder.yml (a plain `key: value` line). */
function configuredElectronVersion() {
  const yml = fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
  return /^electronVersion:\s*["']?([\w.-]+)/m.exec(yml)?.[1];
}

/** Plain-object deep merge (arrays and other values replace). */
function merge(target, source) {
  for (const [key, value] of Object.entries(source ?? {})) {
    const t = target[key];
    target[key] = value && typeof value === 'object' && !Array.isArray(value) && t && typeof t === 'object' && !Array.isArray(t) ? merge({ ...t }, value) : value;
  }
  return target;
}

/**
 * Builds and packages the app.
 * @param {{ argv?: string[], env?: NodeJS.ProcessEnv, config?: object }} [opts] argv: `npm run dist` arguments;
 *   env: instead of process.env; config: electron-builder options merged over electron-builder.yml (and -c.*).
 * @returns {Promise<{ outputDir: string, artifacts: string[], seconds: number }>}
 */
export async function dist(opts = {}) {
  const argv = opts.argv ?? process.argv.slice(2);
  const env = opts.env ?? process.env;
  const started = Date.now();
  const args = parseArgs(argv);

  const { build, Platform, archFromString } = await import('electron-builder');
  const { normalizeOptions } = require_('electron-builder/out/builder.js');

  const { output, 'skip-build': skipBuildFlag, ...cliOptions } = args;
  if (typeof cliOptions.config === 'string') {
    throw new Error('`-c <file>` is not supported by npm run dist (it would replace electron-builder.yml); use -c.<key>=<value> overrides');
  }
  const outputDir = path.resolve(output ?? path.join(repoRoot, 'release'));
  const normalized = normalizeOptions({ ...cliOptions });

  if (!(skipBuildFlag || env.IC_SKIP_BUILD === '1')) {
    say('npm run build');
    runBuild();
  }
  if (!fs.existsSync(path.join(repoRoot, 'native', 'electron', 'better_sqlite3.node'))) {
    say('WARNING: native/electron/better_sqlite3.node is missing (run `npm ci` where Electron can be downloaded): the packaged window will not open its database.');
  }
  if (!fs.existsSync(path.join(repoRoot, 'models', 'manifest.json'))) {
    say('WARNING: models/manifest.json is missing (run `npm run models:prepare`): the package will have no model packs.');
  }

  const electron = chooseElectronDist(env.IC_ELECTRON_DIST, normalized.targets, Platform, archFromString);
  if (electron) {
    const versionFile = path.join(electron.dir, 'version');
    const wanted = configuredElectronVersion();
    const have = fs.existsSync(versionFile) ? fs.readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : undefined;
    say(`Electron from ${electron.why}: ${electron.dir}${have ? ` (${have})` : ''}`);
    if (have && wanted && have !== wanted) say(`WARNING: that Electron is ${have} but electron-builder.yml says electronVersion ${wanted}.`);
  } else {
    say('Electron: downloaded by electron-builder (set IC_ELECTRON_DIST to an unpacked Electron to build offline).');
  }

  const config = merge(merge({}, cliOptions.config ?? {}), opts.config ?? {});
  config.directories = { ...(config.directories ?? {}), output: outputDir };
  if (electron) config.electronDist = electron.dir;

  // Hooks in electron-builder.yml are resolved against the working folder.
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    const artifacts = await build({ ...normalized, projectDir: repoRoot, config });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    say(`done in ${seconds} s → ${outputDir}`);
    for (const a of artifacts) say(`  ${path.relative(repoRoot, a)}`);
    return { outputDir, artifacts, seconds };
  } finally {
    process.chdir(cwd);
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    await dist();
  } catch (err) {
    console.error(`[dist] failed: ${err?.message ?? err}`);
    process.exitCode = 1;
  }
}
