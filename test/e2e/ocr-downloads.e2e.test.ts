// End to end: the OCR screen's downloads in Debian's Chromium against a real hub — OCR runs for real (PP-OCRv4 in the
// model host) on a letter and a ruled table, then the clerk downloads the searchable PDF and the Excel file and this
// test reads them back (pdftotext, exceljs) as the clerk's tools would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTables } from '../../main/node/capabilities/ocr/output/xlsx.js';
import { drawTable, renderTable } from '../../scripts/bench/render-table-eval.mjs';
import { scoreCells } from '../../scripts/bench/table-bench.mjs';
import { axeViolations, seriousOf, settledAnimations } from '../helpers/axe.js';
import { root, startConsole, type ConsoleE2E } from '../helpers/e2e.js';
import { renderPage } from '../helpers/render-page.js';
import { cer } from '../unit/ocr/render-doc.js';

const HAVE_PPOCR = fs.existsSync(path.join(root, 'models', 'packs', 'pp-ocrv4-ch', 'pack.json'));
const SKIP_REASON = HAVE_PPOCR ? '' : ' — SKIPPED: models/packs/pp-ocrv4-ch is not installed (npm run models:prepare)';
const OCR_TIMEOUT = 150_000;

describe.skipIf(!HAVE_PPOCR)(`console e2e: OCR downloads (searchable PDF, Excel)${SKIP_REASON}`, () => {
  let e2e: ConsoleE2E;
  let page: Page;
  let truth: ReturnType<typeof drawTable>;
  let files: Locator;

  let letterPng: Buffer;
  let tableJpg: Buffer;

  beforeAll(async () => {
    e2e = await startConsole({ name: 'ocrdl' });
    page = e2e.page;
    letterPng = await renderPage(['授权委托书', '委托人 王小明 公民身份号码 330106199001013016', '受托人 李华', '委托事项 代为办理企业设立登记']);
    truth = drawTable('twoLevelHeader', 7);
    tableJpg = (await renderTable(truth, { variant: 'scan' })).bytes;
  }, 60_000);

  afterAll(async () => {
    await e2e?.close();
  });

  /** Clicks a download button and waits for the browser's download; returns its name and bytes. */
  async function download(file: Locator, format: string): Promise<{ name: string; bytes: Buffer }> {
    const [dl] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), file.getByTestId(`ocr-downloads-${format}`).click()])) as [Download, void];
    const saved = path.join(e2e.tmp, `dl-${format}-${dl.suggestedFilename()}`);
    await dl.saveAs(saved);
    return { name: dl.suggestedFilename(), bytes: fs.readFileSync(saved) };
  }

  const shownText = async (file: Locator) => (await file.getByTestId('ocr-result-page-1-text').locator('li').allTextContents()).join('\n');

  it('reads a letter and a table on the OCR screen; each file gets its download buttons', async () => {
    await page.goto(e2e.server.url);
    await page.getByTestId('nav-ocr').click();
    await page.getByTestId('screen-ocr').waitFor();
    await page.getByTestId('ocr-files-input').setInputFiles([
      { name: 'letter.png', mimeType: 'image/png', buffer: letterPng },
      { name: 'table.jpg', mimeType: 'image/jpeg', buffer: tableJpg },
    ]);
    await page.getByTestId('ocr-run').click();
    files = page.getByTestId('ocr-file');
    await expect.poll(() => files.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), { timeout: OCR_TIMEOUT }).toEqual(['done', 'done']);
    for (const i of [0, 1]) for (const f of ['txt', 'json', 'pdf', 'xlsx']) expect(await files.nth(i).getByTestId(`ocr-downloads-${f}`).isEnabled()).toBe(true);
  }, OCR_TIMEOUT + 30_000);

  it('downloads a searchable PDF of the letter that pdftotext reads back as the text on screen', async () => {
    const letter = files.nth(0);
    const pdf = await download(letter, 'pdf');
    expect(pdf.name).toBe('letter.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const f = path.join(e2e.tmp, 'letter-check.pdf');
    fs.writeFileSync(f, pdf.bytes);
    const back = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
    const text = await shownText(letter);
    expect(text).toContain('代为办理企业设立登记');
    expect(cer(back, text), back).toBeLessThanOrEqual(0.01);
    // The spinner is gone and no error is shown.
    expect(await letter.getByTestId('ocr-downloads-pdf').getAttribute('class')).not.toContain('ant-btn-loading');
    expect(await letter.getByTestId('ocr-downloads-error').count()).toBe(0);
  }, 90_000);

  it('downloads the table as Excel: the ruled table with its merged header cells', async () => {
    const xlsx = await download(files.nth(1), 'xlsx');
    expect(xlsx.name).toBe('table.xlsx');
    const sheets = await readTables(xlsx.bytes);
    expect([...sheets.keys()]).toEqual(['P1 T1']);
    const s = scoreCells(truth.cells, sheets.get('P1 T1')!);
    expect(s.right / s.cells, JSON.stringify(s.wrong)).toBeGreaterThanOrEqual(0.95);
  }, 90_000);

  it('downloads the text as TXT', async () => {
    const txt = await download(files.nth(0), 'txt');
    expect(txt.name).toBe('letter.txt');
    expect(txt.bytes.toString('utf8').trim()).toBe((await shownText(files.nth(0))).trim());
  }, 90_000);

  it('shows a spinner while the file is produced and the hub\'s error when it fails', async () => {
    const letter = files.nth(0);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // The hub's answer held back, then replaced by an error as the contract carries it.
    await page.route('**/api/rpc/ocr.export', async (route) => {
      await held;
      await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'letter.png: page 2 asked for, but the image has 1 page' } }) });
    });
    await letter.getByTestId('ocr-downloads-xlsx').click();
    await expect.poll(() => letter.getByTestId('ocr-downloads-xlsx').getAttribute('class')).toContain('ant-btn-loading');
    expect(await letter.getByTestId('ocr-downloads-pdf').isDisabled()).toBe(true);
    expect(await letter.getByTestId('ocr-downloads-status').textContent()).toBe('正在生成文件… Producing the file…');
    release();
    await letter.getByTestId('ocr-downloads-error').waitFor();
    expect(await letter.getByTestId('ocr-downloads-error-code').textContent()).toBe('BAD_REQUEST');
    expect(await letter.getByTestId('ocr-downloads-error-message').textContent()).toContain('page 2 asked for');
    expect(await letter.getByTestId('ocr-downloads-xlsx').getAttribute('class')).not.toContain('ant-btn-loading');
    expect(await letter.getByTestId('ocr-downloads-pdf').isEnabled()).toBe(true);
    await page.unroute('**/api/rpc/ocr.export');
  }, 60_000);

  it('records each download in the audit trail, by the file\'s hash', async () => {
    const entries = await e2e.hub.client.call('audit.list', { action: 'ocr.export' });
    expect(entries.map((e) => e.details?.format).sort()).toEqual(['pdf', 'txt', 'xlsx']);
    const job = (await e2e.hub.client.call('audit.list', { action: 'job', capability: 'ocr' }))[0]!;
    // The export's input digest is one of the OCR job's: the two entries are linked without naming the file.
    for (const e of entries) expect(job.inputs!.map((i) => i.sha256)).toContain(e.inputs![0]!.sha256);
  });

  it('has no serious accessibility violations on the OCR screen with results and download buttons (zh-CN and en)', async () => {
    expect(await files.nth(0).getByTestId('ocr-downloads-pdf').textContent()).toBe('可检索 PDF Searchable PDF');
    await settledAnimations(page);
    expect(seriousOf(await axeViolations(page, { include: '[data-testid="screen-ocr"]' }))).toEqual([]);
    // Switched in the header (no reload): the results stay on screen, labels in English.
    await page.getByTestId('lang-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'English' }).first().click();
    await expect.poll(() => files.nth(0).getByTestId('ocr-downloads-pdf').textContent()).toBe('Searchable PDF');
    await settledAnimations(page);
    expect(seriousOf(await axeViolations(page, { include: '[data-testid="screen-ocr"]' }))).toEqual([]);
  });

  it('had no CSP violations and no script errors (the blob: downloads included)', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
