// End to end: the Translate screen without a model pack: a dictionary draft (labelled as such), the translator's
// edit stored in memory, and the same sentence translated again comes back as a 100 % memory match with the edit.
import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleE2E } from '../helpers/e2e.js';
import { repoRoot } from '../helpers/temp.js';

describe('console e2e: Translate screen', { timeout: 180_000 }, () => {
  let e2e: ConsoleE2E;
  let page: Page;

  beforeAll(async () => {
    e2e = await startConsole({ name: 'translate' });
    page = e2e.page;
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('translate, edit, save to memory; the edit comes back as a memory match', async () => {
    await page.goto(`${e2e.server.url}#/translate`);
    await page.getByTestId('screen-translate').waitFor();
    const source = '请携带本人户口簿原件。';
    await page.getByTestId('tr-text').fill(source);
    await page.getByTestId('tr-run').click();
    const row = page.getByTestId('tr-segment').first();
    await row.waitFor({ timeout: 90_000 });
    expect(await row.getByTestId('tr-origin').getAttribute('data-origin')).toBe('dictionary');
    await page.getByTestId('tr-draft-note').waitFor();

    const edit = 'Please bring the original of your household register.';
    await row.getByTestId('tr-target').fill(edit);
    await row.getByTestId('tr-save').click();
    await expect.poll(() => row.getByTestId('tr-save').isDisabled()).toBe(true);
    expect((await e2e.hub.client.call('tm.stats', {})).units).toBe(1);

    await page.getByTestId('tr-run').click();
    await expect.poll(() => page.getByTestId('tr-segment').first().getByTestId('tr-origin').getAttribute('data-origin'), { timeout: 60_000 }).toBe('tm');
    const again = page.getByTestId('tr-segment').first();
    expect(await again.getByTestId('tr-target').inputValue()).toBe(edit);
    expect(await again.getByTestId('tr-origin').textContent()).toMatch(/100%/);

    // Export: the reviewed translation downloads as a DOCX that holds the edit.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tr-export').click()]);
    const file = path.join(e2e.tmp, download.suggestedFilename());
    await download.saveAs(file);
    expect(file.endsWith('.docx')).toBe(true);
    expect((await mammoth.extractRawText({ path: file })).value).toContain(edit);
    await e2e.shot('translate', path.join(repoRoot, 'docs', 'screenshots', 'translate.png'));
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
