import { convexHull } from '../det/geometry.js';
import type { GreyImage, Pt } from './image.js';

/**
 * The sheet of paper in a photo: a phone picture of a page shows the desk (wood grain, cloth, a keyboard) around
 * it, and a page-layout engine reads that texture as text. The paper is the largest bright region of the picture;
 * everything outside its convex outline can be painted over with the paper's own grey.
 *
 * Found on a small copy of the image (longest side `WORK_SIDE`): Otsu's threshold splits bright from dark, the
 * largest 4-connected bright region is the paper candidate. Scans (paper edge to edge), pages on a light
 * background and images where no region stands out are left alone.
 */
const WORK_SIDE = 256;
/** The paper has to cover at least this share of the picture, and the rest has to be this share at least. */
const MIN_PAPER = 0.2;
const MIN_OUTSIDE = 0.04;
/** …and the outside has to be clearly darker than the paper (grey levels, on the 0..255 scale). */
const MIN_CONTRAST = 40;

export interface PaperOutline {
  /** Convex outline of the paper, in the image's pixels. */
  hull: Pt[];
  /** The paper's grey level (median inside the outline). */
  paper: number;
  /** Share of the image inside the outline. */
  coverage: number;
}

/** Finds the paper; undefined when the image is all paper (a scan) or nothing stands out. */
export function findPaper(img: GreyImage): PaperOutline | undefined {
  const { width: W, height: H } = img;
  if (W < 16 || H < 16) return undefined;
  const s = Math.min(1, WORK_SIDE / Math.max(W, H));
  const w = Math.max(8, Math.round(W * s));
  const h = Math.max(8, Math.round(H * s));
  // Box-averaged small copy.
  const small = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy0 = Math.floor((y * H) / h);
    const sy1 = Math.max(sy0 + 1, Math.floor(((y + 1) * H) / h));
    for (let x = 0; x < w; x++) {
      const sx0 = Math.floor((x * W) / w);
      const sx1 = Math.max(sx0 + 1, Math.floor(((x + 1) * W) / w));
      let sum = 0;
      let n = 0;
      // Every other pixel is plenty for an average.
      for (let yy = sy0; yy < sy1; yy += 2) for (let xx = sx0; xx < sx1; xx += 2, n++) sum += img.data[yy * W + xx]!;
      small[y * w + x] = n ? Math.round(sum / n) : 255;
    }
  }
  const t = otsu(small);
  const bright = new Uint8Array(w * h);
  for (let i = 0; i < bright.length; i++) bright[i] = small[i]! > t ? 1 : 0;
  const region = largestRegion(bright, w, h);
  if (!region) return undefined;
  const coverage = region.area / (w * h);
  if (coverage < MIN_PAPER || coverage > 1 - MIN_OUTSIDE) return undefined;
  // Paper vs what is around it.
  const inside: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < small.length; i++) (region.mask[i] ? inside : outside).push(small[i]!);
  const med = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const paper = med(inside);
  if (outside.length < MIN_OUTSIDE * small.length || paper - med(outside) < MIN_CONTRAST) return undefined;
  const hull = convexHull(region.edge).map(([x, y]): Pt => [((x + 0.5) * W) / w, ((y + 0.5) * H) / h]);
  if (hull.length < 3) return undefined;
  // Share of the picture inside the hull (a scan turned on a darker bed covers most of it: leave those alone).
  const hullCover = polygonArea(hull) / (W * H);
  if (hullCover > 1 - MIN_OUTSIDE) return undefined;
  return { hull, paper, coverage: hullCover };
}

/**
 * Paints everything outside the outline (grown by `grow` pixels) with `fill`, in place. The outline is convex, so
 * each row is one span.
 */
export function paintOutside(img: GreyImage, hull: readonly Pt[], fill: number, grow = 0): void {
  const { width: W, height: H, data } = img;
  // Grow the hull about its centroid.
  const cx = hull.reduce((a, p) => a + p[0], 0) / hull.length;
  const cy = hull.reduce((a, p) => a + p[1], 0) / hull.length;
  const poly = hull.map(([x, y]): Pt => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * grow, y + ((y - cy) / d) * grow];
  });
  for (let y = 0; y < H; y++) {
    const yc = y + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i]!;
      const b = poly[(i + 1) % poly.length]!;
      if ((a[1] <= yc && b[1] > yc) || (b[1] <= yc && a[1] > yc)) {
        const x = a[0] + ((yc - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    const row = y * W;
    if (lo > hi) {
      data.fill(fill, row, row + W);
      continue;
    }
    const l = Math.max(0, Math.min(W, Math.round(lo)));
    const r = Math.max(0, Math.min(W, Math.round(hi)));
    data.fill(fill, row, row + l);
    data.fill(fill, row + r, row + W);
  }
}

/** Otsu's threshold of an 8-bit image. */
export function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]!++;
  const n = data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/** The largest 4-connected region of ones: its mask, size and the extreme points of each of its rows. */
function largestRegion(bin: Uint8Array, w: number, h: number): { mask: Uint8Array; area: number; edge: Pt[] } | undefined {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  let next = 0;
  let bestLabel = 0;
  let bestArea = 0;
  for (let s = 0; s < bin.length; s++) {
    if (!bin[s] || label[s]) continue;
    next++;
    let sp = 0;
    stack[sp++] = s;
    label[s] = next;
    let area = 0;
    while (sp) {
      const p = stack[--sp]!;
      area++;
      const x = p % w;
      const nb = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w];
      for (const q of nb) {
        if (q < 0 || q >= bin.length || !bin[q] || label[q]) continue;
        label[q] = next;
        stack[sp++] = q;
      }
    }
    if (area > bestArea) {
      bestArea = area;
      bestLabel = next;
    }
  }
  if (!bestLabel) return undefined;
  const mask = new Uint8Array(w * h);
  const edge: Pt[] = [];
  for (let y = 0; y < h; y++) {
    let lo = -1;
    let hi = -1;
    for (let x = 0; x < w; x++) {
      if (label[y * w + x] !== bestLabel) continue;
      mask[y * w + x] = 1;
      if (lo < 0) lo = x;
      hi = x;
    }
    if (lo >= 0) {
      edge.push([lo - 0.5, y - 0.5], [lo - 0.5, y + 0.5], [hi + 0.5, y - 0.5], [hi + 0.5, y + 0.5]);
    }
  }
  return { mask, area: bestArea, edge };
}

function polygonArea(poly: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(a) / 2;
}

/** Cells of the background grid, in pixels of the image's longer side / BG_CELLS. */
const BG_CELLS = 24;
/** Background brightness varying less than this (share of the brightest) is left alone: a scan's even light. */
const BG_UNEVEN = 0.12;

/**
 * Evens out uneven light (a phone photo's fall-off towards one corner, a shadow) in place: the paper's brightness
 * is estimated on a coarse grid (the 90th percentile of each cell, so text does not count), smoothed, and every
 * pixel is divided by it, so the paper comes out evenly white and text keeps its contrast everywhere. Returns
 * whether anything was done.
 */
export function evenLight(img: GreyImage): boolean {
  const { width: W, height: H, data } = img;
  const cell = Math.max(8, Math.ceil(Math.max(W, H) / BG_CELLS));
  const gw = Math.ceil(W / cell);
  const gh = Math.ceil(H / cell);
  const grid = new Float32Array(gw * gh);
  const hist = new Uint32Array(256);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      hist.fill(0);
      let n = 0;
      const y1 = Math.min(H, (gy + 1) * cell);
      const x1 = Math.min(W, (gx + 1) * cell);
      for (let y = gy * cell; y < y1; y += 2) for (let x = gx * cell; x < x1; x += 2, n++) hist[data[y * W + x]!]!++;
      let acc = 0;
      let v = 255;
      for (let k = 0; k < 256; k++) {
        acc += hist[k]!;
        if (acc >= 0.9 * n) {
          v = k;
          break;
        }
      }
      grid[gy * gw + gx] = v;
    }
  }
  // A 3×3 median of the grid drops cells that are all ink (a photo, a dark logo) or all desk.
  const smooth = new Float32Array(gw * gh);
  const win: number[] = [];
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) {
      win.length = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const x = gx + dx;
          const y = gy + dy;
          if (x >= 0 && y >= 0 && x < gw && y < gh) win.push(grid[y * gw + x]!);
        }
      win.sort((a, b) => a - b);
      smooth[gy * gw + gx] = Math.max(16, win[win.length >> 1]!);
    }
  let lo = 255;
  let hi = 0;
  for (const v of smooth) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < BG_UNEVEN * hi) return false;
  // Bilinear between cell centres; pixels scaled so the background lands at the brightest cell's level.
  const target = hi;
  const rowScale = new Float32Array(W);
  for (let y = 0; y < H; y++) {
    const fy = Math.min(gh - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const ay = fy - y0;
    for (let x = 0; x < W; x++) {
      const fx = Math.min(gw - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const ax = fx - x0;
      const top = smooth[y0 * gw + x0]! * (1 - ax) + smooth[y0 * gw + x1]! * ax;
      const bot = smooth[y1 * gw + x0]! * (1 - ax) + smooth[y1 * gw + x1]! * ax;
      rowScale[x] = target / (top * (1 - ay) + bot * ay);
    }
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const v = data[row + x]! * rowScale[x]!;
      data[row + x] = v > 255 ? 255 : v + 0.5;
    }
  }
  return true;
}
