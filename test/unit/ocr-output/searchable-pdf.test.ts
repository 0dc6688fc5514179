import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrLine, OcrOutput, OcrPage } from '../../../main/common/contract/index.js';
import { searchablePdf } from '../../../main/node/capabilities/ocr/output/searchable-pdf.js';
import { PpOcrEngine } from '../../../main/node/capabilities/ocr/ppocr-engine.js';
import { cer, perfectOcrPage, renderDoc, toRaster } from '../ocr/render-doc.js';

// pdftotext (poppler-utils, installed by .ci/run) is the reader the issue names: what it gets back is what search,
// copy and paste in PDF readers get.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PACK = path.join(root, 'models/packs/pp-ocrv4-ch');
const hasPack = fs.existsSync(path.join(PACK, 'ch_PP-OCRv4_rec_infer.onnx'));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-pdf-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pdftotext(pdf: Uint8Array, ...args: string[]): string {
  const f = path.join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(f, pdf);
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
}

const LINES = ['申请人 王小明', '公民身份号码 330106199001013016', '住址 浙江省杭州市西湖区文三路 88 号', 'Tel: 0571-88886666 Ref.: ZJ2019'];

/** An OCR page whose lines are the rendered lines with their true rectangles (no model needed). */

describe('searchable PDF', () => {
  it('gives back the OCR text through pdftotext, Chinese included, over the original image', async () => {
    const doc = await renderDoc({ title: '个人信息登记表', lines: LINES });
    const page = perfectOcrPage(doc.rects, doc.width, doc.height);
    const out: OcrOutput = { file: 'x.png', pages: [page] };
    const pdf = await searchablePdf(doc.png, out);
    const back = pdftotext(pdf);
    expect(cer(back, page.text)).toBeLessThanOrEqual(0.01);
    expect(back).toContain('浙江省杭州市西湖区');
    // The page is the image at the resolution its PNG header gives, and carries it as an image XObject.
    const loaded = await PDFDocument.load(pdf);
    const p = loaded.getPage(0);
    const dpi = (await sharp(doc.png).metadata()).density ?? 200;
    expect(p.getWidth()).toBeCloseTo((doc.width * 72) / dpi, 1);
    expect(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]!)).includes('/Subtype /Image')).toBe(true);
  });

  it('places each line where its box is (pdftotext -bbox)', async () => {
    const doc = await renderDoc({ lines: LINES });
    const page = perfectOcrPage(doc.rects, doc.width, doc.height);
    const pdf = await searchablePdf(doc.png, { file: 'x.png', pages: [page] });
    const xml = pdftotext(pdf, '-bbox');
    const scale = (await PDFDocument.load(pdf)).getPage(0).getWidth() / doc.width;
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: m[5]!,
    }));
    const id = words.find((w) => w.text === '330106199001013016')!;
    const rect = doc.rects.find((r) => r.text.startsWith('公民身份号码'))!;
    expect(id).toBeDefined();
    // The ID is the second word of its line: it ends at the line's right end, within its vertical band.
    expect(Math.abs(id.x1 - (rect.x + rect.w) * scale)).toBeLessThan(rect.w * scale * 0.02);
    // Vertically inside the line's band (poppler adds its own default descent below the baseline).
    const mid = (id.y0 + id.y1) / 2;
    expect(mid).toBeGreaterThan(rect.y * scale);
    expect(mid).toBeLessThan((rect.y + rect.h) * scale);
  });

  it('turns a sideways scan upright for display and still reads back its text', async () => {
    const doc = await renderDoc({ lines: LINES });
    // The scan as it came in: turned 90° clockwise; OCR reads it after 270° more.
    const turned = await sharp(doc.png).rotate(90).png().toBuffer();
    const W = doc.height;
    const page = perfectOcrPage(doc.rects, doc.width, doc.height);
    // Upright (x, y) is at (W - y, x) in the turned image; the box keeps its corner order from the text's top-left.
    const lines = page.lines.map((l) => ({ ...l, box: l.box.map(([x, y]) => [W - y, x]) as OcrLine['box'] }));
    const sideways: OcrPage = { ...page, lines, rotation: 270, width: doc.height, height: doc.width };
    const pdf = await searchablePdf(turned, { file: 't.png', pages: [sideways] });
    expect((await PDFDocument.load(pdf)).getPage(0).getRotation().angle).toBe(270);
    expect(cer(pdftotext(pdf), page.text)).toBeLessThanOrEqual(0.01);
  });

  it('makes one PDF page per TIFF page, each with its own text', async () => {
    const a = await renderDoc({ lines: ['第一页 营业执照'] });
    const b = await renderDoc({ lines: ['第二页 法定代表人身份证明'] });
    const tiff = await multiTiff([a.png, b.png]);
    const out: OcrOutput = { file: 'm.tif', pages: [perfectOcrPage(a.rects, a.width, a.height, { file: 'x.png', page: 1 }), perfectOcrPage(b.rects, b.width, b.height, { file: 'x.png', page: 2 })] };
    const pdf = await searchablePdf(tiff, out);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
    const back = pdftotext(pdf).split('\f');
    expect(back[0]).toContain('第一页');
    expect(back[1]).toContain('第二页');
  });

  it.skipIf(!hasPack)('is within 1 % CER of the JSON output for a real OCR result', async () => {
    const doc = await renderDoc({ title: '食品经营许可证', lines: LINES });
    const engine = await PpOcrEngine.load(PACK);
    try {
      const r = await engine.recognize(await toRaster(doc.png), { lang: 'auto' });
      const page: OcrPage = {
        file: 'x.png',
        page: 1,
        engine: engine.id,
        rotation: r.rotation,
        text: r.lines.map((l) => l.text).join('\n'),
        lines: r.lines,
        ms: 1,
        width: doc.width,
        height: doc.height,
        source: 'ocr',
      };
      const back = pdftotext(await searchablePdf(doc.png, { file: 'x.png', pages: [page] }));
      expect(page.text.length).toBeGreaterThan(50);
      expect(cer(back, page.text)).toBeLessThanOrEqual(0.01);
    } finally {
      await engine.dispose();
    }
  });
});

/** A two-page TIFF via sharp's multi-page join. */
async function multiTiff(pngs: Buffer[]): Promise<Buffer> {
  const frames = await Promise.all(pngs.map((p) => sharp(p).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  const { width, height } = frames[0]!.info;
  const all = Buffer.concat(frames.map((f) => f.data));
  return sharp(all, { raw: { width, height: height * frames.length, channels: 3, pageHeight: height } }).tiff().toBuffer();
}
