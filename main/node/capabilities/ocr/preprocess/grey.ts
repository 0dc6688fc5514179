import type { RasterPage } from '../engine.js';
import type { GreyImage } from './image.js';
import { redTextLines } from './red-ink.js';

export interface GreyOptions {
  /** Map red stamp ink to the paper's brightness (default true). */
  suppressRed?: boolean;
  /** Stretch a washed-out page's grey levels (default true). */
  stretchContrast?: boolean;
}

/** A grey page plus what red-ink suppression did to it. */
export interface GreyPage extends GreyImage {
  /**
   * Per pixel, 1 where red ink that made the pixel clearly darker than the paper was lifted to (near) the paper;
   * undefined when the page has no red ink (or suppression was off). Red lines of text, given back (keepRedText),
   * are not in it: undefined too when they were all the red ink there was.
   */
  redInk?: Uint8Array;
  /** The paper's grey level (the 90th percentile). */
  paper: number;
}

/**
 * Red-ink (seal) suppression.
 *
 * Stamp ink is a red filter laid over the page: it absorbs green and blue strongly and red only a little, and it
 * multiplies with whatever is under it. Seen through the red channel a seal is nearly invisible, while black text
 * under it stays black (black absorbs red too). So for every reddish pixel the grey level is taken from its red
 * channel, divided by how much the page's own seal ink dims red (`inkRed`, measured on the page: real seals and
 * scanners differ), and blended in by how red the pixel is — a soft weight, so there is no threshold to leave
 * outlines around the strokes. Pixels that are not reddish keep their luma, untouched.
 *
 * Redness is measured against the paper's own colour (per channel), so a warm paper tint or a phone's colour cast
 * is not mistaken for ink.
 */
/** r − max(g, b) (8-bit) at or below which a pixel is not looked at twice: neutral paper and black text. */
export const RED_FROM = 8;
/**
 * How red a pixel is: its redness c = R/paperR − max(G/paperG, B/paperB) as a share of how much darker than the
 * paper it is in green/blue, 1 − max(G/paperG, B/paperB). Seal ink has a large share (it dims red little), black or
 * grey text a small one, whether or not ink covers it. Lifting starts at RED_START and is complete RED_RAMP later.
 */
export const RED_START = 0.08;
export const RED_RAMP = 0.12;
/** Redness c below which a pixel is left alone (noise on paper). */
const RED_MIN = 0.02;
/** Pixels at least this red are "clearly seal ink" and measure the ink's red transmission. */
const STRONG_RED = 0.2;
/** Without enough seal ink to measure: red ink dims the red channel to this fraction of the paper. */
const DEFAULT_INK_RED = 0.85;

/**
 * Turns a page (grey, RGB or RGBA; alpha composited on white) into one grey channel for the models, with red seals
 * pushed to the background and, for washed-out scans, the grey levels stretched.
 */
export function toGrey(page: RasterPage, o: GreyOptions = {}): GreyPage {
  const { width, height, channels, data } = page;
  const n = width * height;
  if (data.length < n * channels) throw new Error(`raster is ${data.length} bytes, expected ${n * channels}`);
  const out = new Uint8Array(n);
  const suppress = o.suppressRed ?? true;
  let redInk: Uint8Array | undefined;
  if (channels === 1) {
    out.set(data.subarray(0, n));
  } else {
    // A plain Uint8Array view: Buffer and Uint8Array elements read at the same speed, but one type keeps the loop monomorphic.
    const rgb = channels === 3 ? new Uint8Array(data.buffer, data.byteOffset, n * 3) : flattenAlpha(data, n);
    let reds = 0;
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      const r = rgb[p]!;
      const g = rgb[p + 1]!;
      const b = rgb[p + 2]!;
      out[i] = luma(r, g, b);
      if (r - RED_FROM > g && r - RED_FROM > b) reds++;
    }
    if (suppress && reds > 0) {
      const lifted = liftRed(rgb, out, width, height);
      if (lifted) redInk = keepRedText(rgb, out, lifted, width, height);
    }
  }
  // One histogram (every 4th pixel) gives the paper level and the contrast stretch.
  const hist = sampleHist(out);
  const count = Math.ceil(n / 4);
  const img: GreyPage = { data: out, width, height, paper: count ? quantile(hist, count, 0.9) : 255, ...(redInk ? { redInk } : {}) };
  if (o.stretchContrast ?? true) {
    const lut = stretchLut(hist, count);
    if (lut) {
      for (let i = 0; i < n; i++) out[i] = lut[out[i]!]!;
      img.paper = lut[img.paper]!;
    }
  }
  return img;
}

/** ITU-R BT.601 luma (OpenCV's BGR2GRAY), in 16-bit fixed point. */
const luma = (r: number, g: number, b: number): number => (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;

function flattenAlpha(data: Uint8Array, n: number): Uint8Array {
  const rgb = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = data[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(data[i * 4 + c]! * a + 255 * (1 - a));
  }
  return rgb;
}

/** The paper's colour, per channel: the 90th percentile of every third pixel that is not reddish. */
export function paperColour(rgb: Uint8Array, n: number): [number, number, number] {
  const hr = new Uint32Array(256);
  const hg = new Uint32Array(256);
  const hb = new Uint32Array(256);
  let count = 0;
  for (let i = 0; i < n; i += 3) {
    const p = i * 3;
    const r = rgb[p]!;
    const g = rgb[p + 1]!;
    const b = rgb[p + 2]!;
    if (r - (g > b ? g : b) > 3 * RED_FROM) continue;
    hr[r]!++;
    hg[g]!++;
    hb[b]!++;
    count++;
  }
  if (!count) return [255, 255, 255];
  return [quantile(hr, count, 0.9), quantile(hg, count, 0.9), quantile(hb, count, 0.9)].map((v) => Math.max(v, 32)) as [number, number, number];
}

/**
 * Lifts red ink in `out` (the luma of `rgb`) in place; returns the mask of ink pixels it lifted from clearly darker
 * than the paper to (near) the paper and how many there are, or undefined when there were none.
 */
function liftRed(rgb: Uint8Array, out: Uint8Array, width: number, height: number): { mask: Uint8Array; count: number } | undefined {
  const n = width * height;
  const [pr, pg, pb] = paperColour(rgb, n);
  const ir = 1 / pr;
  const ig = 1 / pg;
  const ib = 1 / pb;
  const paperY = luma(pr, pg, pb);
  // The seal ink's red transmission: a low percentile of R/paperR over clearly red pixels, so that most of the
  // seal lands at or above the paper.
  const hist = new Uint32Array(256);
  let strong = 0;
  for (let i = 0; i < n; i += 2) {
    const p = i * 3;
    const R = rgb[p]! * ir;
    const G = rgb[p + 1]! * ig;
    const B = rgb[p + 2]! * ib;
    if (R - (G > B ? G : B) < STRONG_RED) continue;
    hist[Math.min(255, Math.round(R * 255))]!++;
    strong++;
  }
  // No clearly red ink at all (a phone's warm cast, a brown desk): nothing to lift.
  if (strong === 0) return undefined;
  const inkRed = strong >= 50 ? Math.min(0.95, Math.max(0.5, quantile(hist, strong, 0.3) / 255)) : DEFAULT_INK_RED;
  const gain = 1 / inkRed;
  const lifted = new Uint8Array(n);
  let nLifted = 0;
  // How much of each pixel was taken as seal ink (0..255), and where: the halo pass below looks only there.
  const weight = new Uint8Array(n);
  let x0 = width;
  let x1 = -1;
  let y0 = height;
  let y1 = -1;
  const dark = paperY * 0.75;
  const near = paperY * 0.85;
  for (let i = 0, p = 0; i < n; i++, p += 3) {
    const r = rgb[p]!;
    const g = rgb[p + 1]!;
    const b = rgb[p + 2]!;
    if (r - (g > b ? g : b) <= RED_FROM) continue;
    const R = r * ir;
    const G = g * ig;
    const B = b * ib;
    const gb = G > B ? G : B;
    const c = R - gb;
    if (c <= RED_MIN) continue;
    const share = c / (1 - gb);
    if (share <= RED_START) continue;
    const w = share >= RED_START + RED_RAMP ? 1 : (share - RED_START) / RED_RAMP;
    weight[i] = w * 255;
    const y = (i / width) | 0;
    const x = i - y * width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    const t = R * gain;
    const target = (t >= 1 ? 1 : t) * paperY;
    const v0 = out[i]!;
    if (target <= v0) continue;
    const v = v0 + w * (target - v0);
    out[i] = v + 0.5;
    if (v0 < dark && v >= near) {
      lifted[i] = 1;
      nLifted++;
    }
  }
  if (x1 >= 0) liftHalo(out, weight, width, height, { x0, x1, y0, y1 }, paperY);
  return nLifted ? { mask: lifted, count: nLifted } : undefined;
}

/**
 * Gives red lines of text (a red letterhead, a red title: redTextLines) back their own grey level, lifted with the
 * seals before: they are read like any other line, and are not seal ink. Returns the lifted-ink mask without them
 * (undefined when nothing else was lifted).
 */
function keepRedText(rgb: Uint8Array, out: Uint8Array, lifted: { mask: Uint8Array; count: number }, width: number, height: number): Uint8Array | undefined {
  const { mask } = lifted;
  let left = lifted.count;
  // A little wider than each piece: the grey rim liftHalo lightened around its strokes.
  const pad = 2;
  for (const r of redTextLines(mask, width, height).flat()) {
    const x0 = Math.max(0, r.x0 - pad);
    const x1 = Math.min(width, r.x1 + pad);
    for (let y = Math.max(0, r.y0 - pad); y < Math.min(height, r.y1 + pad); y++)
      for (let i = y * width + x0, p = i * 3; i < y * width + x1; i++, p += 3) {
        out[i] = luma(rgb[p]!, rgb[p + 1]!, rgb[p + 2]!);
        if (mask[i] === 1) {
          mask[i] = 0;
          left--;
        }
      }
  }
  return left > 0 ? mask : undefined;
}

/** Light pixels at least this bright (share of the paper) next to seal ink are its halo; fully lifted from HALO_FULL. */
const HALO_FROM = 0.75;
const HALO_FULL = 0.85;

/**
 * The rim of a stamp's strokes often comes out grey rather than red — anti-aliasing against a darker edge, or a
 * JPEG's colour subsampled at half the resolution of its brightness — and would leave a faint outline of every
 * seal character. A light pixel right next to lifted ink (3×3 neighbourhood) is lifted to the paper by as much as
 * its neighbour was taken as ink; anything darker (text beside the seal) stays.
 */
function liftHalo(
  out: Uint8Array,
  weight: Uint8Array,
  width: number,
  height: number,
  box: { x0: number; x1: number; y0: number; y1: number },
  paperY: number,
): void {
  const x0 = Math.max(0, box.x0 - 1);
  const x1 = Math.min(width - 1, box.x1 + 1);
  const y0 = Math.max(0, box.y0 - 1);
  const y1 = Math.min(height - 1, box.y1 + 1);
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // Separable 3×3 max of the ink weight over the box.
  const rowMax = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    const src = (y + y0) * width + x0;
    for (let x = 0; x < bw; x++) {
      let m = weight[src + x]!;
      if (x > 0 && weight[src + x - 1]! > m) m = weight[src + x - 1]!;
      if (x < bw - 1 && weight[src + x + 1]! > m) m = weight[src + x + 1]!;
      rowMax[y * bw + x] = m;
    }
  }
  const from = paperY * HALO_FROM;
  const span = paperY * (HALO_FULL - HALO_FROM);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      let m = rowMax[y * bw + x]!;
      if (y > 0 && rowMax[(y - 1) * bw + x]! > m) m = rowMax[(y - 1) * bw + x]!;
      if (y < bh - 1 && rowMax[(y + 1) * bw + x]! > m) m = rowMax[(y + 1) * bw + x]!;
      if (m === 0) continue;
      const i = (y + y0) * width + x + x0;
      const v = out[i]!;
      if (v <= from || v >= paperY) continue;
      const k = v >= from + span ? 1 : (v - from) / span;
      out[i] = v + ((k * m) / 255) * (paperY - v) + 0.5;
    }
  }
}

/** The brightest common grey level of an image (90th percentile of every 4th pixel): the paper. */
export function paperLevel(img: GreyImage): number {
  const count = Math.ceil(img.data.length / 4);
  return count ? quantile(sampleHist(img.data), count, 0.9) : 255;
}

function sampleHist(d: Uint8Array): Uint32Array {
  const hist = new Uint32Array(256);
  for (let i = 0; i < d.length; i += 4) hist[d[i]!]!++;
  return hist;
}

/**
 * The grey-level map that stretches a washed-out page: the darkest 0.5 % and the paper (the 90th percentile) go to
 * 0 and 255. Undefined for pages that already span most of the range (near-black ink on near-white paper) or are
 * too flat to be text at all.
 */
function stretchLut(hist: Uint32Array, count: number): Uint8Array | undefined {
  if (count === 0) return undefined;
  const lo = quantile(hist, count, 0.005);
  const hi = quantile(hist, count, 0.9);
  if ((lo <= 40 && hi >= 215) || hi - lo < 32) return undefined;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  return lut;
}

/**
 * Stretches grey levels in place when the page is washed out: the darkest 0.5 % and the paper (the 90th percentile)
 * are mapped to 0 and 255. Pages that already span most of the range are left alone.
 */
export function stretchContrast(img: GreyImage): boolean {
  const lut = stretchLut(sampleHist(img.data), Math.ceil(img.data.length / 4));
  if (!lut) return false;
  const d = img.data;
  for (let i = 0; i < d.length; i++) d[i] = lut[d[i]!]!;
  return true;
}

export function quantile(hist: Uint32Array, count: number, q: number): number {
  const target = q * count;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}
