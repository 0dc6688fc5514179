// End to end: the built console (dist/renderer) in Debian's Chromium, served by the loopback server over a real hub.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/node/hub/hub.js';
import type { RunningServer } from '../../main/node/server/server.js';
import { root, startConsole, type ConsoleE2E } from '../helpers/e2e.js';

const ID = '33010619900101301X';
const PHONE = '13812345678';
const TEXT = `申请人身份证号 ${ID}，联系电话 ${PHONE}，请核对。`;

/** A slow plugin (progress per step, honours cancellation) so the Jobs screen has something live to show. */
function writeFixturePlugins(dir: string): void {
  const wait = path.join(dir, 'demo-wait');
  fs.mkdirSync(wait, { recursive: true });
  fs.writeFileSync(
    path.join(wait, 'plugin.json'),
    JSON.stringify({
      id: 'demo-wait',
      name: 'Demo waiter (test fixture)',
      version: '0.2.0',
      description: 'Waits in steps and reports progress; used by the console e2e test.',
      apiVersion: 1,
      entry: 'index.js',
      capabilities: [
        {
          id: 'demo.wait',
          title: 'Wait in steps',
          input: {
            type: 'object',
            properties: {
              ms: { type: 'integer', minimum: 0, maximum: 60000, description: 'Total time to wait.' },
              steps: { type: 'integer', minimum: 1, maximum: 100 },
              label: { type: 'string', maxLength: 80 },
              fail: { type: 'boolean' },
            },
            required: ['ms'],
            additionalProperties: false,
          },
          output: { type: 'object', properties: { waited: { type: 'integer' }, label: { type: 'string' } }, required: ['waited'] },
        },
      ],
    }),
  );
  fs.writeFileSync(
    path.join(wait, 'index.js'),
    `export function activate(api) {
  api.handle('demo.wait', async ({ ms, steps = 4, label, fail }, { signal, progress }) => {
    for (let i = 1; i <= steps; i++) {
      await new Promise((resolve, reject) => {
        const t = setTimeout(resolve, ms / steps);
        signal.addEventListener('abort', () => { clearTimeout(t); reject(new Error('aborted')); }, { once: true });
      });
      progress({ done: i, total: steps, message: 'step ' + i });
    }
    if (fail) throw new Error('asked to fail');
    return label === undefined ? { waited: ms } : { waited: ms, label };
  });
}
`,
  );
  // A folder the hub must refuse, so the Plugins screen lists a rejected plugin with its reason.
  const broken = path.join(dir, 'broken-plugin');
  fs.mkdirSync(broken, { recursive: true });
  fs.writeFileSync(path.join(broken, 'plugin.json'), JSON.stringify({ id: 'Broken Plugin', name: 'x', version: '1', apiVersion: 1 }));
}

describe('console e2e (Chromium + loopback server)', () => {
  let e2e: ConsoleE2E;
  let hub: Hub;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string, file?: string) => e2e.shot(name, file);
  const watch = (p: Page) => e2e.watch(p);

  beforeAll(async () => {
    e2e = await startConsole({
      name: 'console',
      extraPluginDirs: (tmp) => {
        const extra = path.join(tmp, 'extra-plugins');
        writeFixturePlugins(extra);
        return [extra];
      },
    });
    ({ hub, server, browser, context, page } = e2e);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('opens with the tokened URL, drops the token from the address and shows the browser header', async () => {
    await page.goto(server.url);
    const url = new URL(page.url());
    expect(url.searchParams.has('token')).toBe(false);
    expect(url.pathname).toBe('/');
    await expect.poll(() => page.getByTestId('app-title').textContent()).toContain('Intelligent Center');
    expect(await page.getByTestId('runtime-mode').textContent()).toContain('Browser console (loopback)');
    await expect.poll(() => page.getByTestId('conn-status').textContent()).toContain('Live');
    // The cookie that carries the token is HttpOnly: page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('lists the pii-mask plugin with version, permissions, a switch, and the rejected folder', async () => {
    await page.getByTestId('nav-plugins').click();
    const card = page.getByTestId('plugin-card-pii-mask');
    await card.waitFor();
    expect(await card.textContent()).toContain('Personal-data masker');
    expect(await page.getByTestId('plugin-version-pii-mask').textContent()).toBe('1.0.0');
    expect(await page.getByTestId('plugin-toggle-pii-mask').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('plugin-permissions-pii-mask').textContent()).toContain('None');
    // The network line says plainly how the plugin is kept off the network.
    expect(await page.getByTestId('plugin-network-pii-mask').textContent()).toMatch(/blocked|denied/);
    const rejected = await page.getByTestId('rejected-list').textContent();
    expect(rejected).toContain('broken-plugin');
    expect(rejected).toContain('invalid plugin.json');
    await shot('plugins');

    // Disabling takes pii.mask out of the capability list; enabling brings it back.
    await page.getByTestId('plugin-toggle-pii-mask').click();
    await expect.poll(() => page.getByTestId('plugin-toggle-pii-mask').getAttribute('aria-checked')).toBe('false');
    expect((await hub.client.call('capabilities.list')).map((c) => c.id)).not.toContain('pii.mask');
    await page.getByTestId('plugin-toggle-pii-mask').click();
    await expect.poll(() => page.getByTestId('plugin-toggle-pii-mask').getAttribute('aria-checked')).toBe('true');
    expect((await hub.client.call('capabilities.list')).map((c) => c.id)).toContain('pii.mask');
  });

  it('runs pii.mask from the generated form and shows the masked text, found items, engine and time', async () => {
    await page.getByTestId('nav-run').click();
    await page.getByTestId('capability-item-pii.mask').click();
    expect(await page.getByTestId('run-title').textContent()).toBe('Mask personal data in text');
    // The form comes from the input schema: a textarea for `text`, checkboxes for the `kinds` enum array.
    expect(await page.getByTestId('field-text').evaluate((el) => el.tagName)).toBe('TEXTAREA');
    expect(await page.getByTestId('field-kinds-id_number').getAttribute('type')).toBe('checkbox');
    await page.getByTestId('field-text').fill(TEXT);
    await page.getByTestId('run-button').click();

    const masked = page.getByTestId('masked-text');
    await masked.waitFor();
    const text = (await masked.textContent()) ?? '';
    expect(text).toContain('330106********301X');
    expect(text).toContain('138****5678');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
    expect(await page.getByTestId('engine-badge').textContent()).toBe('plugin:pii-mask@1.0.0');
    expect(await page.getByTestId('run-time').textContent()).toMatch(/\d+(\.\d+)? (ms|s)/);
    const found = await page.getByTestId('found-items').locator('tbody tr').allTextContents();
    expect(found).toHaveLength(2);
    expect(found.join(' ')).toContain('ID number');
    expect(found.join(' ')).toContain('Phone');
    await shot('run');
    await shot('console-run', path.join(root, 'docs', 'screenshots', 'console-run.png'));

    // Only the kinds ticked are masked.
    await page.getByTestId('field-kinds-phone').check();
    await page.getByTestId('run-button').click();
    await expect.poll(async () => (await masked.textContent()) ?? '').toContain(ID);
    expect(await masked.textContent()).toContain('138****5678');
  });

  it('shows error.code and message for bad input', async () => {
    await page.getByTestId('raw-json-toggle').click();
    await page.getByTestId('raw-json').fill('{"txt": "no text field"}');
    await page.getByTestId('run-button').click();
    await page.getByTestId('run-error').waitFor();
    expect(await page.getByTestId('run-error-code').textContent()).toBe('BAD_REQUEST');
    const msg = await page.getByTestId('run-error-message').textContent();
    expect(msg).toContain("must have required property 'text'");
    await shot('run-error');

    // JSON that does not parse is caught before it is sent.
    await page.getByTestId('raw-json').fill('{"text": ');
    await page.getByTestId('run-button').click();
    await expect.poll(() => page.getByTestId('run-error-message').textContent()).toContain('not valid JSON');
  });

  it('shows jobs live, cancels and resumes one, and opens its detail', async () => {
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('jobs-table').waitFor();
    expect(await page.getByTestId('jobs-table').textContent()).toContain('pii.mask');

    // A batch started elsewhere (here: in-process) appears through the WebSocket, without a refresh.
    const job = await hub.client.call('jobs.start', { capability: 'demo.wait', inputs: [{ ms: 1500 }, { ms: 1500 }, { ms: 1500 }] });
    const row = page.getByTestId(`job-row-${job.id}`);
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('running');
    await shot('jobs-running');

    await page.getByTestId(`job-cancel-${job.id}`).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('cancelled');
    expect(await page.getByTestId(`job-resume-${job.id}`).isEnabled()).toBe(true);

    await page.getByTestId(`job-resume-${job.id}`).click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('succeeded');
    expect(await page.getByTestId(`job-items-${job.id}`).textContent()).toContain('3 / 3');

    await page.getByTestId(`job-detail-${job.id}`).click();
    const detail = page.getByTestId('job-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('[data-testid="job-items"] > li').count()).toBe(3);
    expect(await detail.textContent()).toContain('plugin:demo-wait@0.2.0');
    expect(new URL(page.url()).hash).toBe(`#/jobs/${job.id}`);
    await shot('jobs-detail');
  }, 40_000);

  it('cancels its own job only: another client running the same capability meanwhile is left alone', async () => {
    await page.getByTestId('nav-run').click();
    await page.getByTestId('capability-item-demo.wait').click();
    await page.getByTestId('field-ms').fill('4000');
    // Another client starts the same capability just before the console does (within the old 2 s guess window).
    const other = await hub.client.call('jobs.start', { capability: 'demo.wait', inputs: [{ ms: 2500 }] });
    await page.getByTestId('run-button').click();
    await page.getByTestId('run-cancel').click();
    await expect.poll(() => page.getByTestId('run-error-code').textContent(), { timeout: 10_000 }).toBe('CANCELLED');
    const jobs = await hub.client.call('jobs.list', { limit: 10 });
    const mine = jobs.find((j) => j.capability === 'demo.wait' && j.id !== other.id && j.createdAt >= other.createdAt)!;
    expect(mine.status).toBe('cancelled');
    await expect.poll(async () => (await hub.client.call('jobs.get', { id: other.id })).job.status, { timeout: 10_000 }).toBe('succeeded');
  }, 30_000);

  it('switches the console to English and back, the choice kept across a reload', async () => {
    await page.getByTestId('lang-select').click();
    await page.locator('.ant-select-item-option[title="English"], .ant-select-item-option').filter({ hasText: 'English' }).first().click();
    await expect.poll(() => page.getByTestId('nav-prereview').textContent()).toBe('Pre-review');
    expect(await page.getByTestId('runtime-mode').textContent()).toBe('Browser console (loopback)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-jobs').textContent()).toBe('Jobs');
    await page.getByTestId('lang-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '中文' }).first().click();
    await expect.poll(() => page.getByTestId('nav-prereview').textContent()).toBe('预审 Pre-review');
  });

  it('refuses the API to a page opened without the token', async () => {
    const fresh = await browser.newContext();
    try {
      const p = await fresh.newPage();
      await watch(p);
      await p.goto(`http://127.0.0.1:${server.port}/`);
      const status = await p.evaluate(async () => (await fetch('/api/health')).status);
      expect(status).toBe(401);
      const rpc = await p.evaluate(async () => {
        const r = await fetch('/api/rpc/jobs.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        return { status: r.status, body: (await r.json()) as { error?: { code?: string } } };
      });
      expect(rpc.status).toBe(401);
      expect(rpc.body.error?.code).toBe('UNAUTHORIZED');
      // The console says so instead of showing empty screens.
      await p.getByTestId('auth-error').waitFor();
    } finally {
      await fresh.close();
    }
  });

  it('uses window.hub (the Electron preload bridge) when it exists', async () => {
    const p = await context.newPage();
    try {
      await watch(p);
      // Stand-in for the preload: same shape (call, onEvent), backed here by the loopback API; errors are rejected
      // as {code, message} like a HubError payload.
      await p.addInitScript(() => {
        const calls: string[] = [];
        (window as unknown as { __hubCalls: string[] }).__hubCalls = calls;
        Object.defineProperty(window, 'hub', {
          value: Object.freeze({
            async call(method: string, params: unknown) {
              calls.push(method);
              const r = await fetch(`/api/rpc/${method}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify(params ?? {}),
              });
              const body = await r.json();
              if (!r.ok) throw Object.assign(new Error(body.error.message), { code: body.error.code });
              return body;
            },
            onEvent: () => () => undefined,
          }),
        });
      });
      await p.goto(`http://127.0.0.1:${server.port}/#/run`);
      await expect.poll(() => p.getByTestId('runtime-mode').getAttribute('data-mode')).toBe('electron');
      expect(await p.getByTestId('runtime-mode').textContent()).toContain('Electron');
      await p.getByTestId('capability-item-pii.mask').click();
      await p.getByTestId('field-text').fill(`电话 ${PHONE}`);
      await p.getByTestId('run-button').click();
      await expect.poll(() => p.getByTestId('masked-text').textContent()).toBe('电话 138****5678');
      await p.getByTestId('raw-json-toggle').click();
      await p.getByTestId('raw-json').fill('{"text": 5}');
      await p.getByTestId('run-button').click();
      await expect.poll(() => p.getByTestId('run-error-code').textContent()).toBe('BAD_REQUEST');
      const calls = await p.evaluate(() => (window as unknown as { __hubCalls: string[] }).__hubCalls);
      // Capabilities run as a job whose id jobs.start returns (the console follows that id).
      expect(calls).toContain('jobs.start');
    } finally {
      await p.close();
    }
  });

  it('had no CSP violations and no script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
