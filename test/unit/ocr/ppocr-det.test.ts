import { describe, expect, it } from 'vitest';
import { boxScoreFast, dbPostprocess, dilate2x2, unclipRect } from '../../../main/node/capabilities/ocr/det/db-postprocess.js';
import { connectedComponents, miniBoxOrder, minAreaRect, orderClockwise, rectCorners } from '../../../main/node/capabilities/ocr/det/geometry.js';
import { detInputSize, filterBoxes, letterbox } from '../../../main/node/capabilities/ocr/det/text-detector.js';
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
