import { OCR_DEFAULTS } from '../defaults.js';
import type { GreyPage } from '../preprocess/grey.js';
import type { Quad } from '../preprocess/image.js';

/** An axis-aligned rectangle in the page's pixels (as given). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageMarks {
  /** Red seals: round or oval stamps of red ink. */
  seals: (Rect & { score: number })[];
  /** Dark ink the recogniser did not read as printed text (handwriting, signatures, ticks, lines). */
  ink: (Rect & { pixels: number })[];
}

/** Cells of this many pixels square are the grid marks are looked for on (speed; strokes are thicker). */
const CELL = 4;

/**
 * Seals and handwritten ink on a page, for pre-review. Seals come from the red ink that seal suppression lifted
 * (grey.redInk): on a coarse grid, red cells joined over small gaps form a component; a seal is a component at
 * least ~9 mm across (4 % of the page's shorter side) and about as tall as wide (round and oval stamps; a red
 * letterhead is much wider than tall). Ink is the dark ink left after the seal was lifted that lies outside every
 * line read as printed text: components of at least half a text line's height, not long thin rules (a signature
 * line's underline or a table ruling).
 */
export function findMarks(grey: GreyPage, printed: readonly Quad[], lineHeight: number): PageMarks {
  return { seals: findSeals(grey), ink: findInk(grey, printed, lineHeight) };
}

export function findSeals(grey: GreyPage): PageMarks['seals'] {
  const red = grey.redInk;
  if (!red) return [];
  const { cols, rows, grid } = coarse(grey.width, grey.height, (x, y) => red[y * grey.width + x] === 1);
  const minSide = Math.min(grey.width, grey.height) * OCR_DEFAULTS.marks.sealMinSide;
  const out: PageMarks['seals'] = [];
  // Black text across a seal cuts its red ink into pieces: pieces close together are one seal.
  for (const c of joinNear(components(grid, cols, rows, 2), minSide / CELL / 2)) {
    const w = (c.x1 - c.x0 + 1) * CELL;
    const h = (c.y1 - c.y0 + 1) * CELL;
    if (w < minSide || h < minSide) continue;
    const aspect = w / h;
    if (aspect < OCR_DEFAULTS.marks.sealAspect[0] || aspect > OCR_DEFAULTS.marks.sealAspect[1]) continue;
    // Ink on a good share of the box's cells: a ring alone covers about a quarter of them.
    const fill = c.cells / ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1));
    if (fill < 0.12) continue;
    out.push({ x0: c.x0 * CELL, y0: c.y0 * CELL, x1: Math.min(grey.width, (c.x1 + 1) * CELL), y1: Math.min(grey.height, (c.y1 + 1) * CELL), score: Math.min(1, fill * 2) });
  }
  return out;
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
    out.push({ x0: c.x0 * CELL, y0: c.y0 * CELL, x1: Math.min(W, (c.x1 + 1) * CELL), y1: Math.min(H, (c.y1 + 1) * CELL), pixels: c.cells * CELL * CELL });
  }
  return out;
}

/** Components whose boxes come within `gap` cells of each other become one (repeated until none do). */
function joinNear(cs: Component[], gap: number): Component[] {
  const out = cs.filter((c) => c.cells >= 4).map((c) => ({ ...c }));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < out.length && !changed; i++)
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (a.x0 - gap > b.x1 || b.x0 - gap > a.x1 || a.y0 - gap > b.y1 || b.y0 - gap > a.y1) continue;
        out[i] = { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), cells: a.cells + b.cells };
        out.splice(j, 1);
        changed = true;
        break;
      }
  }
  return out;
}

/** A cols×rows grid: 1 where any pixel of the cell passes `on` (each cell sampled every other pixel). */
function coarse(W: number, H: number, on: (x: number, y: number) => boolean): { cols: number; rows: number; grid: Uint8Array } {
  const cols = Math.ceil(W / CELL);
  const rows = Math.ceil(H / CELL);
  const grid = new Uint8Array(cols * rows);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (on(x, y)) grid[((y / CELL) | 0) * cols + ((x / CELL) | 0)] = 1;
    }
  return { cols, rows, grid };
}

interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
}

/** Connected components of set cells, cells up to `gap` apart counting as touching. */
function components(grid: Uint8Array, cols: number, rows: number, gap: number): Component[] {
  const seen = new Uint8Array(grid.length);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let i = 0; i < grid.length; i++) {
    if (!grid[i] || seen[i]) continue;
    const c: Component = { x0: cols, y0: rows, x1: -1, y1: -1, cells: 0 };
    seen[i] = 1;
    stack.push(i);
    while (stack.length) {
      const k = stack.pop()!;
      const x = k % cols;
      const y = (k / cols) | 0;
      c.cells++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -gap; dy <= gap; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= rows) continue;
        for (let dx = -gap; dx <= gap; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= cols) continue;
          const j = yy * cols + xx;
          if (grid[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(c);
  }
  return out;
}
