import sharp from 'sharp';
import { runSingle, type InferenceSession, type TensorF32 } from '../../../inference/onnx-session.js';
import { paperLevel } from '../preprocess/grey.js';
import { dist, type GreyImage, type Pt } from '../preprocess/image.js';
import { DB_DEFAULTS, dbPostprocess, type DbOptions, type DetBox } from './db-postprocess.js';
import { orderClockwise } from './geometry.js';
import { OCR_DEFAULTS } from '../defaults.js';

export interface DetOptions extends Partial<DbOptions> {
  /** Resize so that the longer side is at most this (PaddleOCR's limit_type "max", default 736), sides rounded to 32. */
  limitSideLen?: number;
  /**
   * When the lines found are thinner than `minTextPx` at the detector's scale (small print on a large page), detect
   * again at a larger scale that brings them to about `targetTextPx`, the longer side at most `maxSideLen`.
   */
  minTextPx?: number;
  targetTextPx?: number;
  maxSideLen?: number;
  /** Detect on the inked part of the page only (default true); see inkRegion. */
  inkCrop?: boolean;
}

export const DET_LIMIT: number = OCR_DEFAULTS.det.limitSideLen;
const MIN_TEXT_PX = OCR_DEFAULTS.det.minTextPx;
const TARGET_TEXT_PX = OCR_DEFAULTS.det.targetTextPx;
const MAX_SIDE = OCR_DEFAULTS.det.maxSide;

/** PaddleOCR's detection normalisation (ImageNet mean/std, applied to BGR channels in that order). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/** The size the detector runs at: longer side ≤ limit, each side a multiple of 32 (DetResizeForTest, type "max"). */
export function detInputSize(width: number, height: number, limitSideLen = DET_LIMIT): { width: number; height: number } {
  const ratio = Math.max(width, height) > limitSideLen ? limitSideLen / Math.max(width, height) : 1;
  const w = Math.max(32, Math.round(Math.trunc(width * ratio) / 32) * 32);
  const h = Math.max(32, Math.round(Math.trunc(height * ratio) / 32) * 32);
  return { width: w, height: h };
}

const LUT = MEAN.map((m, c) => {
  const t = new Float32Array(256);
  for (let v = 0; v < 256; v++) t[v] = (v / 255 - m) / STD[c]!;
  return t;
});

/**
 * Grey image → NCHW float tensor, the grey level replicated into the three normalised channels. Written into
 * `into` when it is large enough (a buffer reused page after page spares the garbage collector megabytes a page).
 */
export function detTensor(img: GreyImage, into?: Float32Array): TensorF32 {
  const n = img.width * img.height;
  const data = into && into.length >= 3 * n ? into.subarray(0, 3 * n) : new Float32Array(3 * n);
  const lut = LUT;
  for (let c = 0; c < 3; c++) {
    const t = lut[c]!;
    const off = c * n;
    for (let i = 0; i < n; i++) data[off + i] = t[img.data[i]!]!;
  }
  return { data, dims: [1, 3, img.height, img.width] };
}

/** DB text detection (PP-OCRv4 det): boxes in the given image's pixels, clockwise from top-left. */
export class TextDetector {
  /** The input tensor's buffer, kept between pages (it only grows, to the largest input seen: under 20 MB at MAX_SIDE). */
  private buf: Float32Array | undefined;

  constructor(
    private readonly session: InferenceSession,
    private readonly opts: DetOptions = {},
  ) {}

  async detect(img: GreyImage): Promise<DetBox[]> {
    const { image: padded, top, left } = letterbox(img);
    const limit = this.opts.limitSideLen ?? DET_LIMIT;
    const boxThresh = this.opts.boxThresh ?? DB_DEFAULTS.boxThresh;
    // The detector runs on the part of the page with ink on it, at the scale the whole page would have had: blank
    // margins cost model time in proportion to their area and hold no text.
    const region = this.opts.inkCrop === false ? undefined : inkRegion(padded);
    const frame = region ? cropGrey(padded, region) : padded;
    const part = Math.max(frame.width, frame.height) / Math.max(padded.width, padded.height);
    const at = (side: number): number => Math.max(32, Math.round(side * part));
    // Every candidate first, the faint ones too: small print comes out faint and thin at too small a scale.
    let boxes = await this.detectAt(frame, at(limit));
    const scale = detInputSize(frame.width, frame.height, at(limit)).width / frame.width;
    const atScale = medianThickness(boxes) * scale;
    const maxSide = this.opts.maxSideLen ?? MAX_SIDE;
    if (limit < maxSide && Math.max(padded.width, padded.height) > limit) {
      // Next to nothing found on a large page may be print too small to see at this scale: look closer.
      let wanted = 0;
      if (boxes.length < 2) wanted = Math.min(maxSide, 2 * limit);
      else if (atScale < (this.opts.minTextPx ?? MIN_TEXT_PX)) {
        wanted = Math.min(maxSide, Math.round((limit * (this.opts.targetTextPx ?? TARGET_TEXT_PX)) / Math.max(atScale, 1)));
      }
      if (wanted > limit * 1.15) {
        const closer = await this.detectAt(frame, at(wanted));
        if (closer.length >= boxes.length || boxes.length >= 2) boxes = closer;
      }
    }
    boxes = boxes.filter((b) => b.score >= boxThresh);
    const dx = left - (region?.x ?? 0);
    const dy = top - (region?.y ?? 0);
    if (dx || dy) {
      const back = (p: Pt): Pt => [p[0] - dx, p[1] - dy];
      boxes = boxes.map((b) => ({ ...b, quad: [back(b.quad[0]), back(b.quad[1]), back(b.quad[2]), back(b.quad[3])] }));
    }
    return filterBoxes(boxes, img.width, img.height);
  }

  private async detectAt(padded: GreyImage, limit: number): Promise<DetBox[]> {
    const size = detInputSize(padded.width, padded.height, limit);
    const resized = await resizeForDet(padded, size.width, size.height);
    if (!this.buf || this.buf.length < 3 * resized.width * resized.height) this.buf = new Float32Array(3 * resized.width * resized.height);
    const out = await runSingle(this.session, detTensor(resized, this.buf));
    const [, , oh, ow] = out.dims;
    if (!oh || !ow) throw new Error(`unexpected detector output ${JSON.stringify(out.dims)}`);
    return dbPostprocess(out.data, ow, oh, padded.width, padded.height, { ...this.opts, boxThresh: 0 });
  }
}

/** The median thickness (short side) of the boxes, in the image's pixels; 0 when there are none. */
export function medianThickness(boxes: readonly DetBox[]): number {
  if (!boxes.length) return 0;
  const t = boxes.map((b) => Math.min(dist(b.quad[0], b.quad[1]), dist(b.quad[1], b.quad[2]))).sort((a, b) => a - b);
  return t[t.length >> 1]!;
}

/** RapidOCR's letterbox: a strip thinner than this, or longer than `MAX_RATIO` times its thickness, is padded. */
const MIN_SIDE = OCR_DEFAULTS.det.letterboxMinSide;
const MAX_RATIO = OCR_DEFAULTS.det.letterboxMaxRatio;

/**
 * Pads a very thin or very elongated image (a single cut-out line) with paper on both long sides, so that resizing
 * it for the detector does not squash the text: the short side becomes 2 × max(long / 8, 30).
 */
export function letterbox(img: GreyImage): { image: GreyImage; top: number; left: number } {
  const { width: W, height: H } = img;
  const wide = W >= H;
  const long = wide ? W : H;
  const short = wide ? H : W;
  if (short > MIN_SIDE && long / short <= MAX_RATIO) return { image: img, top: 0, left: 0 };
  const target = Math.max(Math.round(long / MAX_RATIO), MIN_SIDE) * 2;
  if (target <= short) return { image: img, top: 0, left: 0 };
  const pad = Math.floor((target - short) / 2);
  const paper = paperLevel(img);
  const w2 = wide ? W : W + 2 * pad;
  const h2 = wide ? H + 2 * pad : H;
  const data = new Uint8Array(w2 * h2).fill(paper);
  const top = wide ? pad : 0;
  const left = wide ? 0 : pad;
  for (let y = 0; y < H; y++) data.set(img.data.subarray(y * W, (y + 1) * W), (y + top) * w2 + left);
  return { image: { data, width: w2, height: h2 }, top, left };
}

/** Bilinear resize (anti-aliased when shrinking) by libvips: a page is millions of pixels, too many for JS loops. */
async function resizeForDet(img: GreyImage, width: number, height: number): Promise<GreyImage> {
  if (img.width === width && img.height === height) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  if (data.length !== width * height) throw new Error(`detector resize gave ${data.length} bytes for ${width}×${height}`);
  return { data, width, height };
}

/** filter_tag_det_res: order corners, clip to the image, drop boxes 3 px or thinner. */
export function filterBoxes(boxes: DetBox[], width: number, height: number): DetBox[] {
  const out: DetBox[] = [];
  for (const b of boxes) {
    const q = orderClockwise(b.quad);
    const clip = (p: Pt): Pt => [Math.min(Math.max(p[0], 0), width - 1), Math.min(Math.max(p[1], 0), height - 1)];
    const quad = [clip(q[0]), clip(q[1]), clip(q[2]), clip(q[3])] as const;
    if (Math.trunc(dist(quad[0], quad[1])) <= 3 || Math.trunc(dist(quad[0], quad[3])) <= 3) continue;
    out.push({ quad, score: b.score });
  }
  return out;
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the page with ink on it, with a margin: rows and columns holding a few pixels clearly darker than the
 * paper (sampled every other pixel). Undefined when that is most of the page anyway (a photo with its desk, a full
 * page): cropping then saves too little to be worth a copy.
 */
export function inkRegion(img: GreyImage, o: { [K in keyof typeof OCR_DEFAULTS.det.ink]?: number } = {}): Region | undefined {
  const { contrast, minDark, margin: marginShare, keep } = { ...OCR_DEFAULTS.det.ink, ...o };
  const { width: W, height: H, data } = img;
  const cut = paperLevel(img) - contrast;
  if (cut <= 0) return undefined;
  const rows = new Uint16Array(H);
  const cols = new Uint16Array(W);
  for (let y = 0; y < H; y += 2) {
    const off = y * W;
    for (let x = 0; x < W; x += 2) {
      if (data[off + x]! < cut) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  const first = (a: Uint16Array): number => a.findIndex((n) => n >= minDark);
  const last = (a: Uint16Array): number => a.length - 1 - [...a].reverse().findIndex((n) => n >= minDark);
  const y0 = first(rows);
  const x0 = first(cols);
  if (y0 < 0 || x0 < 0) return undefined;
  const margin = Math.round(marginShare * Math.max(W, H));
  const r = {
    x: Math.max(0, x0 - margin),
    y: Math.max(0, y0 - margin),
    width: 0,
    height: 0,
  };
  r.width = Math.min(W, last(cols) + 1 + margin) - r.x;
  r.height = Math.min(H, last(rows) + 1 + margin) - r.y;
  return r.width * r.height > keep * W * H ? undefined : r;
}

/** A copy of a rectangle of a grey image. */
export function cropGrey(img: GreyImage, r: Region): GreyImage {
  const data = new Uint8Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) data.set(img.data.subarray((r.y + y) * img.width + r.x, (r.y + y) * img.width + r.x + r.width), y * r.width);
  return { data, width: r.width, height: r.height };
}
