// End to end: the clerk's screens (预审 Pre-review, 文字识别 OCR) in Debian's Chromium against a real hub, with
// documents rendered here and uploaded through the file inputs; OCR runs for real (PP-OCRv4 in the model host).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../main/node/hub/hub.js';
import type { RunningServer } from '../../main/node/server/server.js';
import { root, startConsole, type ConsoleE2E } from '../helpers/e2e.js';

const HAVE_PPOCR = fs.existsSync(path.join(root, 'models', 'packs', 'pp-ocrv4-ch'));
const SKIP_REASON = HAVE_PPOCR ? '' : ' — SKIPPED: models/packs/pp-ocrv4-ch is not installed (npm run models:prepare)';
/** Two documents through OCR on a shared CI core can take a while. */
const OCR_TIMEOUT = 120_000;

const NAME = '孙建平';
const ID = '440305197801011239';

// ---- Documents, drawn with sharp (librsvg) in Noto Sans CJK SC ------------------------------------------------
interface Txt {
  t: string;
  x: number;
  y: number;
  s: number;
  bold?: boolean;
  fill?: string;
  middle?: boolean;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (l: Txt) =>
  `<text x="${l.x}" y="${l.y}" font-size="${l.s}"${l.bold ? ' font-weight="bold"' : ''}${l.fill ? ` fill="${l.fill}"` : ''}${l.middle ? ' text-anchor="middle"' : ''}>${esc(l.t)}</text>`;

/** The photo side of a resident ID card (856×540, the card's proportions), with a photo placeholder. */
async function idCardFront(): Promise<Buffer> {
  const label = '#2d5f8a';
  const lines: Txt[] = [
    { t: '姓名', x: 60, y: 90, s: 26, fill: label },
    { t: NAME, x: 150, y: 90, s: 32 },
    { t: '性别', x: 60, y: 150, s: 26, fill: label },
    { t: '男', x: 150, y: 150, s: 32 },
    { t: '民族', x: 250, y: 150, s: 26, fill: label },
    { t: '汉', x: 340, y: 150, s: 32 },
    { t: '出生', x: 60, y: 210, s: 26, fill: label },
    { t: '1978年1月1日', x: 150, y: 210, s: 32 },
    { t: '住址', x: 60, y: 270, s: 26, fill: label },
    { t: '广东省深圳市福田区', x: 150, y: 270, s: 32 },
    { t: '深南大道6008号', x: 150, y: 314, s: 32 },
    { t: '公民身份号码', x: 60, y: 470, s: 26, fill: label },
    { t: ID, x: 260, y: 470, s: 34 },
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540">
  <rect width="856" height="540" fill="#ffffff"/>
  <rect x="6" y="6" width="844" height="528" rx="28" fill="#eef5fb" stroke="#9fb8cf" stroke-width="3"/>
  <rect x="610" y="70" width="190" height="240" rx="6" fill="#dfe6ee"/>
  <circle cx="705" cy="160" r="52" fill="#b8c4d1"/><path d="M625 310 Q705 200 785 310 Z" fill="#b8c4d1"/>
  <g font-family="Noto Sans CJK SC" fill="#111">${lines.map(text).join('')}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A business licence (副本, landscape A4 at 150 dpi) of the same legal representative. */
async function businessLicence(): Promise<Buffer> {
  const [L, V, R, RV] = [150, 330, 930, 1110];
  const lines: Txt[] = [
    { t: '统一社会信用代码', x: 120, y: 150, s: 26 },
    { t: '91330106MA2H3K7P5T', x: 120, y: 186, s: 26 },
    { t: '营业执照', x: 877, y: 300, s: 96, bold: true, middle: true },
    { t: '（副本）', x: 877, y: 360, s: 30, middle: true },
    { t: '名称', x: L, y: 512, s: 32 },
    { t: '杭州云帆科技有限公司', x: V, y: 512, s: 32 },
    { t: '类型', x: L, y: 592, s: 32 },
    { t: '有限责任公司（自然人独资）', x: V, y: 592, s: 32 },
    { t: '法定代表人', x: L, y: 672, s: 32 },
    { t: NAME, x: V, y: 672, s: 32 },
    { t: '经营范围', x: L, y: 752, s: 32 },
    { t: '技术服务、技术开发', x: V, y: 752, s: 32 },
    { t: '注册资本', x: R, y: 512, s: 32 },
    { t: '壹佰万元整', x: RV, y: 512, s: 32 },
    { t: '成立日期', x: R, y: 592, s: 32 },
    { t: '2020年06月01日', x: RV, y: 592, s: 32 },
    { t: '营业期限', x: R, y: 672, s: 32 },
    { t: '2020年06月01日至长期', x: RV, y: 672, s: 32 },
    { t: '住所', x: R, y: 752, s: 32 },
    { t: '浙江省杭州市西湖区文三路398号', x: RV, y: 752, s: 32 },
    { t: '登记机关', x: 1180, y: 1010, s: 32 },
    { t: '2020年06月01日', x: 1240, y: 1070, s: 30 },
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1754" height="1240">
  <rect width="1754" height="1240" fill="#fbf8ef"/>
  <rect x="40" y="40" width="1674" height="1160" fill="none" stroke="#9a3b2e" stroke-width="10"/>
  <rect x="62" y="62" width="1630" height="1116" fill="none" stroke="#9a3b2e" stroke-width="3"/>
  <g font-family="Noto Sans CJK SC" fill="#111">${lines.map(text).join('')}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe.skipIf(!HAVE_PPOCR)(`clerk screens e2e: pre-review and OCR (Chromium + loopback server + PP-OCRv4)${SKIP_REASON}`, () => {
  let e2e: ConsoleE2E;
  let hub: Hub;
  let server: RunningServer;
  let page: Page;
  let idPng: Buffer;
  let licencePng: Buffer;
  const shot = (name: string, file?: string) => e2e.shot(name, file);

  beforeAll(async () => {
    [idPng, licencePng] = await Promise.all([idCardFront(), businessLicence()]);
    e2e = await startConsole({ name: 'prereview', viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    ({ hub, server, page } = e2e);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('opens on the pre-review screen (first tab) with the catalog in the picker and its materials checklist', async () => {
    await page.goto(server.url);
    await page.getByTestId('screen-prereview').waitFor();
    // The navigation is the antd menu built from the screen registry: menu items, the current one aria-current.
    const tabs = await page.getByTestId('main-nav').getByRole('menuitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(tabs.slice(0, 2)).toEqual(['nav-prereview', 'nav-ocr']);
    expect(tabs).toEqual(expect.arrayContaining(['nav-run', 'nav-plugins', 'nav-jobs']));
    expect(await page.getByTestId('nav-prereview').getAttribute('aria-current')).toBe('page');

    // The select is filled from prereview.services (the catalog), which the hub answers over the loopback API.
    const services = await hub.client.call('prereview.services');
    const options = await page.getByTestId('service-select').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(services.map((s) => s.id));
    await page.getByTestId('service-select').selectOption({ label: '企业设立登记 Company establishment registration' });

    const materials = page.getByTestId('material-list').locator('li');
    const company = services.find((s) => s.id === 'company-establishment')!;
    expect(await materials.count()).toBe(company.materials.length);
    const form = await page.getByTestId('material-application-form').textContent();
    expect(form).toContain('公司登记（备案）申请书');
    expect(form).toContain('必交 Required');
    expect(await page.getByTestId('material-legal-rep-id-back').textContent()).toContain('须在有效期内 Must be valid');
    expect(await page.getByTestId('material-power-of-attorney').textContent()).toContain('可选 Optional');
    // The limits are shown before anything is picked.
    expect(await page.getByTestId('prereview-files-limits').textContent()).toContain('150 MB');
    expect(await page.getByTestId('prereview-run').isDisabled()).toBe(true);
  });

  it('refuses a file over 150 MB with a clear message and keeps it out of the list', async () => {
    // A file picked in the page itself (DataTransfer), so 151 MB need not cross the DevTools protocol.
    await page.getByTestId('prereview-files-input').evaluate((input: HTMLInputElement) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(151 * 1024 * 1024)], 'huge-scan.pdf', { type: 'application/pdf' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const refused = page.getByTestId('prereview-files-refused');
    await refused.waitFor();
    const msg = (await refused.textContent()) ?? '';
    expect(msg).toContain('huge-scan.pdf');
    expect(msg).toContain('151 MB');
    expect(msg).toContain('files over 150 MB are refused');
    expect(await page.getByTestId('prereview-files-files').count()).toBe(0);
  });

  it('pre-reviews an ID card and a business licence for 企业设立登记: verdict, missing materials, types, fields, engine, evidence', async () => {
    await page.getByTestId('prereview-files-input').setInputFiles([
      { name: 'id-front.png', mimeType: 'image/png', buffer: idPng },
      { name: 'business-licence.png', mimeType: 'image/png', buffer: licencePng },
    ]);
    await expect.poll(() => page.getByTestId('prereview-files-files').locator('li').count()).toBe(2);
    expect(await page.getByTestId('prereview-files-refused').count()).toBe(0);

    await page.getByTestId('prereview-run').click();
    // Progress while OCR runs (job.progress events over the WebSocket), then the report.
    await page.getByTestId('prereview-progress').waitFor();
    const banner = page.getByTestId('verdict-banner');
    await banner.waitFor({ timeout: OCR_TIMEOUT });
    expect(await page.getByTestId('prereview-progress').count()).toBe(0);

    // The application form, the ID card's emblem side, the articles and the premises proof are missing: fail.
    expect(await banner.getAttribute('data-verdict')).toBe('fail');
    expect(await banner.textContent()).toContain('不通过');
    expect(await banner.textContent()).toContain('企业设立登记');
    for (const id of ['application-form', 'legal-rep-id-back']) {
      const check = page.getByTestId(`check-material.${id}.missing`);
      expect(await check.getAttribute('data-status')).toBe('fail');
      expect(await check.textContent()).toContain('缺少材料');
      expect(await check.textContent()).toContain('Missing material');
      // The checklist marks it too.
      expect(await page.getByTestId(`material-${id}`).getAttribute('data-status')).toBe('fail');
    }
    expect(await page.getByTestId('checks-fail').textContent()).toContain('公司登记（备案）申请书');
    expect(await page.getByTestId('material-legal-rep-id-front').getAttribute('data-status')).toBe('pass');

    // Documents: detected type and extracted fields with confidence.
    const idDoc = page.getByTestId('documents').locator('[data-type="id_card_front"]');
    const licDoc = page.getByTestId('documents').locator('[data-type="business_license"]');
    expect(await idDoc.locator('.doc-type').textContent()).toContain('身份证人像面');
    expect(await licDoc.locator('.doc-type').textContent()).toContain('营业执照');
    expect(await idDoc.locator('tr[data-field="NAME"]').textContent()).toContain(NAME);
    expect(await idDoc.locator('tr[data-field="ID_NUMBER"]').textContent()).toMatch(new RegExp(`${ID}\\s*\\d+%`));
    expect(await licDoc.locator('tr[data-field="USCC"]').textContent()).toContain('91330106MA2H3K7P5T');

    // Which OCR engine answered.
    expect(await page.getByTestId('prereview-report').getByTestId('engine-badge').textContent()).toBe('ppocr-v4');

    // Evidence: the uploaded image with the box outlined by an SVG polygon in the image's pixel space.
    const viewer = page.getByTestId('evidence-page');
    await viewer.waitFor();
    expect(await viewer.getAttribute('data-mode')).toBe('image');
    const overlay = page.getByTestId('evidence-page-overlay');
    expect(await overlay.getAttribute('viewBox')).toMatch(/^0 0 (856 540|1754 1240)$/);
    expect(await overlay.locator('polygon.box-evidence').count()).toBe(1);

    // "Show" on the ID number puts its box on the ID card page.
    await idDoc.locator('tr[data-field="ID_NUMBER"] button').click();
    await expect.poll(() => page.getByTestId('evidence-page-overlay').getAttribute('viewBox')).toBe('0 0 856 540');
    const points = (await page.getByTestId('evidence-page-overlay').locator('polygon').getAttribute('points')) ?? '';
    const ys = points.split(' ').map((p) => Number(p.split(',')[1]));
    expect(Math.min(...ys)).toBeGreaterThan(400); // the number's line, near the card's bottom
    expect(await page.getByTestId('evidence-viewer').textContent()).toContain(ID);

    // Passed checks are folded while others need attention; opened, their evidence can be picked too.
    const passed = page.getByTestId('check-group-pass');
    expect(await passed.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await passed.locator('summary').click();
    const ev = page.getByTestId('check-material.legal-rep-id-front.present').getByTestId('evidence').first();
    await ev.click();
    expect(await ev.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('evidence-viewer').textContent()).toContain('id-front.png');
    await passed.locator('summary').click();

    await page.getByTestId('prereview-report').evaluate((el) => el.scrollIntoView());
    await idDoc.locator('tr[data-field="ID_NUMBER"] button').click();
    await shot('prereview', path.join(root, 'docs', 'screenshots', 'prereview.png'));
  }, OCR_TIMEOUT + 30_000);

  it('reads an image on the OCR screen: text, line boxes over the image, engine, rotation, time, copy', async () => {
    await page.getByTestId('nav-ocr').click();
    await page.getByTestId('screen-ocr').waitFor();
    // Engine and script are antd radio buttons (one per choice of the contract's lists).
    await page.getByTestId('ocr-engine-auto').click();
    await page.getByTestId('ocr-script-zh-Hans').click();
    expect(await page.getByTestId('ocr-script').locator('.ant-radio-button-wrapper-checked').textContent()).toContain('Simplified Chinese');
    // Dropped on the zone this time (a synthetic drop carrying the file), the other way in besides the picker.
    await page.getByTestId('ocr-files-drop').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'id-front.png', { type: 'image/png' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, idPng.toString('base64'));
    await expect.poll(() => page.getByTestId('ocr-files-files').locator('li').allTextContents()).toEqual([expect.stringContaining('id-front.png')]);
    await page.getByTestId('ocr-run').click();

    const file = page.getByTestId('ocr-file');
    await expect.poll(() => file.getAttribute('data-status'), { timeout: OCR_TIMEOUT }).toBe('done');
    const pageView = file.getByTestId('ocr-result-page-1');
    const lines = await pageView.getByTestId('ocr-result-page-1-text').locator('li').allTextContents();
    const all = lines.join('\n');
    expect(all).toContain(NAME);
    expect(all).toContain(ID);
    expect(all).toContain('深南大道6008号');
    expect(await pageView.getByTestId('ocr-result-page-1-engine').textContent()).toBe('ppocr-v4');
    expect(await pageView.textContent()).toContain('旋转 Rotation 0°');
    expect(await pageView.getByTestId('ocr-result-page-1-ms').textContent()).toMatch(/\d+(\.\d+)? (ms|s)/);
    expect(await file.getByTestId('engine-badge').textContent()).toBe('ppocr-v4');

    // The overlay: one polygon per line, over the picked image, in its 856×540 pixel space.
    expect(await pageView.getByTestId('ocr-result-page-1-view').getAttribute('data-mode')).toBe('image');
    const overlay = pageView.getByTestId('ocr-result-page-1-view-overlay');
    expect(await overlay.getAttribute('viewBox')).toBe('0 0 856 540');
    expect(await overlay.locator('polygon').count()).toBe(lines.length);
    // Hovering a line highlights its box.
    await pageView.getByTestId('ocr-result-page-1-text').locator('li').first().hover();
    expect(await overlay.locator('polygon.box-active').count()).toBe(1);

    await shot('ocr', path.join(root, 'docs', 'screenshots', 'ocr.png'));
    await pageView.getByTestId('ocr-result-page-1-copy').click();
    await expect.poll(() => pageView.getByTestId('ocr-result-page-1-copy').textContent()).toContain('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(ID);
  }, OCR_TIMEOUT + 30_000);

  it('reads several files as ONE batch job on the OCR screen, each file shown as its item lands', async () => {
    const before = new Set((await hub.client.call('jobs.list', { limit: 50 })).map((j) => j.id));
    // The ID card from the previous test is still picked; add the licence.
    await page.getByTestId('ocr-files-input').setInputFiles([{ name: 'business-licence.png', mimeType: 'image/png', buffer: licencePng }]);
    await expect.poll(() => page.getByTestId('ocr-files-files').locator('li').count()).toBe(2);
    await page.getByTestId('ocr-run').click();
    const files = page.getByTestId('ocr-file');
    await expect.poll(() => files.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))), { timeout: OCR_TIMEOUT }).toEqual(['done', 'done']);
    const created = (await hub.client.call('jobs.list', { limit: 50 })).filter((j) => !before.has(j.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ capability: 'ocr', itemsTotal: 2, itemsDone: 2, status: 'succeeded' });
    expect(await page.getByTestId('ocr-batch').getAttribute('data-job')).toBe(created[0]!.id);
    expect(await files.nth(1).getByTestId('ocr-result-page-1-text').textContent()).toContain('91330106MA2H3K7P5T');
  }, OCR_TIMEOUT + 30_000);

  it('keeps the pre-review report when coming back, and lists both jobs (uploaded files dropped, their hashes kept) on the Jobs screen', async () => {
    await page.getByTestId('nav-prereview').click();
    expect(await page.getByTestId('verdict-banner').getAttribute('data-verdict')).toBe('fail');

    await page.getByTestId('prereview-job-link').click();
    const detail = page.getByTestId('job-detail');
    await detail.waitFor();
    await expect.poll(async () => (await detail.textContent()) ?? '').toContain('prereview');
    const text = (await detail.textContent()) ?? '';
    // Keep scans is off: the uploaded files went when the item was done; their name, size and SHA-256 stay.
    expect(text).toMatch(/"removed": true/);
    expect(text).toMatch(/"sha256": "[0-9a-f]{64}"/);
    expect(text).not.toMatch(/"base64"/);
    // The job's output is shown as a report there too.
    expect(await detail.getByTestId('verdict-banner').getAttribute('data-verdict')).toBe('fail');
    const table = (await page.getByTestId('jobs-table').textContent()) ?? '';
    expect(table).toContain('prereview');
    expect(table).toContain('ocr');
  });

  it('had no CSP violations and no script errors', () => {
    expect(e2e.cspMessages).toEqual([]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
