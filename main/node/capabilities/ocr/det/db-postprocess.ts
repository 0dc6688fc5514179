import type { Pt, Quad } from '../preprocess/image.js';
import {
  areaPerimeter,
  connectedComponents,
  miniBoxOrder,
  minAreaRect,
  rectCorners,
  type RotatedRect,
} from './geometry.js';
import { OCR_DEFAULTS } from '../defaults.js';

/** DB (Differentiable Binarization) post-processing settings; defaults are RapidOCR's for PP-OCRv4. */
export interface DbOptions {
  /** Probability above which a pixel is text. */
  thresh: number;
  /** Mean probability inside a box below which it is dropped. */
  boxThresh: number;
  /** How far a box grows back out from the shrunk text kernel: distance = area × ratio / perimeter. */
  unclipRatio: number;
  maxCandidates: number;
  /** Dilate the binary map with a 2×2 kernel before finding regions. */
  useDilation: boolean;
}

export const DB_DEFAULTS: DbOptions = OCR_DEFAULTS.det.db;

export interface DetBox {
  /** Corners in the destination's pixels, clockwise from top-left (in the frame the detector saw). */
  quad: Quad;
  /** Mean text probability inside the box before unclipping. */
  score: number;
}

const MIN_SIZE = 3;

/**
 * Boxes from a DB probability map (`width`×`height`), mapped to a `destWidth`×`destHeight` image. Follows PaddleOCR's
 * DBPostProcess: threshold → (dilate) → regions → minimum-area rectangle → mean score → unclip → rectangle again.
 *
 * Unclip: PaddleOCR offsets the rectangle with pyclipper (Vatti clipping, round joins) and takes the minimum-area
 * rectangle of the result. For a rectangle that is exactly the rectangle grown by the offset distance on every side
 * (the rounded corners stay inside it), so this grows the rectangle directly instead of clipping polygons.
 */
export function dbPostprocess(
  prob: Float32Array,
  width: number,
  height: number,
  destWidth: number,
  destHeight: number,
  opts: Partial<DbOptions> = {},
): DetBox[] {
  const o = { ...DB_DEFAULTS, ...opts };
  const n = width * height;
  let bitmap: Uint8Array = new Uint8Array(n);
  for (let i = 0; i < n; i++) bitmap[i] = prob[i]! > o.thresh ? 1 : 0;
  if (o.useDilation) bitmap = dilate2x2(bitmap, width, height);

  const boxes: DetBox[] = [];
  for (const comp of connectedComponents(bitmap, width, height, o.maxCandidates)) {
    const rect = minAreaRect(comp.points);
    if (Math.min(rect.w, rect.h) < MIN_SIZE) continue;
    const quad = miniBoxOrder(rectCorners(rect));
    const score = boxScoreFast(prob, width, height, quad);
    if (score < o.boxThresh) continue;
    const grown = unclipRect(rect, o.unclipRatio);
    if (Math.min(grown.w, grown.h) < MIN_SIZE + 2) continue;
    const g = miniBoxOrder(rectCorners(grown));
    const sx = destWidth / width;
    const sy = destHeight / height;
    const map = (p: Pt): Pt => [clamp(Math.round(p[0] * sx), 0, destWidth), clamp(Math.round(p[1] * sy), 0, destHeight)];
    boxes.push({ quad: [map(g[0]), map(g[1]), map(g[2]), map(g[3])], score });
  }
  return boxes;
}

/** Grows a rectangle by area × ratio / perimeter on every side (see dbPostprocess). */
export function unclipRect(r: RotatedRect, ratio: number): RotatedRect {
  const { area, perimeter } = areaPerimeter(rectCorners(r));
  if (perimeter === 0) return r;
  const d = (area * ratio) / perimeter;
  return { ...r, w: r.w + 2 * d, h: r.h + 2 * d };
}

/** Mean probability over the pixels a quad covers (box_score_fast: filled polygon over its bounding box). */
export function boxScoreFast(prob: Float32Array, width: number, height: number, quad: Quad): number {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  const xmin = clamp(Math.floor(Math.min(...xs)), 0, width - 1);
  const xmax = clamp(Math.ceil(Math.max(...xs)), 0, width - 1);
  const ymin = clamp(Math.floor(Math.min(...ys)), 0, height - 1);
  const ymax = clamp(Math.ceil(Math.max(...ys)), 0, height - 1);
  // Edge half-planes, inward normals of unit length; fillPoly counts pixels the edges pass through: half a pixel
  // of slack.
  const { area } = areaPerimeter(quad);
  let signed = 0;
  for (let i = 0; i < 4; i++) {
    const p = quad[i]!;
    const q = quad[(i + 1) % 4]!;
    signed += p[0] * q[1] - q[0] * p[1];
  }
  if (area === 0) return 0;
  const dir = signed > 0 ? 1 : -1;
  const edges = quad.map((p, i) => {
    const q = quad[(i + 1) % 4]!;
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    const nx = (-(q[1] - p[1]) / len) * dir;
    const ny = ((q[0] - p[0]) / len) * dir;
    return { nx, ny, c: -(nx * p[0] + ny * p[1]) + 0.5 };
  });
  let sum = 0;
  let count = 0;
  for (let y = ymin; y <= ymax; y++) {
    for (let x = xmin; x <= xmax; x++) {
      let inside = true;
      for (const e of edges) {
        if (e.nx * x + e.ny * y + e.c < 0) {
          inside = false;
          break;
        }
      }
      if (!inside) continue;
      sum += prob[y * width + x]!;
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** cv2.dilate with a 2×2 kernel of ones (anchor at its centre): each pixel takes the max of itself, left, up, up-left. */
export function dilate2x2(src: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      out[i] = src[i]! | (x > 0 ? src[i - 1]! : 0) | (y > 0 ? src[i - width]! : 0) | (x > 0 && y > 0 ? src[i - width - 1]! : 0);
    }
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
