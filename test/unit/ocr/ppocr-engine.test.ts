import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../main/common/contract/index.js';
import { PpOcrEngine } from '../../../main/node/capabilities/ocr/ppocr-engine.js';
import { cer, degrade, renderDoc, toRaster, type RenderedDoc } from './render-doc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PACK = path.join(root, 'models/packs/pp-ocrv4-ch');
const hasPack = fs.existsSync(path.join(PACK, 'ch_PP-OCRv4_rec_infer.onnx'));
if (!hasPack) console.warn(`PP-OCRv4 engine tests skipped: no model pack at ${PACK} (npm ci prepares it: npm run models:prepare)`);

const TITLE = '常住人口登记卡';
const LINES = [
  '户主姓名 赵伟',
  '姓名 赵小雨',
  '与户主关系 女',
  '性别 女 民族 汉族',
  '出生日期 2012年09月03日',
  '公民身份号码 330106199001013016',
  '住址 浙江省宁波市海曙区中山西路102号',
  '登记日期 2020年10月15日',
];
const REF = [TITLE, ...LINES].join('\n');
const ID_LINE = '公民身份号码 330106199001013016';

const textOf = (lines: OcrLine[]): string => lines.map((l) => l.text).join('\n');

/** Whether a point lies inside a convex quad (either winding), with some slack in pixels. */
function inside(box: OcrLine['box'], [x, y]: [number, number], slack = 0): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = box[i]!;
    const b = box[(i + 1) % 4]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const c = ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0])) / len;
    if (Math.abs(c) <= slack) continue;
    const s = Math.sign(c);
    if (sign && s !== sign) return false;
    sign = s;
  }
  return true;
}

/** Where a point of the upright page lands once the page is turned clockwise by `deg` (as sharp.rotate does). */
function turned([x, y]: [number, number], deg: number, W: number, H: number): [number, number] {
  if (deg === 90) return [H - y, x];
  if (deg === 180) return [W - x, H - y];
  if (deg === 270) return [y, W - x];
  return [x, y];
}

describe.skipIf(!hasPack)('PP-OCRv4 engine (real models)', () => {
  let engine: PpOcrEngine;
  let doc: RenderedDoc;

  beforeAll(async () => {
    engine = await PpOcrEngine.load(PACK);
    doc = await renderDoc({ title: TITLE, lines: LINES, font: 'Noto Serif CJK SC' });
  }, 120_000);

  afterAll(async () => {
    await engine?.dispose();
  });

  it('reads an upright page with boxes on its lines', async () => {
    const res = await engine.recognize(await toRaster(doc.png), { lang: 'auto' });
    expect(res.rotation).toBe(0);
    expect(cer(textOf(res.lines), REF)).toBeLessThan(0.02);
    expect(res.lines).toHaveLength(LINES.length + 1);
    for (const l of res.lines) {
      expect(l.confidence).toBeGreaterThan(0.5);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
    // Each line's box holds the point a quarter of the way along its rendered rectangle.
    for (const [i, r] of doc.rects.entries()) {
      const line = res.lines[i]!;
      expect(inside(line.box, [r.x + r.w * 0.25, r.y + r.h * 0.5])).toBe(true);
    }
  }, 60_000);

  it('reads pages asked for at once as it reads them one after another (two jobs sharing one engine)', async () => {
    const pages = [await toRaster(doc.png), await toRaster(doc.png, 90), await toRaster(doc.png, 0, 0.8), await toRaster(doc.png, 180)];
    const alone = [];
    for (const p of pages) alone.push(await engine.recognize(p, { lang: 'auto' }));
    const together = await Promise.all(pages.map((p) => engine.recognize(p, { lang: 'auto' })));
    expect(together.map((r) => textOf(r.lines))).toEqual(alone.map((r) => textOf(r.lines)));
    expect(together.map((r) => r.lines.map((l) => l.box))).toEqual(alone.map((r) => r.lines.map((l) => l.box)));
  }, 60_000);

  it('a page that fails (aborted) does not stop the pages queued behind it', async () => {
    const raster = await toRaster(doc.png);
    const aborted = AbortSignal.abort(new Error('stop'));
    const [first, second] = await Promise.allSettled([engine.recognize(raster, { lang: 'auto', signal: aborted }), engine.recognize(raster, { lang: 'auto' })]);
    expect(first.status).toBe('rejected');
    expect(second.status === 'fulfilled' && cer(textOf(second.value.lines), REF)).toBeLessThan(0.02);
  }, 60_000);

  for (const deg of [0, 90, 180, 270] as const) {
    it(`finds the page turned ${deg}° and maps boxes back to the pixels as given`, async () => {
      const raster = await toRaster(doc.png, deg);
      const res = await engine.recognize(raster, { lang: 'auto' });
      // Turned clockwise by deg, it reads upright after turning clockwise by 360 − deg.
      expect(res.rotation).toBe((360 - deg) % 360);
      expect(cer(textOf(res.lines), REF)).toBeLessThan(0.03);
      const rect = doc.rects.find((r) => r.text === ID_LINE)!;
      const line = res.lines.find((l) => l.text.replace(/\s/g, '').includes('330106199001013016'))!;
      expect(line).toBeDefined();
      const W = doc.width;
      const H = doc.height;
      // The line's box, in the turned image's pixels, holds where the line's middle went ...
      const centre = turned([rect.x + rect.w * 0.5, rect.y + rect.h * 0.5], deg, W, H);
      expect(inside(line.box, centre)).toBe(true);
      // ... and its first corner is the text's top-left, wherever that went.
      const topLeft = turned([rect.x, rect.y], deg, W, H);
      expect(Math.hypot(line.box[0][0] - topLeft[0], line.box[0][1] - topLeft[1])).toBeLessThan(rect.h);
      const topRight = turned([rect.x + rect.w, rect.y], deg, W, H);
      expect(Math.hypot(line.box[1][0] - topRight[0], line.box[1][1] - topRight[1])).toBeLessThan(rect.h * 2);
      for (const p of line.box) {
        expect(p[0]).toBeGreaterThanOrEqual(0);
        expect(p[0]).toBeLessThanOrEqual(raster.width);
        expect(p[1]).toBeGreaterThanOrEqual(0);
        expect(p[1]).toBeLessThanOrEqual(raster.height);
      }
    }, 60_000);
  }

  it('reads text under a red seal as if the seal were not there', async () => {
    const ring = '宁波市海曙区公安分局户籍专用章';
    const rect = doc.rects.find((r) => r.text === ID_LINE)!;
    const sealed = await renderDoc({
      title: TITLE,
      lines: LINES,
      font: 'Noto Serif CJK SC',
      // Over the ID number and the address.
      seal: { cx: rect.x + rect.w * 0.7, cy: rect.y + rect.h, text: ring },
    });
    const raster = await degrade(sealed.png, 'seal');
    const clean = await engine.recognize(await toRaster(doc.png), { lang: 'auto' });
    const res = await engine.recognize(raster, { lang: 'auto' });
    const text = textOf(res.lines);
    expect(cer(text, REF)).toBeLessThanOrEqual(cer(textOf(clean.lines), REF) + 0.01);
    expect(text).toContain('330106199001013016');
    // Nothing of the seal's ring or centre is read as text.
    expect(text).not.toMatch(/公安分局|专用章|户籍专/);

    // Without suppression the seal's own characters do come through: the check above means something.
    const plain = await PpOcrEngine.load(PACK, { suppressRed: false });
    try {
      const seen = textOf((await plain.recognize(raster, { lang: 'auto' })).lines);
      expect(cer(seen, REF)).toBeGreaterThan(cer(text, REF));
    } finally {
      await plain.dispose();
    }
  }, 120_000);

  it('reads a red letterhead (红头) while still lifting the seal stamped on the same page', async () => {
    const head = '浙江省人民政府办公厅文件';
    const ring = '宁波市海曙区公安分局户籍专用章';
    const rect = doc.rects.find((r) => r.text === ID_LINE)!;
    const at = { cx: rect.x + rect.w * 0.7, cy: rect.y + rect.h };
    const page = await renderDoc({ title: head, titleColour: '#d02818', titleRule: true, lines: LINES, seal: { ...at, text: ring } });
    const res = await engine.recognize(await degrade(page.png, 'seal'), { lang: 'auto', marks: true });
    const text = textOf(res.lines);
    expect(text).toContain(head);
    expect(text).toContain('330106199001013016');
    expect(text).not.toMatch(/公安分局|专用章|户籍专/);
    // The letterhead's rule is not read as a line of its own, and the one seal found is the stamp.
    expect(res.lines.filter((l) => /^[\s一_—-]+$/.test(l.text))).toEqual([]);
    expect(res.marks?.seals).toHaveLength(1);
    const [x0, y0] = res.marks!.seals[0]!.box[0]!;
    const [x1, y1] = res.marks!.seals[0]!.box[2]!;
    expect(at.cx).toBeGreaterThan(x0);
    expect(at.cx).toBeLessThan(x1);
    expect(at.cy).toBeGreaterThan(y0);
    expect(at.cy).toBeLessThan(y1);
  }, 120_000);

  it('settles upright vs upside down by recognition confidence as well', async () => {
    const checking = await PpOcrEngine.load(PACK, { recognitionCheck: 'always' });
    try {
      for (const deg of [90, 180] as const) {
        const res = await checking.recognize(await toRaster(doc.png, deg), { lang: 'auto' });
        expect(res.orientation.byRecognition).toBe(true);
        expect(res.rotation).toBe((360 - deg) % 360);
        expect(cer(textOf(res.lines), REF)).toBeLessThan(0.03);
      }
    } finally {
      await checking.dispose();
    }
  }, 120_000);

  it('reads a skewed, a half-resolution and a phone-photographed page', async () => {
    for (const variant of ['skew', 'lowres', 'photo'] as const) {
      const res = await engine.recognize(await degrade(doc.png, variant), { lang: 'auto' });
      expect(res.rotation, variant).toBe(0);
      expect(cer(textOf(res.lines), REF), variant).toBeLessThan(0.03);
    }
  }, 120_000);

  // Speed is measured by `npm run bench -- ocr`, never asserted here: this checks the per-stage timings the
  // profile relies on are reported and add up.
  it('reports per-stage timings that add up to at most the page total', async () => {
    const res = await engine.recognize(await toRaster(doc.png), { lang: 'auto' });
    const t = res.timings;
    for (const v of [t.prepMs, t.detMs, t.clsMs, t.recMs]) expect(v).toBeGreaterThanOrEqual(0);
    expect(t.detMs).toBeGreaterThan(0);
    expect(t.recMs).toBeGreaterThan(0);
    expect(t.prepMs + t.detMs + t.clsMs + t.recMs).toBeLessThanOrEqual(t.totalMs + 1);
    console.log(`PP-OCRv4 ${doc.width}×${doc.height}, 9 lines: ${Math.round(t.totalMs)} ms`);
  }, 60_000);

  it('gives no lines for a blank page and stops when aborted', async () => {
    const blank = { data: Buffer.alloc(600 * 800, 250), width: 600, height: 800, channels: 1 as const };
    const res = await engine.recognize(blank, { lang: 'auto' });
    expect(res).toMatchObject({ rotation: 0, lines: [] });
    const ac = new AbortController();
    ac.abort();
    await expect(engine.recognize(await toRaster(doc.png), { lang: 'auto', signal: ac.signal })).rejects.toThrow();
  }, 60_000);
});
