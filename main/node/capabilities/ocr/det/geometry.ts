import type { Pt, Quad } from '../preprocess/image.js';

/**
 * Connected components and minimum-area rectangles for DB post-processing, written here: the only npm package that
 * does contours + minAreaRect (@techstark/opencv-js) is a ~10 MB WebAssembly build of OpenCV 4.5 from 2021, too
 * heavy to load for two small, well-known algorithms (flood fill + rotating calipers over a convex hull).
 */

export interface Component {
  /** Pixel count. */
  area: number;
  /** Extreme pixel coordinates of every row the component touches: (minX, y) and (maxX, y). */
  points: Pt[];
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** 8-connected components of the non-zero pixels of a binary map, in raster order of their first pixel. */
export function connectedComponents(bitmap: Uint8Array, width: number, height: number, maxComponents = Infinity): Component[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const out: Component[] = [];
  // Per-row extremes of the component being filled, indexed by y.
  const rowMin = new Int32Array(height).fill(-1);
  const rowMax = new Int32Array(height).fill(-1);
  for (let start = 0; start < bitmap.length; start++) {
    if (!bitmap[start] || seen[start]) continue;
    if (out.length >= maxComponents) break;
    let sp = 0;
    stack[sp++] = start;
    seen[start] = 1;
    let area = 0;
    let minY = height;
    let maxY = -1;
    let minX = width;
    let maxX = -1;
    while (sp > 0) {
      const p = stack[--sp]!;
      const y = (p / width) | 0;
      const x = p - y * width;
      area++;
      if (rowMin[y] === -1 || x < rowMin[y]!) rowMin[y] = x;
      if (x > rowMax[y]!) rowMax[y] = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (bitmap[q] && !seen[q]) {
            seen[q] = 1;
            stack[sp++] = q;
          }
        }
      }
    }
    const points: Pt[] = [];
    for (let y = minY; y <= maxY; y++) {
      const lo = rowMin[y]!;
      if (lo < 0) continue;
      const hi = rowMax[y]!;
      points.push([lo, y]);
      if (hi !== lo) points.push([hi, y]);
      rowMin[y] = -1;
      rowMax[y] = -1;
    }
    out.push({ area, points, minX, maxX, minY, maxY });
  }
  return out;
}

const cross = (o: Pt, a: Pt, b: Pt): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame, without collinear points. */
export function convexHull(points: readonly Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length <= 2) return pts;
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

export interface RotatedRect {
  cx: number;
  cy: number;
  /** Side along `angle`. */
  w: number;
  /** Side across `angle`. */
  h: number;
  /** Direction of the `w` side, radians. */
  angle: number;
}

/** Minimum-area enclosing rectangle of a point set (rotating calipers over the convex hull's edges). */
export function minAreaRect(points: readonly Pt[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { cx: 0, cy: 0, w: 0, h: 0, angle: 0 };
  if (hull.length === 1) return { cx: hull[0]![0], cy: hull[0]![1], w: 0, h: 0, angle: 0 };
  let best: RotatedRect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const w = maxU - minU;
    const h = maxV - minV;
    const area = w * h;
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, w, h, angle: Math.atan2(uy, ux) };
    }
  }
  return best!;
}

/** The rectangle's corners, in no particular order. */
export function rectCorners(r: RotatedRect): [Pt, Pt, Pt, Pt] {
  const ux = Math.cos(r.angle);
  const uy = Math.sin(r.angle);
  const hw = r.w / 2;
  const hh = r.h / 2;
  const c = (su: number, sv: number): Pt => [r.cx + su * hw * ux - sv * hh * uy, r.cy + su * hw * uy + sv * hh * ux];
  return [c(-1, -1), c(1, -1), c(1, 1), c(-1, 1)];
}

/**
 * Orders a rectangle's corners as DB post-processing does (get_mini_boxes): of the two left-most points the upper is
 * first and the lower last; of the two right-most the upper is second and the lower third.
 */
export function miniBoxOrder(corners: readonly Pt[]): Quad {
  const p = [...corners].sort((a, b) => a[0] - b[0]);
  const [p0, p1, p2, p3] = p as [Pt, Pt, Pt, Pt];
  const [tl, bl] = p1[1] > p0[1] ? [p0, p1] : [p1, p0];
  const [tr, br] = p3[1] > p2[1] ? [p2, p3] : [p3, p2];
  return [tl, tr, br, bl];
}

/**
 * Orders four corners clockwise from the top-left (imutils' order_points, as PaddleOCR's filter_tag_det_res): the
 * two left-most by x, upper first; the two right-most, upper first.
 */
export function orderClockwise(pts: readonly Pt[]): Quad {
  const xs = [...pts].sort((a, b) => a[0] - b[0]);
  const left = xs.slice(0, 2).sort((a, b) => a[1] - b[1]);
  const right = xs.slice(2, 4).sort((a, b) => a[1] - b[1]);
  return [left[0]!, right[0]!, right[1]!, left[1]!];
}

/** Area (shoelace, absolute) and perimeter of a polygon. */
export function areaPerimeter(poly: readonly Pt[]): { area: number; perimeter: number } {
  let a = 0;
  let per = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    a += p[0] * q[1] - q[0] * p[1];
    per += Math.hypot(q[0] - p[0], q[1] - p[1]);
  }
  return { area: Math.abs(a) / 2, perimeter: per };
}
