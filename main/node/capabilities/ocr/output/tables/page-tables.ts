import type { OcrPage } from '../../../../../common/contract/index.js';
import type { RasterPage } from '../../engine.js';
import { toGrey } from '../../preprocess/grey.js';
import type { GreyImage, Quad } from '../../preprocess/image.js';
import { mapQuad, toUpright, uprightSize } from '../../preprocess/orientation.js';
import { fillTables, type FilledTable, type UprightLine } from './fill.js';
import { tablesFrom } from './grid.js';
import { findRulings } from './rulings.js';

export interface PageTables {
  page: number;
  tables: FilledTable[];
  /** Text outside every table, in reading order. */
  outside: string[];
}

/**
 * The ruled tables of one page, filled with its OCR text. The page's pixels are turned upright by the rotation
 * OCR found (red seal ink lifted, as for OCR), the rulings found there, and the OCR lines' boxes mapped into the
 * same frame. Run lengths that count as rulings scale with the page's text: a vertical ruling is at least as long
 * as a line of text is high, a horizontal one one and a half times that.
 */
export function pageTables(raster: RasterPage, ocr: OcrPage): PageTables {
  const grey = toGrey(raster, { suppressRed: true });
  const rot = ocr.rotation;
  const upright = rotateGrey(grey, rot);
  // OCR boxes are in the OCR page's pixels; the raster here is the same page (same loader), possibly another size.
  const sx = raster.width / ocr.width;
  const sy = raster.height / ocr.height;
  const lines: UprightLine[] = ocr.lines.map((l) => ({
    text: l.text,
    chars: l.chars,
    quad: mapQuad(l.box as unknown as Quad, ([x, y]) => toUpright([x * sx, y * sy], rot, raster.width, raster.height)),
  }));
  const heights = lines.map((l) => Math.hypot(l.quad[3][0] - l.quad[0][0], l.quad[3][1] - l.quad[0][1])).sort((a, b) => a - b);
  const lineH = heights.length ? heights[heights.length >> 1]! : upright.height / 60;
  const dark = Math.min(170, grey.paper - 60);
  const rulings = findRulings(upright, { dark, minV: Math.max(10, lineH), minH: Math.max(20, 1.5 * lineH) });
  const { tables, outside } = fillTables(tablesFrom(rulings), lines);
  return { page: ocr.page, tables, outside: outside.map((l) => l.text) };
}

/** The grey page turned clockwise by `rot` (the frame OCR read the text in). */
export function rotateGrey(img: GreyImage, rot: 0 | 90 | 180 | 270): GreyImage {
  if (rot === 0) return img;
  const { width: W, height: H, data } = img;
  const size = uprightSize(rot, W, H);
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const [ux, uy] = toUpright([x, y], rot, W - 1, H - 1);
      out[uy * size.width + ux] = data[y * W + x]!;
    }
  return { data: out, width: size.width, height: size.height };
}
