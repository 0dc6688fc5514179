import sharp from 'sharp';
import { roundSealSvg, xmlEscape as esc } from '../../../scripts/bench/render-common.mjs';
import type { OcrPage } from '../../../main/common/contract/index.js';
import type { RasterPage } from '../../../main/node/capabilities/ocr/engine.js';

/** Test documents drawn with sharp (librsvg) from SVG text, in the fonts a counter's scans use. */

export interface DocSpec {
  title?: string;
  lines: string[];
  font?: string;
  width?: number;
  height?: number;
  fontSize?: number;
  /** The title's ink (default black); with `titleRule`, a rule of that ink under it, as a red letterhead (红头) has. */
  titleColour?: string;
  titleRule?: boolean;
  /** Stamp a red seal over the lines at this point (centre); the ink multiplies with the page, as stamp ink does. */
  seal?: { cx: number; cy: number; r?: number; text?: string };
}

export interface RenderedDoc {
  png: Buffer;
  width: number;
  height: number;
  /** Each text line's rectangle on the page (x, y, w, h), title first when there is one. */
  rects: { text: string; x: number; y: number; w: number; h: number }[];
}

/** An A4-ish page (1240×1754, 150 dpi) with a centred title, lines of text and a thin border. */
export async function renderDoc(spec: DocSpec): Promise<RenderedDoc> {
  const width = spec.width ?? 1240;
  const height = spec.height ?? 1754;
  const font = spec.font ?? 'Noto Sans CJK SC';
  const size = spec.fontSize ?? Math.round(width / 40);
  const left = Math.round(width * 0.1);
  const rects: RenderedDoc['rects'] = [];
  const parts: string[] = [];
  let y = Math.round(height * 0.1);
  if (spec.title) {
    const ts = Math.round(size * 1.5);
    const fill = spec.titleColour ? ` fill="${spec.titleColour}"` : '';
    parts.push(`<text x="${width / 2}" y="${y + ts}" font-size="${ts}" font-weight="bold" text-anchor="middle"${fill}>${esc(spec.title)}</text>`);
    if (spec.titleRule) parts.push(`<rect x="${left}" y="${y + ts * 1.9}" width="${width - 2 * left}" height="4"${fill}/>`);
    const tw = [...spec.title].length * ts;
    rects.push({ text: spec.title, x: width / 2 - tw / 2, y, w: tw, h: ts * 1.2 });
    y += Math.round(ts * 2.6);
  }
  for (const line of spec.lines) {
    parts.push(`<text x="${left}" y="${y + size}" font-size="${size}">${esc(line)}</text>`);
    const w = [...line].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.58), 0);
    rects.push({ text: line, x: left, y, w, h: size * 1.2 });
    y += Math.round(size * 2.2);
  }
  const s = spec.seal;
  const seal = s
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      ${roundSealSvg({ cx: s.cx, cy: s.cy, r: s.r ?? Math.round(width * 0.11), font, ring: s.text ?? '温州市鹿城区市场监督管理局', kind: '专用章', colour: '#e0301e', glyphScale: 0.2 })}</svg>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#fdfdfb"/>
  <rect x="${width * 0.05}" y="${height * 0.05}" width="${width * 0.9}" height="${height * 0.9}" fill="none" stroke="#444" stroke-width="2"/>
  <g font-family="${font}" fill="#111">${parts.join('\n')}</g>
</svg>`;
  let png: Buffer = await sharp(Buffer.from(svg)).png().toBuffer();
  if (seal) png = await stamp(png, Buffer.from(seal));
  return { png, width, height, rects };
}

/** Multiplies a transparent ink layer into the page, weighted by its coverage (ink on paper or toner). */
async function stamp(pagePng: Buffer, inkSvg: Buffer): Promise<Buffer> {
  const page = await sharp(pagePng).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const ink = await sharp(inkSvg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = page.info;
  const out = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const a = ink.data[i * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) {
      const k = 1 - a + (a * ink.data[i * 4 + c]!) / 255;
      out[i * 3 + c] = Math.round(page.data[i * 3 + c]! * k);
    }
  }
  return sharp(out, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** Decodes an image to the RasterPage the engine takes, optionally turned clockwise by `rotate` degrees first. */
export async function toRaster(png: Buffer, rotate = 0, scale = 1): Promise<RasterPage> {
  let img = sharp(png);
  if (rotate) img = img.rotate(rotate);
  if (scale !== 1) {
    const meta = await sharp(png).metadata();
    const w = Math.round((rotate % 180 === 0 ? meta.width! : meta.height!) * scale);
    img = sharp(await img.toBuffer()).resize({ width: w });
  }
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 };
}

/** Character error rate: edit distance over the reference's length (code points, whitespace ignored). */
export function cer(hyp: string, ref: string): number {
  const a = [...hyp.replace(/\s+/g, '')];
  const b = [...ref.replace(/\s+/g, '')];
  if (!b.length) return a.length ? 1 : 0;
  let prev = Array.from({ length: a.length + 1 }, (_, i) => i);
  for (let j = 1; j <= b.length; j++) {
    const cur = [j];
    for (let i = 1; i <= a.length; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[a.length]! / b.length;
}

export type Variant = 'clean' | 'skew' | 'lowres' | 'rot90' | 'rot180' | 'rot270' | 'photo' | 'seal';

/**
 * Degrades a rendered page the way counter scans come in: skewed 3°, scanned at half resolution, turned a quarter
 * or half turn, photographed by phone (perspective, uneven light, blur, noise, JPEG), or (for 'seal') as is — the
 * seal is drawn by renderDoc.
 */
export async function degrade(png: Buffer, variant: Variant): Promise<RasterPage> {
  switch (variant) {
    case 'clean':
    case 'seal':
      return toRaster(png);
    case 'rot90':
      return toRaster(png, 90);
    case 'rot180':
      return toRaster(png, 180);
    case 'rot270':
      return toRaster(png, 270);
    case 'skew': {
      const out = await sharp(png).rotate(3, { background: '#fdfdfb' }).png().toBuffer();
      return toRaster(out);
    }
    case 'lowres':
      return toRaster(png, 0, 0.5);
    case 'photo':
      return phonePhoto(png);
  }
}

/** A phone photo of the page: perspective (top narrower), a light gradient, slight blur, noise and JPEG. */
async function phonePhoto(png: Buffer): Promise<RasterPage> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const W = info.width;
  const H = info.height;
  const outW = Math.round(W * 0.9);
  const outH = Math.round(H * 0.9);
  // Where the page's corners land in the photo (clockwise from top-left), on a darker table.
  const dst: [number, number][] = [
    [outW * 0.1, outH * 0.06],
    [outW * 0.88, outH * 0.04],
    [outW * 0.97, outH * 0.97],
    [outW * 0.02, outH * 0.95],
  ];
  const inv = homography(dst, [
    [0, 0],
    [W, 0],
    [W, H],
    [0, H],
  ]);
  const rgb = Buffer.alloc(outW * outH * 3);
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) - 0.5;
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const [sx, sy] = apply(inv, x + 0.5, y + 0.5);
      let v = 70; // table
      if (sx >= 0 && sy >= 0 && sx < W - 1 && sy < H - 1) {
        const ix = Math.floor(sx);
        const iy = Math.floor(sy);
        const ax = sx - ix;
        const ay = sy - iy;
        const p = iy * W + ix;
        const top = data[p]! * (1 - ax) + data[p + 1]! * ax;
        const bot = data[p + W]! * (1 - ax) + data[p + W + 1]! * ax;
        v = top * (1 - ay) + bot * ay;
      }
      // Uneven light: darker toward the bottom right, warm paper.
      const light = 0.78 + 0.2 * (1 - (x / outW + y / outH) / 2);
      const n = rand() * 14;
      const o = (y * outW + x) * 3;
      rgb[o] = clamp255(v * light + n + 6);
      rgb[o + 1] = clamp255(v * light + n);
      rgb[o + 2] = clamp255(v * light * 0.93 + n);
    }
  }
  const jpeg = await sharp(rgb, { raw: { width: outW, height: outH, channels: 3 } }).blur(0.8).jpeg({ quality: 70 }).toBuffer();
  return toRaster(jpeg);
}

const clamp255 = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

type H3 = number[];

/** The 3×3 homography taking the four `from` points to the four `to` points (direct linear solve). */
function homography(from: [number, number][], to: [number, number][]): H3 {
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gauss-Jordan on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let piv = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    const row = A[c]!;
    const d = row[c]!;
    for (let k = c; k < 9; k++) row[k] = row[k]! / d;
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = A[r]![c]!;
      for (let k = c; k < 9; k++) A[r]![k] = A[r]![k]! - f * row[k]!;
    }
  }
  return [...A.map((r) => r[8]!), 1];
}

function apply(h: H3, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** What a perfect reader returns for drawn text rectangles: one line per rectangle, its box the rectangle. */
export function perfectOcrPage(rects: { text: string; x: number; y: number; w: number; h: number }[], width: number, height: number, at: { file?: string; page?: number } = {}): OcrPage {
  const lines = rects.map((r) => ({
    text: r.text,
    box: [
      [r.x, r.y],
      [r.x + r.w, r.y],
      [r.x + r.w, r.y + r.h],
      [r.x, r.y + r.h],
    ] as OcrPage['lines'][number]['box'],
    confidence: 0.99,
  }));
  return { file: at.file ?? 'x.png', page: at.page ?? 1, engine: 'test', rotation: 0, text: lines.map((l) => l.text).join('\n'), lines, ms: 1, width, height, source: 'ocr' };
}
