/** A one-channel 8-bit image, row-major. The OCR stages work on these (the models take grey replicated to RGB). */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export type Pt = readonly [number, number];
/** Four corners, clockwise from the top-left of the text. */
export type Quad = readonly [Pt, Pt, Pt, Pt];

interface Taps {
  /** First source index for each output index. */
  start: Int32Array;
  /** Number of taps for each output index. */
  count: Int32Array;
  /** Weights, `maxTaps` per output index. */
  weights: Float32Array;
  maxTaps: number;
}

/**
 * Triangle-filter taps for resampling one axis from `src` to `dst` samples. When shrinking, the filter widens with the
 * scale (area-like anti-aliasing, as PIL's bilinear does); when growing it is plain bilinear interpolation.
 */
function taps(src: number, dst: number): Taps {
  const scale = dst / src;
  const support = scale < 1 ? 1 / scale : 1;
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(dst);
  const count = new Int32Array(dst);
  const weights = new Float32Array(dst * maxTaps);
  for (let o = 0; o < dst; o++) {
    const centre = (o + 0.5) / scale - 0.5;
    const lo = Math.max(0, Math.ceil(centre - support));
    const hi = Math.min(src - 1, Math.floor(centre + support));
    let sum = 0;
    let n = 0;
    for (let i = lo; i <= hi && n < maxTaps; i++, n++) {
      const w = Math.max(0, 1 - Math.abs(i - centre) / support);
      weights[o * maxTaps + n] = w;
      sum += w;
    }
    if (sum <= 0) {
      // Past the edge: take the nearest sample.
      const nearest = Math.min(src - 1, Math.max(0, Math.round(centre)));
      start[o] = nearest;
      count[o] = 1;
      weights[o * maxTaps] = 1;
      continue;
    }
    for (let k = 0; k < n; k++) weights[o * maxTaps + k] = weights[o * maxTaps + k]! / sum;
    start[o] = lo;
    count[o] = n;
  }
  return { start, count, weights, maxTaps };
}

/** Resizes a grey image (separable triangle filter: bilinear when growing, anti-aliased when shrinking). */
export function resizeGrey(img: GreyImage, width: number, height: number): GreyImage {
  if (width === img.width && height === img.height) return { data: img.data.slice(), width, height };
  const tx = taps(img.width, width);
  const ty = taps(img.height, height);
  const src = img.data;
  // Horizontal pass: img.height rows of `width` samples.
  const mid = new Float32Array(width * img.height);
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    const outRow = y * width;
    for (let x = 0; x < width; x++) {
      const s = tx.start[x]!;
      const n = tx.count[x]!;
      const wo = x * tx.maxTaps;
      let acc = 0;
      for (let k = 0; k < n; k++) acc += src[row + s + k]! * tx.weights[wo + k]!;
      mid[outRow + x] = acc;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const s = ty.start[y]!;
    const n = ty.count[y]!;
    const wo = y * ty.maxTaps;
    const outRow = y * width;
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += mid[(s + k) * width + x]! * ty.weights[wo + k]!;
      out[outRow + x] = acc < 0 ? 0 : acc > 255 ? 255 : Math.round(acc);
    }
  }
  return { data: out, width, height };
}

/** x = (a·u + b·v + c) / (g·u + h·v + 1), y = (d·u + e·v + f) / (g·u + h·v + 1). */
export interface Projective {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  g: number;
  h: number;
}

/** Projective map taking the unit square's corners (0,0),(1,0),(1,1),(0,1) to q[0..3] (Heckbert's closed form). */
export function squareToQuad(q: Quad): Projective {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q;
  const sx = x0 - x1 + x2 - x3;
  const sy = y0 - y1 + y2 - y3;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    // A parallelogram: affine.
    return { a: x1 - x0, b: x3 - x0, c: x0, d: y1 - y0, e: y3 - y0, f: y0, g: 0, h: 0 };
  }
  const dx1 = x1 - x2;
  const dx2 = x3 - x2;
  const dy1 = y1 - y2;
  const dy2 = y3 - y2;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return { a: x1 - x0 + g * x1, b: x3 - x0 + h * x3, c: x0, d: y1 - y0 + g * y1, e: y3 - y0 + h * y3, f: y0, g, h };
}

/**
 * Warps the quadrilateral `q` (corners in pixel-edge coordinates, clockwise from the text's top-left) of `img` into an
 * upright `width`×`height` image. Bilinear sampling, edges replicated; when the quad is larger than the output it
 * takes several samples per output pixel so that thin strokes are not lost.
 */
export function warpQuad(img: GreyImage, q: Quad, width: number, height: number): GreyImage {
  const { a, b, c, d, e, f, g, h } = squareToQuad(q);
  const out = new Uint8Array(width * height);
  const srcW = Math.max(dist(q[0], q[1]), dist(q[3], q[2]));
  const srcH = Math.max(dist(q[0], q[3]), dist(q[1], q[2]));
  const nx = Math.min(4, Math.max(1, Math.ceil(srcW / width - 0.25)));
  const ny = Math.min(4, Math.max(1, Math.ceil(srcH / height - 0.25)));
  const W = img.width;
  const H = img.height;
  if (W < 2 || H < 2) return { data: out.fill(img.data[0] ?? 255), width, height };
  const data = img.data;
  const inv = 1 / (nx * ny);
  const maxX = W - 1;
  const maxY = H - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let j = 0; j < ny; j++) {
        const v = (y + (j + 0.5) / ny) / height;
        for (let i = 0; i < nx; i++) {
          const u = (x + (i + 0.5) / nx) / width;
          const w = g * u + h * v + 1;
          // Pixel centres sit at +0.5.
          let fx = (a * u + b * v + c) / w - 0.5;
          let fy = (d * u + e * v + f) / w - 0.5;
          if (fx < 0) fx = 0;
          else if (fx > maxX) fx = maxX;
          if (fy < 0) fy = 0;
          else if (fy > maxY) fy = maxY;
          let ix = fx | 0;
          let iy = fy | 0;
          if (ix > W - 2) ix = W - 2;
          if (iy > H - 2) iy = H - 2;
          const ax = fx - ix;
          const ay = fy - iy;
          const p = iy * W + ix;
          const p00 = data[p]!;
          const p01 = data[p + 1]!;
          const p10 = data[p + W]!;
          const p11 = data[p + W + 1]!;
          const top = p00 + (p01 - p00) * ax;
          const bot = p10 + (p11 - p10) * ax;
          acc += top + (bot - top) * ay;
        }
      }
      out[y * width + x] = acc * inv + 0.5;
    }
  }
  return { data: out, width, height };
}

/** Rotates a grey image by 90° counter-clockwise (numpy's rot90). */
export function rot90ccw(img: GreyImage): GreyImage {
  const { width: W, height: H, data } = img;
  const out = new Uint8Array(W * H);
  // New image is H wide, W tall; new (x', y') = (y, W-1-x).
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out[(W - 1 - x) * H + y] = data[y * W + x]!;
  return { data: out, width: H, height: W };
}

export const dist = (a: Pt, b: Pt): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * Grey line crops → one NCHW float tensor as PP-OCR's classifier and recogniser take it: each crop resized to
 * `height` and its own aspect width (at most `width`; kept as is when already that size), scaled to
 * (v/255 − 0.5)/0.5 in all three channels, zero-padded on the right to `width`. `into` reuses a buffer.
 */
export function greyBatchTensor(
  crops: readonly GreyImage[],
  height: number,
  width: number,
  into?: Float32Array,
): { data: Float32Array; dims: number[] } {
  const plane = height * width;
  const size = crops.length * 3 * plane;
  // Padding is zeros: a reused buffer is cleared first.
  const data = into && into.length >= size ? into.subarray(0, size).fill(0) : new Float32Array(size);
  crops.forEach((crop, b) => {
    const w = Math.min(width, Math.ceil(height * (crop.width / crop.height)));
    const img = crop.height === height && crop.width === w ? crop : resizeGrey(crop, w, height);
    const base = b * 3 * plane;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < w; x++) {
        const v = img.data[y * w + x]! / 127.5 - 1;
        const i = base + y * width + x;
        data[i] = v;
        data[i + plane] = v;
        data[i + 2 * plane] = v;
      }
    }
  });
  return { data, dims: [crops.length, 3, height, width] };
}
