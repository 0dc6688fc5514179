import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStandInElectron } from '../../scripts/make-stand-in-electron.mjs';
import { cleanupTempDirs, repoRoot, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

/**
 * `npm run dist -- --dir` with a stand-in Electron (no Electron can be downloaded here): the layout of the unpacked
 * app, not whether it runs. electron-builder on 2 cores takes ~10-60 s.
 */
describe('npm run dist -- --dir (stand-in Electron)', () => {
  let out = '';
  let app = '';
  let resources = '';
  let run: { status: number | null; output: string } = { status: null, output: '' };

  beforeAll(async () => {
    const work = tempDir('ic-dist-');
    const electron = await makeStandInElectron(path.join(work, 'electron'));
    out = path.join(work, 'release');
    app = path.join(out, 'linux-unpacked');
    resources = path.join(app, 'resources');

    // models/ is filled by `npm run models:prepare`; without a manifest, package a placeholder from the temp dir.
    const config: Record<string, unknown> = {};
    if (!fs.existsSync(path.join(repoRoot, 'models', 'manifest.json'))) {
      const models = path.join(work, 'models');
      fs.mkdirSync(models, { recursive: true });
      fs.writeFileSync(path.join(models, 'manifest.json'), JSON.stringify({ placeholder: true, packs: [] }));
      config.linux = { extraResources: [{ from: models, to: 'models' }] };
    }

    // The dist script as `npm run dist -- --dir` runs it, in its own process; dist/ was built by the global setup.
    const script = `import { dist } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts', 'dist.mjs')).href)};
await dist({ argv: ${JSON.stringify(['--dir', '--linux', '--x64', '--output', out])}, config: ${JSON.stringify(config)} });`;
    // Without vitest's variables: electron-builder hard-links the files it packs when it sees VITEST (its own tests),
    // and a hard-linked plugins/pii-mask is refused by plugin discovery (folder-links.ts) in tests running meanwhile.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...env, IC_ELECTRON_DIST: electron.dir, IC_SKIP_BUILD: '1' },
      timeout: 170_000,
    });
    run = { status: r.status, output: `${r.stdout}\n${r.stderr}\n${r.error?.message ?? ''}` };
  }, 180_000);

  it('packages without errors', () => {
    expect(run.output).not.toMatch(/\[dist\] failed/);
    expect(run.status, run.output).toBe(0);
    expect(fs.existsSync(path.join(app, 'intelligent-center'))).toBe(true);
  }, 180_000);

  it('puts the built app, and only it, in resources/app.asar', () => {
    const files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/main/electron/main.js', '/dist/main/preload/preload.cjs', '/dist/renderer/index.html']));
    const topLevel = new Set(files.map((f) => f.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['bin', 'dist', 'node_modules', 'package.json']);
    expect(files.filter((f) => f.endsWith('.map') || /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith('/node_modules/electron/') || f.startsWith('/node_modules/vitest/'))).toBe(false);
  });

  it('adds the model manifest, the built-in plugins (copies, not hard links to the sources) and no default_app.asar beside it', () => {
    expect(fs.existsSync(path.join(resources, 'models', 'manifest.json'))).toBe(true);
    expect(fs.existsSync(path.join(resources, 'plugins', 'pii-mask', 'plugin.json'))).toBe(true);
    for (const f of ['plugin.json', 'index.js']) expect(fs.statSync(path.join(repoRoot, 'plugins', 'pii-mask', f)).nlink, f).toBe(1);
    expect(fs.existsSync(path.join(resources, 'default_app.asar'))).toBe(false);
    if (fs.existsSync(path.join(repoRoot, 'native', 'electron', 'better_sqlite3.node'))) {
      expect(fs.existsSync(path.join(resources, 'native', 'electron', 'better_sqlite3.node'))).toBe(true);
    }
  });

  it("packs every shipped source of the knowledge graph: the packaged app's shipped hash is the repository's", async () => {
    // A file left out (the thesaurus once was) changes the hash: the packaged app would find its prebuilt base stale
    // and rebuild the graph without that file at first start.
    const { shippedFiles, shippedHash } = (await import(pathToFileURL(path.join(repoRoot, 'dist', 'main', 'node', 'capabilities', 'kg', 'ingest', 'shipped.js')).href)) as typeof import('../../main/node/capabilities/kg/ingest/shipped.js');
    expect(shippedHash(shippedFiles(path.join(resources, 'knowledge-graph')))).toBe(shippedHash(shippedFiles(path.join(repoRoot, 'knowledge-graph'))));
  });

  it('unpacks native modules next to app.asar', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
    expect(fs.existsSync(path.join(unpacked, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'onnxruntime-node', 'bin', 'napi-v6', 'linux', 'x64', 'onnxruntime_binding.node'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'onnxruntime-node', 'bin', 'napi-v6', 'linux', 'x64', 'libonnxruntime.so.1'))).toBe(true);
    // build leftovers are not shipped
    expect(fs.existsSync(path.join(unpacked, 'better-sqlite3', 'deps'))).toBe(false);
  });

  it("keeps only linux/x64's onnxruntime-node binaries", () => {
    const bin = path.join(resources, 'app.asar.unpacked', 'node_modules', 'onnxruntime-node', 'bin');
    const kept = fs.readdirSync(bin).flatMap((napi) =>
      fs.readdirSync(path.join(bin, napi)).flatMap((platform) => fs.readdirSync(path.join(bin, napi, platform)).map((arch) => `${platform}/${arch}`)),
    );
    expect(kept).toEqual(['linux/x64']);
  });

  it('flips the fuses in the executable', async () => {
    const wire = (await getCurrentFuseWire(path.join(app, 'intelligent-center'))) as Record<string, unknown>;
    const on = 49;
    const off = 48;
    // FuseV1Options order: RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
    // LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges
    // RunAsNode off: hosts are utility processes in the desktop app (main/electron/utility-host-spawner.ts).
    expect([0, 1, 2, 3, 4, 5, 7].map((i) => wire[i])).toEqual([off, on, off, off, on, on, off]);
  });
});
