import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../../main/node/plugins/manifest.js';
import { createApp } from '../../../main/node/app/app.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(cleanupTempDirs);

const good = {
  id: 'demo',
  name: 'Demo',
  version: '1.0.0',
  apiVersion: 1,
  entry: 'index.js',
  capabilities: [{ id: 'demo.echo', title: 'Echo', input: { type: 'object' }, output: { type: 'object' } }],
};

function pluginDir(manifest: unknown, files: Record<string, string> = { 'index.js': 'export function activate(api) { api.handle("demo.echo", (x) => x); }' }, parent = tempDir()): string {
  const dir = path.join(parent, 'p' + Math.random().toString(36).slice(2, 8));
  fs.mkdirSync(dir);
  if (manifest !== undefined) fs.writeFileSync(path.join(dir, 'plugin.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

const errorOf = (dir: string) => {
  try {
    loadManifest(dir);
  } catch (err) {
    return err as Error & { code: string };
  }
  throw new Error('manifest was accepted');
};

describe('plugin manifests', () => {
  it('accepts a good manifest and compiles its schemas', () => {
    const m = loadManifest(pluginDir(good));
    expect(m.manifest.id).toBe('demo');
    expect(m.validators.get('demo.echo')).toBeDefined();
  });

  it.each([
    ['no manifest', undefined, /no plugin\.json/],
    ['broken JSON', '{"id": ', /not valid JSON/],
    ['missing fields', { id: 'demo' }, /name.*|version/],
    ['bad id', { ...good, id: 'Bad Id' }, /id: lowercase/],
    ['bad version', { ...good, version: 'one' }, /semver/],
    ['unknown apiVersion', { ...good, apiVersion: 2 }, /apiVersion 1/],
    ['unknown permission', { ...good, permissions: ['network'] }, /permissions/],
    ['unknown key', { ...good, extra: true }, /extra|Unrecognized/i],
    ['no capabilities', { ...good, capabilities: [] }, /at least one capability/],
    ['un-namespaced capability', { ...good, capabilities: [{ ...good.capabilities[0], id: 'echo' }] }, /namespaced/],
    ['reserved capability', { ...good, capabilities: [{ ...good.capabilities[0], id: 'jobs.hijack' }] }, /reserved/],
    ['invalid JSON Schema', { ...good, capabilities: [{ ...good.capabilities[0], input: { type: 'nonsense' } }] }, /not a valid JSON Schema/],
    ['entry outside the folder', { ...good, entry: '../evil.js' }, /outside the plugin folder|does not exist/],
    ['missing entry', { ...good, entry: 'missing.js' }, /does not exist/],
    ['file input without permission', { ...good, capabilities: [{ ...good.capabilities[0], input: { type: 'object', properties: { data: { type: 'string', contentEncoding: 'base64' } } } }] }, /files\.read-picked/],
  ])('refuses %s with a clear message', (_name, manifest, pattern) => {
    const err = errorOf(pluginDir(manifest));
    expect(err.code).toBe('BAD_MANIFEST');
    expect(err.message).toMatch(/^plugin at /);
    expect(err.message).toMatch(pattern as RegExp);
  });

  it('refuses an entry that is a symlink out of the plugin folder', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'outside.js'), 'export function activate() {}');
    const dir = pluginDir(good, {}, parent);
    fs.symlinkSync(path.join(parent, 'outside.js'), path.join(dir, 'index.js'));
    expect(errorOf(dir).message).toMatch(/(outside|out of) the plugin folder/);
  });

  it('a hub with bad plugin folders starts, lists them as refused and keeps the good ones', async () => {
    const userDir = tempDir();
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'plugins'), { recursive: true });
    pluginDir('not json', undefined, path.join(data, 'plugins'));
    pluginDir({ ...good, id: 'pii-mask' }, undefined, path.join(data, 'plugins')); // id taken by the built-in
    pluginDir({ ...good, id: 'other', capabilities: [{ ...good.capabilities[0], id: 'pii.mask' }] }, undefined, path.join(data, 'plugins'));
    pluginDir(good, undefined, path.join(data, 'plugins'));
    const hub = createApp({ dataDir: data, extraPluginDirs: [userDir] });
    try {
      const { plugins, rejected } = await hub.client.call('plugins.list');
      expect(plugins.map((p) => p.id).sort()).toEqual(['demo', 'pii-mask']);
      expect(rejected).toHaveLength(3);
      expect(rejected.map((r) => r.error).join('\n')).toMatch(/not valid JSON[\s\S]*already used|already used[\s\S]*not valid JSON|already provided/);
      // From the user folder: off until enabled with its permissions acknowledged.
      expect(plugins.find((p) => p.id === 'demo')).toMatchObject({ source: 'user', enabled: false });
      await expect(hub.client.call('plugins.enable', { id: 'demo' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await hub.client.call('plugins.enable', { id: 'demo', acceptPermissions: [] });
      expect((await hub.client.call('jobs.run', { capability: 'demo.echo', input: { a: 1 } })).output).toEqual({ a: 1 });
    } finally {
      await hub.close();
    }
  });
});
