import type { GreyPage } from '../preprocess/grey.js';
import type { Quad } from '../preprocess/image.js';
import { CELL, coarse, components, toRect, type Rect } from '../preprocess/ink-components.js';
import { sealsIn } from '../preprocess/red-ink.js';

export type { Rect } from '../preprocess/ink-components.js';

export interface PageMarks {
  /** Red seals: round or oval stamps of red ink. */
  seals: (Rect & { score: number })[];
  /** Dark ink the recogniser did not read as printed text (handwriting, signatures, ticks, lines). */
  ink: (Rect & { pixels: number })[];
}

/**
 * Seals and handwritten ink on a page, for pre-review. Seals come from the red ink that seal suppression lifted
 * (grey.redInk; see sealsIn). Ink is the dark ink left after the seal was lifted that lies outside every
 * line read as printed text: components of at least half a text line's height, not long thin rules (a signature
 * line's underline or a table ruling).
 */
export function findMarks(grey: GreyPage, printed: readonly Quad[], lineHeight: number): PageMarks {
  return { seals: findSeals(grey), ink: findInk(grey, printed, lineHeight) };
}

export function findSeals(grey: GreyPage): PageMarks['seals'] {
  return grey.redInk ? sealsIn(grey.redInk, grey.width, grey.height) : [];
}

export function findInk(grey: GreyPage, printed: readonly Quad[], lineHeight: number): PageMarks['ink'] {
  const { width: W, height: H, data } = grey;
  const dark = grey.paper * 0.6;
  // Printed lines (grown a little: anti-aliased edges) are not handwriting.
  const mask = new Uint8Array(W * H);
  const grow = Math.max(2, lineHeight * 0.15);
  for (const q of printed) {
    const x0 = Math.max(0, Math.floor(Math.min(...q.map((p) => p[0])) - grow));
    const x1 = Math.min(W, Math.ceil(Math.max(...q.map((p) => p[0])) + grow));
    const y0 = Math.max(0, Math.floor(Math.min(...q.map((p) => p[1])) - grow));
    const y1 = Math.min(H, Math.ceil(Math.max(...q.map((p) => p[1])) + grow));
    for (let y = y0; y < y1; y++) mask.fill(1, y * W + x0, y * W + x1);
  }
  const { cols, rows, grid } = coarse(W, H, (x, y) => data[y * W + x]! < dark && !mask[y * W + x]);
  const out: PageMarks['ink'] = [];
  const minSize = lineHeight * 0.5;
  for (const c of components(grid, cols, rows, 1)) {
    const w = (c.x1 - c.x0 + 1) * CELL;
    const h = (c.y1 - c.y0 + 1) * CELL;
    if (Math.max(w, h) < minSize) continue; // specks, dust
    if (Math.min(w, h) < lineHeight * 0.3) continue; // rules and underlines
    if (w > W * 0.6 || h > H * 0.6) continue; // page edges, the desk around a photo
    out.push({ ...toRect(c, W, H), pixels: c.cells * CELL * CELL });
  }
  return out;
}
