import { describe, expect, it } from 'vitest';
import { boxScoreFast, dbPostprocess, dilate2x2, unclipRect } from '../../../main/node/capabilities/ocr/det/db-postprocess.js';
import { connectedComponents, miniBoxOrder, minAreaRect, orderClockwise, rectCorners } from '../../../main/node/capabilities/ocr/det/geometry.js';
import { cropGrey, detInputSize, filterBoxes, inkRegion, letterbox, TextDetector } from '../../../main/node/capabilities/ocr/det/text-detector.js';
import type { InferenceSession, TensorF32 } from '../../../main/node/inference/onnx-session.js';
import type { Pt, Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';

/** A probability map with axis-aligned blobs of a given probability. */
function probMap(w: number, h: number, blobs: { x: number; y: number; w: number; h: number; p: number }[]): Float32Array {
  const m = new Float32Array(w * h).fill(0.02);
  for (const b of blobs) for (let y = b.y; y < b.y + b.h; y++) for (let x = b.x; x < b.x + b.w; x++) m[y * w + x] = b.p;
  return m;
}

/** Draws a filled rotated rectangle into a probability map. */
function rotatedBlob(m: Float32Array, w: number, h: number, cx: number, cy: number, len: number, thick: number, deg: number, p: number): void {
  const a = (deg * Math.PI) / 180;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const u = dx * ux + dy * uy;
      const v = -dx * uy + dy * ux;
      if (Math.abs(u) <= len / 2 && Math.abs(v) <= thick / 2) m[y * w + x] = p;
    }
  }
}

const xs = (q: Quad): number[] => q.map((p) => p[0]);
const ys = (q: Quad): number[] => q.map((p) => p[1]);

describe('DB post-processing', () => {
  it('turns text kernels into grown boxes in the destination pixels, dropping weak and tiny regions', () => {
    const W = 200;
    const H = 100;
    const map = probMap(W, H, [
      { x: 20, y: 20, w: 100, h: 10, p: 0.9 }, // a text line
      { x: 20, y: 60, w: 60, h: 12, p: 0.4 }, // above thresh, but a weak box (mean < 0.5)
      { x: 150, y: 60, w: 2, h: 2, p: 0.95 }, // too small
    ]);
    const boxes = dbPostprocess(map, W, H, 400, 200, { useDilation: false });
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    expect(box!.score).toBeCloseTo(0.9, 1);
    // Kernel spans x 20..119, y 20..29 (pixel centres): w 99, h 9. Unclip distance = 99*9*1.6 / (2*(99+9)) = 6.6.
    const d = (99 * 9 * 1.6) / (2 * (99 + 9));
    const q = box!.quad;
    expect(Math.min(...xs(q))).toBeCloseTo((20 - d) * 2, -0.5);
    expect(Math.max(...xs(q))).toBeCloseTo((119 + d) * 2, -0.5);
    expect(Math.min(...ys(q))).toBeCloseTo((20 - d) * 2, -0.5);
    expect(Math.max(...ys(q))).toBeCloseTo((29 + d) * 2, -0.5);
    // Corners clockwise from top-left.
    expect(q[0][0]).toBeLessThan(q[1][0]);
    expect(q[0][1]).toBeLessThan(q[3][1]);
    expect(q[2][0]).toBeGreaterThan(q[3][0]);
  });

  it('keeps the angle of a skewed line and splits separate lines', () => {
    const W = 240;
    const H = 160;
    const map = new Float32Array(W * H).fill(0.01);
    rotatedBlob(map, W, H, 120, 50, 160, 12, 10, 0.85);
    rotatedBlob(map, W, H, 120, 110, 160, 12, 10, 0.85);
    const boxes = dbPostprocess(map, W, H, W, H);
    expect(boxes).toHaveLength(2);
    for (const b of boxes) {
      const [tl, tr] = miniBoxOrder(b.quad);
      const angle = (Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) * 180) / Math.PI;
      expect(angle).toBeGreaterThan(8);
      expect(angle).toBeLessThan(12);
    }
    const cys = boxes.map((b) => ys(b.quad).reduce((s, y) => s + y, 0) / 4).sort((a, b) => a - b);
    expect(cys[0]).toBeCloseTo(50, -1);
    expect(cys[1]).toBeCloseTo(110, -1);
  });

  it('scores a box by the mean probability inside it', () => {
    const W = 50;
    const H = 50;
    const map = probMap(W, H, [{ x: 10, y: 10, w: 20, h: 10, p: 1 }]);
    expect(boxScoreFast(map, W, H, [[10, 10], [29, 10], [29, 19], [10, 19]])).toBeCloseTo(1, 5);
    // A box twice as tall covers half ones, half background.
    const half = boxScoreFast(map, W, H, [[10, 10], [29, 10], [29, 29], [10, 29]]);
    expect(half).toBeGreaterThan(0.45);
    expect(half).toBeLessThan(0.6);
  });

  it('dilates with a 2×2 kernel toward the bottom-right', () => {
    const src = new Uint8Array(9);
    src[4] = 1; // centre of 3×3
    expect([...dilate2x2(src, 3, 3)]).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1]);
  });

  it('grows a rectangle by area × ratio / perimeter on each side', () => {
    const r = unclipRect({ cx: 0, cy: 0, w: 100, h: 10, angle: 0.3 }, 1.5);
    const d = (100 * 10 * 1.5) / 220;
    expect(r.w).toBeCloseTo(100 + 2 * d, 6);
    expect(r.h).toBeCloseTo(10 + 2 * d, 6);
    expect(r.angle).toBe(0.3);
  });
});

describe('geometry', () => {
  it('finds 8-connected components with their extents', () => {
    // Two diagonal pixels are one component; a separate block is another.
    const w = 6;
    const bm = new Uint8Array([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1]);
    const comps = connectedComponents(bm, w, 3);
    expect(comps).toHaveLength(2);
    expect(comps[0]).toMatchObject({ area: 2, minX: 0, maxX: 1, minY: 0, maxY: 1 });
    expect(comps[1]).toMatchObject({ area: 4, minX: 4, maxX: 5, minY: 1, maxY: 2 });
  });

  it('gives the minimum-area rectangle of a rotated point set', () => {
    const pts: Pt[] = [];
    const a = (30 * Math.PI) / 180;
    for (let u = -50; u <= 50; u += 5) for (let v = -5; v <= 5; v += 5) pts.push([100 + u * Math.cos(a) - v * Math.sin(a), 80 + u * Math.sin(a) + v * Math.cos(a)]);
    const r = minAreaRect(pts);
    expect(Math.max(r.w, r.h)).toBeCloseTo(100, 4);
    expect(Math.min(r.w, r.h)).toBeCloseTo(10, 4);
    expect(r.cx).toBeCloseTo(100, 4);
    expect(r.cy).toBeCloseTo(80, 4);
    const corners = rectCorners(r);
    for (const p of pts) {
      // Every point inside (or on) the rectangle.
      const q = orderClockwise(corners);
      for (let i = 0; i < 4; i++) {
        const s = q[i]!;
        const t = q[(i + 1) % 4]!;
        expect((t[0] - s[0]) * (p[1] - s[1]) - (t[1] - s[1]) * (p[0] - s[0])).toBeGreaterThan(-1e-6);
      }
    }
  });

  it('orders corners clockwise from the top-left', () => {
    expect(orderClockwise([[10, 10], [0, 10], [10, 0], [0, 0]])).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
  });
});

describe('detector sizing and box filtering', () => {
  it('limits the longer side and rounds both to multiples of 32', () => {
    expect(detInputSize(1240, 1754, 960)).toEqual({ width: 672, height: 960 });
    expect(detInputSize(620, 877, 960)).toEqual({ width: 608, height: 864 });
    expect(detInputSize(10, 10, 960)).toEqual({ width: 32, height: 32 });
  });

  it('clips boxes to the image and drops slivers', () => {
    const boxes = filterBoxes(
      [
        { quad: [[-5, 10], [120, 10], [120, 40], [-5, 40]], score: 0.9 },
        { quad: [[10, 50], [60, 50], [60, 53], [10, 53]], score: 0.9 },
      ],
      100,
      100,
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.quad).toEqual([[0, 10], [99, 10], [99, 40], [0, 40]]);
  });

  it('pads a single cut-out line with paper so the detector does not squash it', () => {
    const W = 400;
    const H = 20;
    const data = new Uint8Array(W * H).fill(250);
    data[5 * W + 7] = 0;
    const { image, top, left } = letterbox({ data, width: W, height: H });
    // Short side becomes 2 × max(400 / 8, 30) = 100.
    expect([image.width, image.height, top, left]).toEqual([400, 100, 40, 0]);
    expect(image.data[0]).toBe(250);
    expect(image.data[(5 + top) * W + 7]).toBe(0);
    const page = { data: new Uint8Array(100 * 140), width: 100, height: 140 };
    expect(letterbox(page).image).toBe(page);
  });
});

/** A paper page (grain-free, level 235) with dark rectangles on it. */
function page(W: number, H: number, rects: { x: number; y: number; w: number; h: number }[]): { data: Uint8Array; width: number; height: number } {
  const data = new Uint8Array(W * H).fill(235);
  for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) data.fill(30, y * W + r.x, y * W + r.x + r.w);
  return { data, width: W, height: H };
}

/**
 * A stand-in detector model that calls every dark input pixel text (the DB map is 1 where the normalised input is
 * dark), recording the input sizes it was given.
 */
function darkPixelDetector(): { session: InferenceSession; inputs: number[][] } {
  const inputs: number[][] = [];
  const session: InferenceSession = {
    inputNames: ['x'],
    outputNames: ['y'],
    run: async (feeds: Record<string, TensorF32>) => {
      const x = feeds.x!;
      const [, , h, w] = x.dims as [number, number, number, number];
      inputs.push([w, h]);
      const map = new Float32Array(w * h);
      // Channel 0 normalised: (v/255 − 0.485)/0.229; ink (30) ≈ −1.6, paper (235) ≈ 1.9.
      for (let i = 0; i < w * h; i++) map[i] = x.data[i]! < 0 ? 0.95 : 0;
      return { y: { data: map, dims: [1, 1, h, w] } };
    },
    dispose: async () => {},
  };
  return { session, inputs };
}

describe('detection on the inked part of the page', () => {
  it('finds the rectangle holding the ink, with a margin, and nothing on a blank or full page', () => {
    const W = 1000;
    const H = 1400;
    const r = inkRegion(page(W, H, [{ x: 300, y: 500, w: 400, h: 30 }, { x: 300, y: 600, w: 200, h: 30 }]))!;
    const margin = 0.03 * H;
    expect(r.x).toBeCloseTo(300 - margin, -1);
    expect(r.y).toBeCloseTo(500 - margin, -1);
    expect(r.x + r.width).toBeCloseTo(700 + margin, -1);
    expect(r.y + r.height).toBeCloseTo(630 + margin, -1);
    // A few stray dark pixels (dust) do not stretch it.
    const dusty = page(W, H, [{ x: 300, y: 500, w: 400, h: 30 }]);
    dusty.data[10 * W + 10] = 0;
    expect(inkRegion(dusty)!.x).toBeGreaterThan(200);
    expect(inkRegion(page(W, H, []))).toBeUndefined();
    // Text from corner to corner: cropping would save too little.
    expect(inkRegion(page(W, H, [{ x: 20, y: 20, w: 960, h: 30 }, { x: 20, y: 1350, w: 960, h: 30 }]))).toBeUndefined();
    const c = cropGrey(page(10, 10, [{ x: 2, y: 3, w: 1, h: 1 }]), { x: 2, y: 3, width: 4, height: 2 });
    expect([c.width, c.height, c.data[0], c.data[1]]).toEqual([4, 2, 30, 235]);
  });

  it("runs the model on that part only, at the whole page's scale, and gives boxes in the page's pixels", async () => {
    const img = page(1165, 1654, [
      { x: 600, y: 1200, w: 400, h: 36 },
      { x: 600, y: 1280, w: 300, h: 36 },
    ]);
    const cropped = darkPixelDetector();
    const whole = darkPixelDetector();
    const a = await new TextDetector(cropped.session).detect(img);
    const b = await new TextDetector(whole.session, { inkCrop: false }).detect(img);
    const [cw, ch] = cropped.inputs[0] as [number, number];
    const [ww, wh] = whole.inputs[0] as [number, number];
    expect(cw * ch).toBeLessThan(0.3 * ww * wh);
    // The same scale: the region's longer side in model pixels ≈ its share of the page's.
    expect(Math.abs(ch / wh - (1280 + 36 + 2 * 0.03 * 1654 - (1200 - 0.03 * 1654)) / 1654)).toBeLessThan(0.05);
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    const top = (q: Quad): number => Math.min(...ys(q));
    const left = (q: Quad): number => Math.min(...xs(q));
    const sorted = (bs: typeof a): typeof a => [...bs].sort((p, q) => top(p.quad) - top(q.quad));
    for (const [i, box] of sorted(a).entries()) {
      const other = sorted(b)[i]!;
      // Where the ink is, within a few page pixels of what the whole-page run finds.
      for (let k = 0; k < 4; k++) {
        expect(Math.abs(box.quad[k]![0] - other.quad[k]![0])).toBeLessThan(8);
        expect(Math.abs(box.quad[k]![1] - other.quad[k]![1])).toBeLessThan(8);
      }
    }
    // Around the ink itself (DB grows a box by a share of its height on each side), not shifted by the crop.
    const [first, second] = sorted(a) as [(typeof a)[0], (typeof a)[0]];
    expect(left(first.quad)).toBeGreaterThan(600 - 40);
    expect(left(first.quad)).toBeLessThanOrEqual(600);
    expect(top(first.quad)).toBeGreaterThan(1200 - 40);
    expect(top(first.quad)).toBeLessThanOrEqual(1200);
    expect(top(second.quad)).toBeGreaterThan(1280 - 40);
    expect(top(second.quad)).toBeLessThanOrEqual(1280);
  });
});
