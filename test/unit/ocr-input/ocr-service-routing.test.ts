import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../../main/common/contract/index.js';
import { HYBRID_ENGINE_ID, OcrService } from '../../../main/node/capabilities/ocr/ocr-service.js';
import { looksTraditional } from '../../../main/node/capabilities/ocr/tesseract/script-detect.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';
import { cer, hasFont, packsReady, renderLines, repoPacks } from './tesseract-helpers.js';

const TC = ['中華民國國民身分證申請書', '辦理業務請攜帶有效證件正本', '戶籍謄本與護照影本各一份', '聯絡電話 0912345678'];
const SC = ['居民身份证申请登记表', '办理业务请携带有效证件原件', '联系电话 13812345678'];

const ready =
  packsReady(['pp-ocrv4-ch', 'tesseract-chi-sim', 'tesseract-chi-tra', 'tesseract-eng']) && hasFont('Noto Sans CJK SC') && hasFont('Noto Sans CJK TC');

/** A page as a PNG file, with a red stamp multiplied over the right half of its lines when asked. */
async function pageFile(lines: string[], font: string, o: { seal?: boolean } = {}): Promise<string> {
  const page = await renderLines(lines, font);
  let img = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } });
  if (o.seal) {
    const r = Math.round(page.height * 0.42);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * r}" height="${2 * r}"><g fill="#d3242b" fill-opacity="0.8">
      <circle cx="${r}" cy="${r}" r="${r - 6}" fill="none" stroke="#d3242b" stroke-width="8"/>
      <text x="${r}" y="${r + 12}" font-family="Noto Serif CJK SC" font-size="${Math.round(r * 0.3)}" text-anchor="middle">专用章</text></g></svg>`;
    img = sharp(await img.png().toBuffer()).composite([{ input: Buffer.from(svg), left: 300, top: 10, blend: 'multiply' }]);
  }
  const file = path.join(tempDir('ic-route-'), 'page.png');
  fs.writeFileSync(file, await img.png().toBuffer());
  return file;
}

describe.runIf(ready)('OCR service routing (real models)', () => {
  let svc: OcrService;
  beforeAll(() => {
    svc = new OcrService(repoPacks());
  });
  afterAll(async () => {
    await svc?.dispose();
    cleanupTempDirs();
  });

  it('reads a simplified page with PP-OCRv4 alone', async () => {
    const out = await svc.ocr({ file: { path: await pageFile(SC, 'Noto Sans CJK SC') }, engine: 'auto', lang: 'auto' });
    expect(out.pages[0]!.engine).toBe('ppocr-v4');
    expect(cer(SC.join(''), out.pages[0]!.text)).toBeLessThan(0.05);
  }, 120_000);

  it("reads a traditional page's lines found by PP-OCRv4 with Tesseract chi_tra, a stamp across them", async () => {
    const file = await pageFile(TC, 'Noto Sans CJK TC', { seal: true });
    const out = await svc.ocr({ file: { path: file }, engine: 'auto', lang: 'auto' });
    const p = out.pages[0]!;
    expect(p.engine).toBe(HYBRID_ENGINE_ID);
    expect(looksTraditional(p.text)).toBe(true);
    expect(p.text).not.toMatch(/专用|專用/);
    expect(p.lines).toHaveLength(TC.length);
    expect(cer(TC.join(''), p.text)).toBeLessThan(0.05);
    // Asked for explicitly, the same.
    const asked = await svc.ocr({ file: { path: file }, engine: 'auto', lang: 'zh-Hant' });
    expect(asked.pages[0]!.engine).toBe(HYBRID_ENGINE_ID);
    // Engine "tesseract" reads the whole page with Tesseract, the stamp lifted off as well.
    const whole = await svc.ocr({ file: { path: file }, engine: 'tesseract', lang: 'zh-Hant' });
    expect(whole.pages[0]!.engine).toBe('tesseract');
    expect(cer(TC.join(''), whole.pages[0]!.text)).toBeLessThan(0.1);
  }, 180_000);

  it("reads a scanned PDF's pages side by side and gives them back in the file's order, progress counting in order", async () => {
    // Five image-only pages, each with its own number, so a page out of place shows.
    const pdf = await PDFDocument.create();
    const texts = [1, 2, 3, 4, 5].map((n) => [`第${n}页 居民身份证申请登记表`, `受理编号 2026112900${n}`]);
    for (const lines of texts) {
      const page = await renderLines(lines, 'Noto Sans CJK SC');
      const png = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } }).png().toBuffer();
      const img = await pdf.embedPng(png);
      pdf.addPage([page.width * 0.48, page.height * 0.48]).drawImage(img, { x: 0, y: 0, width: page.width * 0.48, height: page.height * 0.48 });
    }
    const file = path.join(tempDir('ic-route-'), 'scan.pdf');
    fs.writeFileSync(file, await pdf.save());
    const progress: Progress[] = [];
    const out = await svc.ocr({ file: { path: file }, engine: 'auto', lang: 'auto' }, { progress: (p) => progress.push(p) });
    expect(out.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    out.pages.forEach((p, i) => expect(cer(texts[i]!.join(''), p.text)).toBeLessThan(0.1));
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.map((p) => p.message)).toEqual([1, 2, 3, 4, 5].map((n) => `${file} page ${n}`));
  }, 180_000);
});
