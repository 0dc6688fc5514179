import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pluginSandbox, pluginEnv } from '../../main/node/plugins/plugin-sandbox.js';
import { unsafePatternReason } from '../../main/node/plugins/schema-vetting.js';
import { loadManifest } from '../../main/node/plugins/manifest.js';
import { cleanupTempDirs } from '../helpers/temp.js';
import { testHub } from '../helpers/hub.js';
import { writePlugin } from '../helpers/temp-plugin.js';

afterAll(cleanupTempDirs);

const runtime = (flags: string[], electron?: string) => ({ has: (f: string) => flags.includes(f), ...(electron ? { electron } : {}) });

describe('plugin sandbox flags', () => {
  it('uses --permission where the runtime has it (Node >= 22), --experimental-permission on Node 20', () => {
    const n22 = pluginSandbox(['/app'], runtime(['--permission', '--disable-warning']));
    expect(n22.ok && n22.execArgv).toEqual(['--permission', '--allow-fs-read=/app/*', '--disable-warning=ExperimentalWarning']);
    const n20 = pluginSandbox(['/app', '/plug'], runtime(['--experimental-permission']));
    expect(n20.ok && n20.execArgv).toEqual(['--experimental-permission', '--allow-fs-read=/app/*', '--allow-fs-read=/plug/*']);
    expect(n20.ok && n20.network).toMatch(/blocked inside the plugin process.*not an OS-level firewall/);
    const n25 = pluginSandbox(['/app'], runtime(['--permission', '--allow-net']));
    expect(n25.ok && n25.network).toBe('denied by the Node permission model');
  });

  it('without a permission model (Electron without it), plugins are refused with the reason, never run unconfined', async () => {
    const s = pluginSandbox(['/app'], runtime([], '41.7.1'));
    expect(s).toEqual({ ok: false, reason: expect.stringMatching(/Electron 41\.7\.1.*no permission model/) });
    const hub = testHub({ pluginRuntime: runtime([]) });
    try {
      const { plugins } = await hub.client.call('plugins.list');
      const pii = plugins.find((p) => p.id === 'pii-mask')!;
      expect(pii).toMatchObject({ available: false, enabled: false, unavailableReason: expect.stringMatching(/no permission model/) });
      expect((await hub.client.call('capabilities.list')).map((c) => c.id)).not.toContain('pii.mask');
      await expect(hub.client.call('plugins.enable', { id: 'pii-mask' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await hub.close();
    }
  });

  it('a plugin host gets a minimal environment', () => {
    expect(pluginEnv({ HOME: '/home/x', PATH: '/bin', AWS_SECRET_ACCESS_KEY: 's', LANG: 'zh_CN.UTF-8', IC_DATA_DIR: '/d' })).toEqual({ LANG: 'zh_CN.UTF-8' });
  });
});

describe('plugins at run time', () => {
  it('cannot reach the network (fetch, net, ESM named import, dns, http) and see no secrets in their environment', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    process.env.IC_TEST_SECRET = 'do-not-leak';
    const { parent } = writePlugin({
      id: 'nosy',
      capability: 'nosy.try',
      code: `
      const { connect } = await import('node:net');
      const tries = {
        fetch: () => fetch('http://127.0.0.1:${port}/'),
        netConnect: () => new Promise((res, rej) => { const s = connect(${port}, '127.0.0.1'); s.on('connect', res); s.on('error', rej); }),
        dns: () => import('node:dns').then((d) => d.promises.lookup('localhost')),
        http: () => import('node:http').then((h) => new Promise((res, rej) => h.get('http://127.0.0.1:${port}/', res).on('error', rej))),
        dgram: () => import('node:dgram').then((d) => d.createSocket('udp4')),
        listen: () => import('node:net').then((n) => new n.Server().listen(0)),
      };
      api.handle('nosy.try', async () => {
        const out = {};
        for (const [k, f] of Object.entries(tries)) {
          try { await f(); out[k] = 'allowed'; } catch (e) { out[k] = e.code || e.message; }
        }
        out.env = Object.keys(process.env).sort().join(',');
        return out;
      });`,
    });
    const hub = testHub({ extraPluginDirs: [parent] });
    try {
      const r = (await hub.client.call('jobs.run', { capability: 'nosy.try', input: {} })).output as Record<string, string>;
      for (const k of ['fetch', 'netConnect', 'dns', 'http', 'dgram', 'listen']) expect(r[k], k).toBe('ERR_ACCESS_DENIED');
      expect(r.env).not.toMatch(/IC_TEST_SECRET|HOME|PATH/);
      expect(connections).toBe(0);
      const info = (await hub.client.call('plugins.list')).plugins.find((p) => p.id === 'nosy')!;
      expect(info.network).toMatch(/blocked/);
      expect(info.sandbox).toMatch(/permission model/);
    } finally {
      delete process.env.IC_TEST_SECRET;
      await hub.close();
      server.close();
    }
  });

  it('invalid progress and stray messages from a plugin are dropped; valid progress arrives', async () => {
    const { parent } = writePlugin({
      id: 'noisy',
      capability: 'noisy.run',
      code: `api.handle('noisy.run', async (_i, ctx) => {
        ctx.progress({ done: -5 });
        ctx.progress({ done: 'lots', total: 0 });
        ctx.progress({ done: 1, total: 2, message: 'half' });
        process.send({ type: 'result', id: 'x', value: 1 });
        process.send({ type: 'nonsense' });
        process.send('just a string');
        return { ok: true };
      });`,
    });
    const hub = testHub({ extraPluginDirs: [parent] });
    const progress: unknown[] = [];
    const off = hub.events.on((e) => e.type === 'job.progress' && progress.push(e.progress));
    try {
      const r = await hub.client.call('jobs.run', { capability: 'noisy.run', input: {} });
      expect(r.output).toEqual({ ok: true });
      expect(progress).toEqual([{ done: 1, total: 2, message: 'half' }]);
    } finally {
      off();
      await hub.close();
    }
  });
});

describe('plugin folders', () => {
  it('refuses a symlink leading out of the folder (e.g. to hub.sqlite) and a hard link', () => {
    const a = writePlugin({ id: 'sneaky', capability: 'sneaky.read', code: '' });
    const secret = path.join(a.parent, 'hub.sqlite');
    fs.writeFileSync(secret, 'SQLite format 3');
    fs.symlinkSync('../hub.sqlite', path.join(a.folder, 'data.db'));
    expect(() => loadManifest(a.folder)).toThrow(/"data\.db" is a symbolic link leading out of the plugin folder/);
    const b = writePlugin({ id: 'sneaky2', capability: 'sneaky2.read', code: '' });
    fs.linkSync(secret, path.join(b.folder, 'copy.bin'));
    expect(() => loadManifest(b.folder)).toThrow(/"copy\.bin" is a hard link/);
    const c = writePlugin({ id: 'fine', capability: 'fine.read', code: '' });
    fs.mkdirSync(path.join(c.folder, 'lib'));
    fs.symlinkSync('../index.mjs', path.join(c.folder, 'lib', 'main.mjs'));
    expect(loadManifest(c.folder).manifest.id).toBe('fine');
  });

  it('refuses schemas with catastrophic-backtracking patterns before compiling them', () => {
    const { folder } = writePlugin({
      id: 'redos',
      capability: 'redos.run',
      code: '',
      input: { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } },
    });
    expect(() => loadManifest(folder)).toThrow(/pattern "\^\(a\+\)\+\$" .* is refused: .*catastrophic/);
  });
});

describe('pattern vetting', () => {
  it.each(['^[a-z]+$', '^\\d{6}$', '^(ab|cd)$', '^[0-9A-HJ-NPQRTUWXY]{18}$', '^(?:\\+86)?1[3-9]\\d{9}$', '^(\\d{4})-(\\d{2})$', 'a{2,5}b*'])(
    'accepts %s',
    (p) => expect(unsafePatternReason(p)).toBeUndefined(),
  );
  it.each(['(a+)+$', '(a|a)*$', '((a+)b)*', '(\\d*)*$', '(.*){2,}x', '(a|b|ab)+c', '(x+x+)+y', '^(\\w+\\s?)*$', '(a)\\1', 'x'.repeat(501), '(unclosed'])(
    'refuses %s',
    (p) => expect(unsafePatternReason(p)).toBeDefined(),
  );
});
