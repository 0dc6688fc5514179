// End to end: the data-protection screens (模型包 Models, 审计 Audit, 设置 Settings) in Debian's Chromium over a real
// hub: what the clerk does there reaches the hub (settings persisted, packs imported and verified, a pack
// downloaded from a loopback mirror with progress) and what the hub records shows up (audit entries, chain check).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines, verifyChain } from '../../main/node/log/audit-chain.js';
import { startConsole, type ConsoleE2E } from '../helpers/e2e.js';
import { tarOf, writePackDir } from '../helpers/pack-archives.js';
import { fixturesDir } from '../helpers/temp.js';

const OPERATOR = '王芳 Counter 3';
const FIXTURE_PACK = path.join(fixturesDir, 'models', 'opus-mt-zh-en');

/** A loopback mirror in the Hugging Face layout serving the opus-mt-zh-en fixture, dripped so progress shows. */
async function startMirror(): Promise<{ base: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mirror');
    requests.push(url.pathname);
    const m = /^\/Xenova\/opus-mt-zh-en\/resolve\/[^/]+\/(.+)$/.exec(url.pathname);
    const file = m ? path.join(FIXTURE_PACK, ...m[1]!.split('/').map(decodeURIComponent)) : '';
    if (!m || !fs.existsSync(file)) {
      res.writeHead(404);
      return void res.end('Entry not found');
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
    let at = 0;
    const drip = setInterval(() => {
      if (at >= body.length) {
        clearInterval(drip);
        return void res.end();
      }
      res.write(body.subarray(at, at + 16 * 1024));
      at += 16 * 1024;
    }, 15);
    res.on('close', () => clearInterval(drip));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('console e2e: Models, Audit and Settings', () => {
  let e2e: ConsoleE2E;
  let page: Page;
  let mirror: Awaited<ReturnType<typeof startMirror>>;
  const savedEndpoint = process.env.HF_ENDPOINT;

  beforeAll(async () => {
    mirror = await startMirror();
    // The hub runs in this process: downloads without a base URL go where HF_ENDPOINT says (a mirror on this machine).
    process.env.HF_ENDPOINT = mirror.base;
    e2e = await startConsole({ name: 'data-protection' });
    page = e2e.page;
    await page.goto(e2e.server.url);
    await page.getByTestId('main-nav').waitFor();
  });

  afterAll(async () => {
    if (savedEndpoint === undefined) delete process.env.HF_ENDPOINT;
    else process.env.HF_ENDPOINT = savedEndpoint;
    await e2e?.close();
    await mirror?.close();
  });

  it('Settings: shows the key provider in use and saves operator, retention and keep scans to the hub', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-form').waitFor();
    const before = await e2e.hub.client.call('settings.get');
    expect(await page.getByTestId('settings-key-provider').textContent()).toBe(before.storage.keyProvider);
    expect(await page.getByTestId('settings-retention').inputValue()).toBe(String(before.settings.retentionDays));
    expect(await page.getByTestId('screen-settings').textContent()).toContain('encrypted');

    await page.getByTestId('settings-operator').fill(OPERATOR);
    await page.getByTestId('settings-retention').fill('7');
    await page.getByTestId('settings-keep-scans').click();
    await page.getByTestId('settings-save').click();
    // Shorter than before: old jobs go at once, so the screen asks first; nothing is saved until confirmed.
    const confirm = page.locator('.ant-popconfirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('7 days');
    expect((await e2e.hub.client.call('settings.get')).settings.retentionDays).toBe(before.settings.retentionDays);
    await confirm.locator('.ant-btn-primary').click();
    await page.getByTestId('settings-saved').waitFor();
    const after = await e2e.hub.client.call('settings.get');
    expect(after.settings).toEqual({ operatorName: OPERATOR, retentionDays: 7, keepScans: !before.settings.keepScans });

    // Persisted: a reload reads them back from the hub.
    await page.reload();
    await page.getByTestId('settings-form').waitFor();
    expect(await page.getByTestId('settings-operator').inputValue()).toBe(OPERATOR);
    expect(await page.getByTestId('settings-retention').inputValue()).toBe('7');
    expect(await page.getByTestId('settings-keep-scans').getAttribute('aria-checked')).toBe(String(!before.settings.keepScans));
  });

  it('Audit: lists the job with the operator, filters it, verifies the chain and exports JSON lines', async () => {
    await e2e.hub.client.call('jobs.run', { capability: 'pii.mask', input: { text: '电话 13812345678' } });
    await expect.poll(async () => (await e2e.hub.client.call('audit.list', { action: 'job' })).length).toBeGreaterThan(0);
    const [job] = await e2e.hub.client.call('audit.list', { action: 'job' });

    await page.getByTestId('nav-audit').click();
    const row = page.getByTestId(`audit-row-${job!.seq}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(OPERATOR);
    expect(text).toContain('pii.mask');
    expect(text).not.toContain('13812345678');
    expect(await page.getByTestId(`audit-verdict-${job!.seq}`).textContent()).toContain('succeeded');

    // Filter by capability: only the job's entry (the settings changes have no capability).
    await page.getByTestId('audit-capability').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^pii\.mask$/ }).click();
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => page.locator('[data-testid^="audit-row-"]').count()).toBe(1);
    // An operator nobody is: nothing.
    await page.getByTestId('audit-operator').fill('nobody at all');
    await page.getByTestId('audit-apply').click();
    await expect.poll(() => page.locator('[data-testid^="audit-row-"]').count()).toBe(0);
    expect(await page.getByTestId('audit-table').textContent()).toContain('No audit entries match');

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const file = path.join(e2e.tmp, 'audit.jsonl');
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8');
    const check = verifyChain(parseJsonLines(lines));
    expect(check.ok).toBe(true);
    expect(check.entries).toBe((await e2e.hub.client.call('audit.list', { limit: 1000 })).length);
    expect(await page.getByTestId('audit-exported').textContent()).toContain(check.head!);
  });

  it('Audit: verify names the line of an entry changed behind the hub', async () => {
    // Someone with the database drops the append-only trigger and edits entry 1 (what the chain is there to catch).
    const db = new Database(path.join(e2e.tmp, 'data', 'hub.sqlite'));
    try {
      db.exec('DROP TRIGGER audit_no_update');
      const row = db.prepare('SELECT entry FROM audit WHERE seq = 1').get() as { entry: string };
      const entry = JSON.parse(row.entry) as { operator: string };
      db.prepare('UPDATE audit SET entry = ? WHERE seq = 1').run(JSON.stringify({ ...entry, operator: 'someone else' }));
    } finally {
      db.close();
    }
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await expect.poll(() => result.getAttribute('data-ok')).toBe('false');
    expect(await result.textContent()).toMatch(/line 1\b/);
  });

  it('Models: imports an uploaded pack, verifies it, and reports a file changed on disk', async () => {
    const dir = writePackDir(path.join(e2e.tmp, 'e2e-pack'), { id: 'e2e-embed-pack', capability: 'embed', version: '2.1.0', files: { 'model.bin': 'weights '.repeat(500) } });
    const tar = await tarOf(dir, path.join(e2e.tmp, 'e2e-embed-pack.tar'));
    await page.getByTestId('nav-models').click();
    await page.getByTestId('models-table').waitFor();
    await page.locator('[data-testid="screen-models"] input[type="file"]').setInputFiles(tar);
    await expect.poll(() => page.getByTestId('models-notice').textContent(), { timeout: 15_000 }).toContain('e2e-embed-pack');
    const row = page.getByTestId('model-row-e2e-embed-pack');
    await row.waitFor();
    expect(await row.textContent()).toContain('2.1.0');
    expect(await row.textContent()).toContain('embed');

    await page.getByTestId('model-verify-e2e-embed-pack').click();
    await expect.poll(() => page.getByTestId('model-checksum-e2e-embed-pack').getAttribute('data-ok')).toBe('true');

    // Same size, different bytes: only a re-hash finds it.
    fs.writeFileSync(path.join(e2e.tmp, 'data', 'models', 'e2e-embed-pack', 'model.bin'), 'WEIGHTS '.repeat(500));
    await page.getByTestId('model-verify-e2e-embed-pack').click();
    await expect.poll(() => page.getByTestId('model-checksum-e2e-embed-pack').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('models-verify-result').textContent()).toMatch(/model\.bin/);

    // An archive whose files do not match its pack.json is refused with the hub's reason; nothing is installed.
    const bad = writePackDir(path.join(e2e.tmp, 'bad-pack'), { id: 'e2e-bad-pack', files: { 'model.bin': 'x' }, record: { files: [{ path: 'model.bin', size: 1, sha256: '0'.repeat(64) }] } });
    await page.locator('[data-testid="screen-models"] input[type="file"]').setInputFiles(await tarOf(bad, path.join(e2e.tmp, 'bad.tar')));
    await page.getByTestId('models-action-error').waitFor({ timeout: 15_000 });
    expect((await e2e.hub.client.call('models.list')).map((m) => m.id)).not.toContain('e2e-bad-pack');
  });

  it('Models: says which host a download contacts, then downloads a pack with progress', async () => {
    expect(await page.getByTestId('models-fetch-source').textContent()).toContain(mirror.base);
    await page.getByTestId('model-fetch-opus-mt-zh-en').click();
    await page.getByTestId('models-fetch-progress').waitFor();
    await expect.poll(() => page.getByTestId('models-notice').textContent(), { timeout: 30_000 }).toContain('opus-mt-zh-en');
    expect(mirror.requests.some((p) => p.startsWith('/Xenova/opus-mt-zh-en/'))).toBe(true);
    const pack = (await e2e.hub.client.call('models.list')).find((m) => m.id === 'opus-mt-zh-en');
    expect(pack?.installed).toBe(true);
    expect(pack?.location).toBe('data');
    await page.getByTestId('model-verify-opus-mt-zh-en').click();
    await expect.poll(() => page.getByTestId('model-checksum-opus-mt-zh-en').getAttribute('data-ok')).toBe('true');
  }, 60_000);

  it('had no CSP violations and no script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
