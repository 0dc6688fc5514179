// End to end: a hub whose OCR model packs are missing lists OCR and pre-review as unavailable with the reason, and
// the console shows them greyed (menu, capability list) and says why on the screen instead of failing on run.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityInfo } from '../../main/common/contract/capabilities.js';
import { features } from '../../main/node/app/features.js';
import { startConsole, type ConsoleE2E } from '../helpers/e2e.js';

/** The app's features, each model-pack need asking for an engine no pack has: as on a machine without the packs. */
const featuresWithoutPacks = features.map((f) => (f.needs?.length ? { ...f, needs: f.needs.map((n) => ({ ...n, engines: ['engine-not-installed'] })) } : f));

describe('console e2e: features whose model packs are missing', () => {
  let e2e: ConsoleE2E;
  let page: Page;
  let ocr: (CapabilityInfo & { unavailable?: string }) | undefined;

  beforeAll(async () => {
    e2e = await startConsole({ name: 'unavailable', app: () => ({ features: featuresWithoutPacks }) });
    page = e2e.page;
    ocr = (await e2e.hub.client.call('capabilities.list')).find((c) => c.id === 'ocr');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('the hub lists OCR as unavailable, with the reason', () => {
    expect(ocr?.unavailable).toMatch(/\S/);
  });

  it('greys the OCR and pre-review menu items, and only those', async () => {
    await page.goto(e2e.server.url);
    await page.getByTestId('screen-prereview').waitFor();
    await expect.poll(() => page.getByTestId('nav-ocr').getAttribute('class')).toContain('nav-unavailable');
    expect(await page.getByTestId('nav-prereview').getAttribute('class')).toContain('nav-unavailable');
    expect(await page.getByTestId('nav-jobs').getAttribute('class')).not.toContain('nav-unavailable');
    await page.getByTestId('prereview-unavailable').waitFor();
    expect(await page.getByTestId('prereview-run').isDisabled()).toBe(true);
  });

  it('says why on the OCR screen and does not offer to run', async () => {
    await page.getByTestId('nav-ocr').click();
    const notice = page.getByTestId('ocr-unavailable');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(ocr!.unavailable!);
    await page.getByTestId('ocr-files-input').setInputFiles([{ name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') }]);
    expect(await page.getByTestId('ocr-run').isDisabled()).toBe(true);
  });

  it('shows the capability greyed with the reason on the Capabilities screen', async () => {
    await page.getByTestId('nav-run').click();
    const item = page.getByTestId('capability-unavailable-ocr');
    await item.waitFor();
    expect(await item.textContent()).toContain(ocr!.unavailable!);
    await page.getByTestId('capability-item-ocr').click();
    expect(await page.getByTestId('run-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('run-unavailable').textContent()).toContain(ocr!.unavailable!);
  });

  it('had no CSP violations and no script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
