import { describe, expect, it } from 'vitest';
import { RED_FROM, toGrey } from '../../../main/node/capabilities/ocr/preprocess/grey.js';
import type { Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';
import { cropLine } from '../../../main/node/capabilities/ocr/rec/crop.js';
import { flipVote, fromUpright, sidewaysVote, toUpright, uprightQuad, uprightSize } from '../../../main/node/capabilities/ocr/preprocess/orientation.js';
import { readingOrder, type ReadItem } from '../../../main/node/capabilities/ocr/reading-order.js';

const rect = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
const item = (text: string, q: Quad, confidence = 0.9): ReadItem => ({ text, quad: q, confidence });

describe('reading order', () => {
  it('reads rows top to bottom and left to right within a row', () => {
    const out = readingOrder([
      item('第二行', rect(100, 200, 300, 40)),
      item('右', rect(700, 102, 60, 40)),
      item('第一行', rect(100, 100, 300, 40)),
    ]);
    expect(out.map((o) => o.text)).toEqual(['第一行', '右', '第二行']);
  });

  it('merges fragments of one line the detector split, with a space for a word gap', () => {
    const out = readingOrder([
      item('公民身份号码', rect(100, 100, 240, 40), 0.9),
      item('330106199001013016', rect(360, 102, 400, 40), 0.8),
      item('住址', rect(100, 180, 80, 40)),
    ]);
    expect(out.map((o) => o.text)).toEqual(['公民身份号码 330106199001013016', '住址']);
    const merged = out[0]!;
    expect(merged.quad[0]).toEqual([100, 100]);
    expect(merged.quad[2]).toEqual([760, 142]);
    // Weighted by characters: (6×0.9 + 18×0.8) / 24.
    expect(merged.confidence).toBeCloseTo((6 * 0.9 + 18 * 0.8) / 24, 6);
  });

  it('joins a line cut into two overlapping boxes, reading the shared stretch once', () => {
    // '全省受益”' over x 100..265 and '”数据共享应用模式。' over 239..544: the quote (x ≈ 240) is in both boxes.
    const a = { ...item('全省受益”', rect(100, 100, 165, 50)), at: [0.137, 0.301, 0.52, 0.739, 0.848] };
    const b = { ...item('”数据共享应用模式。', rect(239, 101, 305, 50)), at: [0.014, 0.151, 0.261, 0.343, 0.453, 0.563, 0.673, 0.782, 0.865, 0.947] };
    const out = readingOrder([a, b]);
    expect(out.map((o) => o.text)).toEqual(['全省受益”数据共享应用模式。']);
    expect(out[0]!.at).toHaveLength(14);
    // Different readings of the shared stretch are not one text: both kept.
    const other = { ...b, text: '“数据共享应用模式。' };
    expect(readingOrder([a, other]).map((o) => o.text)).toEqual(['全省受益”', '“数据共享应用模式。']);
    // Without character positions, overlapping pieces stay apart as before.
    expect(readingOrder([item(a.text, a.quad), item(b.text, b.quad)])).toHaveLength(2);
  });

  it('keeps far-apart columns of a row as separate lines', () => {
    const out = readingOrder([item('姓名', rect(100, 100, 80, 40)), item('张三', rect(600, 100, 80, 40))]);
    expect(out.map((o) => o.text)).toEqual(['姓名', '张三']);
  });

  it('groups the pieces of skewed lines by their slope', () => {
    // Lines rising 5 % to the right, 50 px apart: the right piece of line 1 sits higher than line 1's left piece,
    // and the left piece of line 2 sits lower than line 1's right end would be on a level page.
    const slope = -0.05;
    const piece = (x: number, y0: number, w: number): Quad => [
      [x, y0 + x * slope],
      [x + w, y0 + (x + w) * slope],
      [x + w, y0 + (x + w) * slope + 30],
      [x, y0 + x * slope + 30],
    ];
    const out = readingOrder([
      item('B2', piece(700, 150, 300)),
      item('A1', piece(100, 100, 300)),
      item('A2', piece(700, 100, 300)),
      item('B1', piece(100, 150, 300)),
    ]);
    expect(out.map((o) => o.text)).toEqual(['A1', 'A2', 'B1', 'B2']);
  });
});

describe('orientation frames', () => {
  it('maps points to the upright frame and back for every rotation', () => {
    const W = 300;
    const H = 200;
    for (const r of [0, 90, 180, 270] as const) {
      const p = toUpright([10, 20], r, W, H);
      expect(fromUpright(p, r, W, H)).toEqual([10, 20]);
      const size = uprightSize(r, W, H);
      // The page's corners stay corners of the upright page.
      for (const c of [[0, 0], [W, 0], [W, H], [0, H]] as const) {
        const u = toUpright(c, r, W, H);
        expect([0, size.width]).toContain(u[0]);
        expect([0, size.height]).toContain(u[1]);
      }
    }
    // Turning the page clockwise moves its top-left corner to the top-right.
    expect(toUpright([0, 0], 90, W, H)).toEqual([H, 0]);
  });

  it('orders a sideways box from the top-left of its text', () => {
    // A vertical line in a page that must be turned 90° clockwise to read: its text runs bottom to top, so the
    // text's top-left is the box's bottom-left corner on the page as given.
    const q = uprightQuad(rect(50, 100, 40, 300), 90, 1000, 800);
    const back = q.map((p) => fromUpright(p, 90, 1000, 800));
    expect(back[0]).toEqual([50, 400]);
    expect(back[1]).toEqual([50, 100]);
  });

  it('votes sideways from elongated boxes and ignores squares', () => {
    expect(sidewaysVote([rect(0, 0, 40, 400), rect(100, 0, 40, 300), rect(0, 0, 50, 50)]).sideways).toBe(true);
    expect(sidewaysVote([rect(0, 0, 400, 40), rect(0, 0, 40, 200)]).sideways).toBe(false);
    expect(sidewaysVote([rect(0, 0, 30, 30)])).toEqual({ sideways: false, confidence: 0.5 });
    expect(flipVote([{ p180: 0.9, weight: 10 }, { p180: 0.2, weight: 1 }])).toBeGreaterThan(0.8);
  });

  it('cuts a line out upright along its quad', () => {
    // A dark bar on the left half of a 100×20 strip: cut with the quad reversed (upside down), it is on the right.
    const W = 100;
    const H = 20;
    const data = new Uint8Array(W * H).fill(255);
    for (let y = 0; y < H; y++) for (let x = 0; x < 50; x++) data[y * W + x] = 0;
    const img = { data, width: W, height: H };
    const up = cropLine(img, rect(0, 0, W, H), 48);
    const down = cropLine(img, [[W, H], [0, H], [0, 0], [W, 0]], 48);
    expect(up.height).toBe(48);
    expect(up.width).toBe(240);
    expect(up.data[24 * 240 + 10]).toBeLessThan(20);
    expect(down.data[24 * 240 + 10]).toBeGreaterThan(235);
    expect(down.data[24 * 240 + 230]).toBeLessThan(20);
  });
});

describe('grey conversion and red-seal suppression', () => {
  const page = (pixels: [number, number, number][]) => ({
    data: Buffer.from(pixels.flat()),
    width: pixels.length,
    height: 1,
    channels: 3 as const,
  });

  it('lifts red ink to the paper and keeps black text under it dark', () => {
    const paper: [number, number, number] = [250, 250, 248];
    const seal: [number, number, number] = [222, 47, 29];
    // Anti-aliased seal edge: 40 % ink multiplied into the paper.
    const edge: [number, number, number] = [
      Math.round(250 * (1 - 0.4 + (0.4 * 222) / 255)),
      Math.round(250 * (1 - 0.4 + (0.4 * 47) / 255)),
      Math.round(248 * (1 - 0.4 + (0.4 * 29) / 255)),
    ];
    const textUnderSeal: [number, number, number] = [Math.round((17 * 222) / 255), Math.round((17 * 47) / 255), 2];
    const text: [number, number, number] = [17, 17, 17];
    const pixels = [...Array<[number, number, number]>(20).fill(paper), seal, edge, textUnderSeal, text];
    const g = toGrey(page(pixels), { stretchContrast: false });
    const paperGrey = g.data[0]!;
    expect(g.data[20]).toBeGreaterThanOrEqual(paperGrey - 8); // solid seal
    expect(g.data[21]).toBeGreaterThanOrEqual(paperGrey - 8); // seal edge: no outline left
    expect(g.data[22]).toBeLessThan(40); // text under the seal
    expect(g.data[23]).toBe(17);
    const plain = toGrey(page(pixels), { suppressRed: false, stretchContrast: false });
    expect(plain.data[20]).toBeLessThan(110);
  });

  it('leaves warm paper and non-red colours alone', () => {
    const warm: [number, number, number] = [240, 240 - RED_FROM, 220];
    const blue: [number, number, number] = [30, 60, 160];
    const g = toGrey(page([warm, blue]), { stretchContrast: false });
    expect(g.data[0]).toBe(Math.round((240 * 299 + (240 - RED_FROM) * 587 + 220 * 114) / 1000));
    expect(g.data[1]).toBe(Math.round((30 * 299 + 60 * 587 + 160 * 114) / 1000));
  });

  it('stretches a washed-out page and composites alpha on white', () => {
    const n = 400;
    const data = Buffer.alloc(n);
    for (let i = 0; i < n; i++) data[i] = i % 10 === 0 ? 120 : 190; // grey ink on grey paper
    const g = toGrey({ data, width: n, height: 1, channels: 1 });
    expect(g.data[0]).toBe(0);
    expect(g.data[1]).toBe(255);
    const rgba = toGrey({ data: Buffer.from([0, 0, 0, 0, 0, 0, 0, 255]), width: 2, height: 1, channels: 4 }, { stretchContrast: false });
    expect([...rgba.data]).toEqual([255, 0]);
  });
});
