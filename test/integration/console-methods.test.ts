// The methods the console's Models and Audit screens added to the contract: an uploaded pack (no path over HTTP),
// the audit trail's filters and its export as JSON lines, and where a download would go.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { App as Hub } from '../../main/node/app/app.js';
import { parseJsonLines, verifyChain } from '../../main/node/log/audit-chain.js';
import { testHub } from '../helpers/hub.js';
import { tarOf, writePackDir } from '../helpers/pack-archives.js';
import { cleanupTempDirs, tempDir } from '../helpers/temp.js';

const hubs: Hub[] = [];
function hub(): Hub {
  const h = testHub();
  hubs.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});
afterAll(cleanupTempDirs);

const stagingLeft = (h: Hub) => fs.readdirSync(h.layout.models).filter((n) => n.startsWith('.staging-'));

describe('models.import with uploaded bytes', () => {
  it('installs the pack, records only the file name, and leaves no upload behind', async () => {
    const h = hub();
    const dir = writePackDir(path.join(tempDir(), 'p'), { id: 'uploaded-pack', version: '3.0.0', files: { 'w.bin': 'abc'.repeat(100) } });
    const base64 = fs.readFileSync(await tarOf(dir, path.join(tempDir(), 'p.tar'))).toString('base64');
    const info = await h.client.call('models.import', { name: '../../somewhere/uploaded pack.tar', base64 });
    expect(info).toMatchObject({ id: 'uploaded-pack', version: '3.0.0', installed: true, location: 'data', verified: true });
    expect(info.source).toBe('import:uploaded_pack.tar');
    expect(stagingLeft(h)).toEqual([]);
    expect((await h.client.call('models.verify', { id: 'uploaded-pack' }))[0]).toMatchObject({ ok: true });
  });

  it('refuses bytes that are no pack archive, leaving nothing behind', async () => {
    const h = hub();
    const err = await h.client.call('models.import', { name: 'x.tar', base64: Buffer.from('not an archive at all').toString('base64') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect(stagingLeft(h)).toEqual([]);
  });

  it('takes either a path or bytes, never both', async () => {
    const h = hub();
    await expect(h.client.call('models.import', { path: '/x.tar', name: 'x.tar', base64: 'AA==' } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('audit.list filters and audit.export', () => {
  it('filters by operator, verdict and time range; the export is the whole chain and verifies', async () => {
    const h = hub();
    await h.client.call('jobs.run', { capability: 'pii.mask', input: { text: 'a' } });
    await h.client.call('settings.set', { operatorName: 'Clerk B' });
    await h.client.call('jobs.run', { capability: 'pii.mask', input: { text: 'b' } });
    await expect.poll(async () => (await h.client.call('audit.list', { action: 'job' })).length).toBe(2);
    const all = await h.client.call('audit.list');

    const byClerk = await h.client.call('audit.list', { operator: 'Clerk B' });
    expect(byClerk.length).toBeGreaterThan(0);
    expect(byClerk.every((e) => e.operator === 'Clerk B')).toBe(true);
    expect(byClerk.length).toBeLessThan(all.length);

    const ok = await h.client.call('audit.list', { verdict: 'SUCCEEDED' });
    expect(ok.map((e) => e.action)).toEqual(['job', 'job']);
    expect(await h.client.call('audit.list', { verdict: 'needs_review' })).toEqual([]);

    const newest = all[0]!;
    const oldest = all[all.length - 1]!;
    // `to` excludes its instant, `from` includes it; offsets other than Z compare as the same instant.
    expect((await h.client.call('audit.list', { to: oldest.at })).length).toBe(0);
    expect((await h.client.call('audit.list', { from: newest.at })).map((e) => e.seq)).toContain(newest.seq);
    const shifted = new Date(Date.parse(oldest.at)).toISOString().replace('Z', '+00:00');
    expect((await h.client.call('audit.list', { from: shifted })).length).toBe(all.length);
    expect((await h.client.call('audit.list', { from: new Date(Date.now() + 60_000).toISOString() })).length).toBe(0);
    await expect(h.client.call('audit.list', { from: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const exp = await h.client.call('audit.export');
    expect(exp.entries).toBe(all.length);
    expect(exp.head).toBe(newest.hash);
    expect(exp.content.trimEnd().split('\n')).toHaveLength(all.length);
    expect(verifyChain(parseJsonLines(exp.content))).toMatchObject({ ok: true, entries: all.length, head: newest.hash });
  });
});

describe('models.fetchSource', () => {
  const saved = { HF_ENDPOINT: process.env.HF_ENDPOINT, IC_MODEL_HOSTS: process.env.IC_MODEL_HOSTS };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('names huggingface.co by default, HF_ENDPOINT when set, and the problem when it cannot be used', async () => {
    const h = hub();
    delete process.env.HF_ENDPOINT;
    delete process.env.IC_MODEL_HOSTS;
    expect(await h.client.call('models.fetchSource')).toEqual({ base: 'https://huggingface.co', host: 'huggingface.co', from: 'default', problem: null, allowedHosts: ['huggingface.co'] });
    process.env.HF_ENDPOINT = 'https://hf-mirror.example/hf/';
    expect(await h.client.call('models.fetchSource')).toMatchObject({ base: 'https://hf-mirror.example/hf', host: 'hf-mirror.example', from: 'HF_ENDPOINT', problem: null });
    process.env.HF_ENDPOINT = 'http://mirror.example';
    const bad = await h.client.call('models.fetchSource');
    expect(bad).toMatchObject({ base: null, host: null, from: 'HF_ENDPOINT' });
    expect(bad.problem).toMatch(/https/);
  });
});
