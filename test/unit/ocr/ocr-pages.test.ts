import { describe, expect, it } from 'vitest';
import type { InferenceSession, TensorF32 } from '../../../main/node/inference/onnx-session.js';
import { DET_LIMIT, medianThickness, TextDetector } from '../../../main/node/capabilities/ocr/det/text-detector.js';
import type { GreyImage, Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';
import { evenLight, findPaper, otsu, paintOutside } from '../../../main/node/capabilities/ocr/preprocess/paper.js';
import { MAX_BATCH_COLUMNS, recTensor, widthBatches } from '../../../main/node/capabilities/ocr/rec/text-recognizer.js';
import { fuseTraditional } from '../../../main/node/capabilities/ocr/tesseract/fuse.js';
import { buildLineSheet, wordsToLines, type SheetWord } from '../../../main/node/capabilities/ocr/tesseract/line-sheet.js';

const grey = (W: number, H: number, f: (x: number, y: number) => number): GreyImage => {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = Math.max(0, Math.min(255, Math.round(f(x, y))));
  return { data, width: W, height: H };
};

/** Whether (x, y) is inside a convex polygon (either winding). */
function insidePoly(poly: readonly (readonly [number, number])[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const c = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
    if (c === 0) continue;
    if (sign && Math.sign(c) !== sign) return false;
    sign = Math.sign(c);
  }
  return true;
}

describe('the paper in a photo', () => {
  // A 400×300 photo: brown desk with grain, a tilted sheet (quad) of paper with lines of text on it.
  const sheet: Quad = [
    [60, 30],
    [350, 45],
    [340, 280],
    [50, 265],
  ];
  const photo = grey(400, 300, (x, y) => {
    if (!insidePoly(sheet, x, y)) return 95 + 10 * Math.sin(x * 0.3 + Math.sin(y * 0.05) * 3);
    return y % 20 < 4 && x > 90 && x < 300 ? 40 : 225;
  });

  it('finds the sheet as the largest bright region, with its outline', () => {
    const p = findPaper(photo)!;
    expect(p).toBeDefined();
    expect(p.paper).toBeGreaterThan(200);
    // Inside points of the sheet are inside the outline, desk corners are not.
    expect(insidePoly(p.hull, 200, 150)).toBe(true);
    expect(insidePoly(p.hull, 70, 50)).toBe(true);
    expect(insidePoly(p.hull, 10, 10)).toBe(false);
    expect(insidePoly(p.hull, 390, 290)).toBe(false);
    expect(p.coverage).toBeGreaterThan(0.5);
    expect(p.coverage).toBeLessThan(0.65);
  });

  it('paints what is outside the outline and leaves the sheet as it was', () => {
    const img = { ...photo, data: photo.data.slice() };
    const p = findPaper(img)!;
    paintOutside(img, p.hull, 225, -3);
    expect(img.data[5 * 400 + 5]).toBe(225);
    expect(img.data[295 * 400 + 395]).toBe(225);
    expect(img.data[150 * 400 + 200]).toBe(photo.data[150 * 400 + 200]);
    expect(img.data[160 * 400 + 200]).toBe(40);
  });

  it('leaves scans alone: paper edge to edge, or on a light scanner bed', () => {
    const scan = grey(400, 300, (x, y) => (y % 20 < 4 && x > 40 && x < 360 ? 40 : 240));
    expect(findPaper(scan)).toBeUndefined();
    const onBed = grey(400, 300, (x, y) => (insidePoly(sheet, x, y) ? (y % 20 < 4 && x > 90 && x < 300 ? 40 : 245) : 226));
    expect(findPaper(onBed)).toBeUndefined();
  });

  it("Otsu's threshold splits two grey levels", () => {
    const t = otsu(Uint8Array.from([...Array(50).fill(40), ...Array(50).fill(220)]));
    expect(t).toBeGreaterThanOrEqual(40);
    expect(t).toBeLessThan(220);
  });

  it('evens out light falling off across the page and keeps the text dark', () => {
    // Paper from 250 on the left to 140 on the right; text strokes at 35 % of the paper's brightness.
    const lit = grey(480, 320, (x, y) => {
      const paper = 250 - (110 * x) / 480;
      return y % 16 < 3 ? paper * 0.35 : paper;
    });
    expect(evenLight(lit)).toBe(true);
    const row = 8 * 480;
    expect(lit.data[row + 10]).toBeGreaterThan(235);
    expect(lit.data[row + 470]).toBeGreaterThan(235);
    expect(lit.data[1 * 480 + 470]).toBeLessThan(110);
    const even = grey(100, 100, (x, y) => (y % 16 < 3 ? 60 : 240));
    const before = even.data.slice();
    expect(evenLight(even)).toBe(false);
    expect(even.data).toEqual(before);
  });
});

describe('Tesseract line sheet', () => {
  const crop = (w: number, h: number, v: number): GreyImage => ({ data: new Uint8Array(w * h).fill(v), width: w, height: h });

  it('stacks line crops with paper between them and records each band', () => {
    const sheet = buildLineSheet([crop(100, 48, 10), crop(200, 48, 20)], { gap: 30, margin: 40 });
    expect(sheet.image.width).toBe(280);
    expect(sheet.image.height).toBe(30 + 48 + 30 + 48 + 30);
    expect(sheet.slots).toEqual([
      { top: 30, bottom: 78, left: 40, height: 48 },
      { top: 108, bottom: 156, left: 40, height: 48 },
    ]);
    const px = (x: number, y: number) => sheet.image.data[y * sheet.image.width + x];
    expect(px(40, 30)).toBe(10);
    expect(px(139, 77)).toBe(10);
    expect(px(140, 50)).toBe(255);
    expect(px(239, 120)).toBe(20);
    expect(px(20, 120)).toBe(255);
  });

  it('puts words back on their lines, in order, with spaces only at wide gaps', () => {
    const sheet = buildLineSheet([crop(400, 48, 0), crop(400, 48, 0), crop(400, 48, 0)], { gap: 30, margin: 40 });
    const w = (text: string, x0: number, x1: number, y: number, confidence = 90): SheetWord => ({ text, confidence, bbox: { x0, x1, y0: y, y1: y + 40 } });
    const words = [
      w('陳怡君', 160, 250, 34, 80),
      w('姓名', 40, 110, 32, 96),
      w('證件號碼', 40, 150, 110),
      w('01234567', 175, 330, 112),
      // Chinese characters Tesseract cut apart, a little gap between them: no space.
      w('有效', 40, 100, 190),
      w('期限', 105, 165, 190),
    ];
    const lines = wordsToLines(words, sheet);
    expect(lines.map((l) => l.text)).toEqual(['姓名 陳怡君', '證件號碼 01234567', '有效期限']);
    expect(lines[0]!.confidence).toBeCloseTo((2 * 96 + 3 * 80) / 5 / 100, 6);
  });

  it('gives an empty reading for a line Tesseract found nothing on', () => {
    const sheet = buildLineSheet([crop(100, 48, 0), crop(100, 48, 0)], { gap: 30, margin: 40 });
    const lines = wordsToLines([{ text: 'abc', confidence: 70, bbox: { x0: 40, x1: 90, y0: 110, y1: 150 } }], sheet);
    expect(lines).toEqual([
      { text: '', confidence: 0 },
      { text: 'abc', confidence: 0.7 },
    ]);
  });
});

describe('recognition batches', () => {
  const crop = (w: number): GreyImage => ({ data: new Uint8Array(w * 48).fill(200), width: w, height: 48 });

  it('runs short lines together and long lines a few at a time', () => {
    const short = Array.from({ length: 10 }, (_, i) => crop(200 + i));
    const batches = widthBatches(short, 8);
    expect(batches.map((b) => b.length)).toEqual([8, 2]);
    // Lines 2000 columns wide: two fit in MAX_BATCH_COLUMNS (4096), not eight.
    const long = Array.from({ length: 6 }, () => crop(2000));
    for (const b of widthBatches(long, 8)) expect(b.length * 2000).toBeLessThanOrEqual(MAX_BATCH_COLUMNS);
    expect(widthBatches(long, 8).flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('pads with zeros into a reused buffer', () => {
    const buf = new Float32Array(3 * 48 * 400).fill(7);
    const t = recTensor([crop(100)], 48, buf);
    expect(t.dims).toEqual([1, 3, 48, 320]);
    expect(t.data.buffer).toBe(buf.buffer);
    expect(t.data[0]).toBeCloseTo(200 / 127.5 - 1, 6);
    expect(t.data[200]).toBe(0);
  });
});

describe('two readings of a traditional line', () => {
  it("keeps Tesseract's reading, with the traditional-only characters PP-OCRv4 read where Tesseract read another", () => {
    // 遠 (traditional-only) read by PP-OCRv4 where Tesseract saw the look-alike 袁.
    expect(fuseTraditional('申請人買明袁', '申請人 買明遠')).toBe('申請人買明遠');
    // PP-OCRv4's simplified or neutral characters never replace Tesseract's: 湾/灣, 陵/陸, 瓣/辦.
    expect(fuseTraditional('臺灣地區居民來往大陸通行證', '臺湾地區居民來往大陵通行證')).toBe('臺灣地區居民來往大陸通行證');
    expect(fuseTraditional('全面覆蓋群眾和企業辦事需求', '全面覆蓋群和企業瓣事需求')).toBe('全面覆蓋群眾和企業辦事需求');
    // Tesseract's spaces and characters only it read stay.
    expect(fuseTraditional('出生日期 1988 年 12 月', '出生日期1988年12月')).toBe('出生日期 1988 年 12 月');
    expect(fuseTraditional('證件號碼 0123', '證件號碼0123')).toBe('證件號碼 0123');
    expect(fuseTraditional('', '證件')).toBe('');
  });
});

describe('detector scale for small print', () => {
  /**
   * A stand-in detector model: the probability map has a text line every 60 page pixels, `thick` page pixels
   * thick, drawn at whatever scale the input comes in; records the input sizes it was given.
   */
  function fakeDetector(pageHeight: number, thick: number, lines = true) {
    const seen: number[][] = [];
    const session: InferenceSession = {
      inputNames: ['x'],
      outputNames: ['y'],
      async run(feeds: Record<string, TensorF32>) {
        const [, , h, w] = feeds.x!.dims as number[];
        seen.push([w!, h!]);
        const s = h! / pageHeight;
        const data = new Float32Array(w! * h!);
        if (lines)
          for (let y = 0; y < h!; y++) {
            const py = y / s;
            if (py % 60 >= 20 && py % 60 < 20 + thick) for (let x = Math.round(w! * 0.1); x < w! * 0.9; x++) data[y * w! + x] = 0.9;
          }
        return { y: { data, dims: [1, 1, h!, w!] } };
      },
      async dispose() {},
    };
    return { session, seen };
  }
  const page = (W: number, H: number): GreyImage => ({ data: new Uint8Array(W * H).fill(240), width: W, height: H });

  it('runs once when the lines are thick enough at the first scale', async () => {
    const { session, seen } = fakeDetector(1400, 30);
    const boxes = await new TextDetector(session).detect(page(1000, 1400));
    expect(seen).toHaveLength(1);
    expect(Math.max(...seen[0]!)).toBeLessThanOrEqual(DET_LIMIT);
    expect(boxes.length).toBeGreaterThan(10);
  });

  it('looks again at a larger scale when the lines are thin, or nothing is found on a large page', async () => {
    const thin = fakeDetector(1400, 6);
    const boxes = await new TextDetector(thin.session).detect(page(1000, 1400));
    expect(thin.seen).toHaveLength(2);
    expect(Math.max(...thin.seen[1]!)).toBeGreaterThan(Math.max(...thin.seen[0]!) * 1.15);
    expect(boxes.length).toBeGreaterThan(10);

    const blank = fakeDetector(1400, 6, false);
    expect(await new TextDetector(blank.session).detect(page(1000, 1400))).toEqual([]);
    expect(blank.seen).toHaveLength(2);

    // A page already smaller than the limit is never enlarged.
    const small = fakeDetector(600, 4);
    await new TextDetector(small.session).detect(page(450, 600));
    expect(small.seen).toHaveLength(1);
  });

  it('measures the median thickness of boxes', () => {
    const box = (w: number, h: number) => ({
      quad: [
        [0, 0],
        [w, 0],
        [w, h],
        [0, h],
      ] as Quad,
      score: 1,
    });
    expect(medianThickness([])).toBe(0);
    expect(medianThickness([box(100, 10), box(20, 200), box(300, 30)])).toBe(20);
  });
});
