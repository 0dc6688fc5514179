import type { RasterPage } from '../engine.js';
import type { GreyImage } from './image.js';

export interface GreyOptions {
  /** Map red stamp ink to the paper's brightness (default true). */
  suppressRed?: boolean;
  /** Stretch a washed-out page's grey levels (default true). */
  stretchContrast?: boolean;
}

/**
 * Red-ink suppression. How red a pixel is, R − max(G, B), is about proportional to how much red ink covers it, and
 * so is how much darker than the paper that ink made it: adding the redness back (`RED_GAIN` times) lifts red ink —
 * solid or the anti-aliased edge of a stroke — to the paper's level, without a threshold that would leave outlines.
 * Black text under a stamp (ink multiplies: all three channels stay low, so R − max(G, B) is small) stays dark and
 * keeps its shape. Redness up to `RED_FROM` (warm paper, a phone's colour cast) is left alone.
 */
export const RED_FROM = 8;
export const RED_GAIN = 1;

/**
 * Turns a page (grey, RGB or RGBA; alpha composited on white) into one grey channel for the models, with red seals
 * pushed to the background and, for washed-out scans, the grey levels stretched.
 */
export function toGrey(page: RasterPage, o: GreyOptions = {}): GreyImage {
  const { width, height, channels, data } = page;
  const n = width * height;
  if (data.length < n * channels) throw new Error(`raster is ${data.length} bytes, expected ${n * channels}`);
  const out = new Uint8Array(n);
  const suppress = o.suppressRed ?? true;
  if (channels === 1) {
    out.set(data.subarray(0, n));
  } else {
    // How red each pixel is, R − max(G, B) past RED_FROM.
    const redness = suppress ? new Uint8Array(n) : undefined;
    let reds = 0;
    const alpha = channels === 4;
    for (let i = 0, p = 0; i < n; i++, p += channels) {
      let r = data[p]!;
      let g = data[p + 1]!;
      let b = data[p + 2]!;
      if (alpha && data[p + 3]! < 255) {
        // Composite on white.
        const k = data[p + 3]! / 255;
        r = r * k + 255 * (1 - k);
        g = g * k + 255 * (1 - k);
        b = b * k + 255 * (1 - k);
      }
      // ITU-R BT.601 luma (OpenCV's BGR2GRAY), in 16-bit fixed point.
      out[i] = (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;
      const red = r - (g > b ? g : b) - RED_FROM;
      if (red > 0 && redness) {
        redness[i] = red;
        reds++;
      }
    }
    if (redness && reds) {
      // Lifted no further than the paper's grey level (the 90th percentile of the pixels that are not red).
      const hist = new Uint32Array(256);
      let count = 0;
      for (let i = 0; i < n; i += 3) {
        if (redness[i]) continue;
        hist[out[i]!] = hist[out[i]!]! + 1;
        count++;
      }
      const paper = count ? quantile(hist, count, 0.9) : 255;
      for (let i = 0; i < n; i++) {
        const red = redness[i]!;
        if (!red) continue;
        const y = out[i]!;
        if (y < paper) out[i] = Math.min(paper, y + red * RED_GAIN);
      }
    }
  }
  const img: GreyImage = { data: out, width, height };
  if (o.stretchContrast ?? true) stretchContrast(img);
  return img;
}

/**
 * Stretches grey levels in place when the page is washed out: the darkest 0.5 % and the paper (the 90th percentile)
 * are mapped to 0 and 255. Pages that already span most of the range are left alone.
 */
export function stretchContrast(img: GreyImage): boolean {
  const hist = new Uint32Array(256);
  const d = img.data;
  // Every 4th pixel is plenty for a histogram.
  let count = 0;
  for (let i = 0; i < d.length; i += 4) {
    hist[d[i]!] = hist[d[i]!]! + 1;
    count++;
  }
  if (count === 0) return false;
  const at = (q: number): number => quantile(hist, count, q);
  const lo = at(0.005);
  const hi = at(0.9);
  // Already has near-black ink on near-white paper, or too flat to be text at all.
  if ((lo <= 40 && hi >= 215) || hi - lo < 32) return false;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  for (let i = 0; i < d.length; i++) d[i] = lut[d[i]!]!;
  return true;
}

function quantile(hist: Uint32Array, count: number, q: number): number {
  const target = q * count;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}
