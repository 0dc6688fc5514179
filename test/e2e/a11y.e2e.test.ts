// Accessibility: axe-core on every screen of the console's registry, in both languages. The screens are found from
// the menu (test ids nav-<id>), so a screen added to the registry is covered without touching this test.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, seriousOf, settledAnimations } from '../helpers/axe.js';
import { startConsole, type ConsoleE2E } from '../helpers/e2e.js';

/** Opens a screen from the menu and waits until it has loaded what it shows. */
async function openScreen(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect.poll(() => new URL(page.url()).hash).toBe(`#/${id}`);
  // The shown screen's host (screens carry data-testid="screen-<id>" too; the host is there whatever the screen).
  await page.locator('#main .screen-host:not([hidden])').first().waitFor();
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('.ant-spin-spinning, .ant-btn-loading').length + (document.querySelector('main')?.textContent?.includes('Loading…') ? 1 : 0)), { timeout: 10_000 })
    .toBe(0);
  await settledAnimations(page);
}

describe('console e2e: accessibility (axe-core) on every screen', () => {
  let e2e: ConsoleE2E;
  let page: Page;
  let ids: string[] = [];

  beforeAll(async () => {
    e2e = await startConsole({ name: 'a11y' });
    page = e2e.page;
    await page.goto(e2e.server.url);
    await page.getByTestId('main-nav').waitFor();
    ids = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid^="nav-"]')].map((el) => el.getAttribute('data-testid')!.slice('nav-'.length)),
    );
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('finds the screens of the registry in the menu', () => {
    // The screens this issue added are among them; the list grows with the registry.
    expect(ids).toEqual(expect.arrayContaining(['prereview', 'ocr', 'run', 'plugins', 'jobs', 'models', 'audit', 'settings']));
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`has no serious or critical violations on any screen (${lang})`, async () => {
      await page.evaluate((l) => localStorage.setItem('ic.lang', l), lang);
      await page.reload();
      await page.getByTestId('main-nav').waitFor();
      const found: string[] = [];
      for (const id of ids) {
        await openScreen(page, id);
        found.push(...seriousOf(await axeViolations(page)).map((v) => `[${id}] ${v}`));
      }
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('had no CSP violations and no script errors (axe included)', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
