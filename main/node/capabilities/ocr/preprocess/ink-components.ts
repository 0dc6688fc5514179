/**
 * Connected pieces of ink on a coarse grid: how seals, red text lines and handwriting are told apart from the
 * pixels of a mask (red ink lifted by seal suppression, dark ink outside the printed lines).
 */

/** Cells of this many pixels square are the grid ink is looked for on (speed; strokes are thicker). */
export const CELL = 4;

/** An axis-aligned rectangle in the page's pixels (x1, y1 exclusive). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A piece of ink, in grid cells (x0..x1, y0..y1 inclusive), with how many cells it covers. */
export interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
}

/** A cols×rows grid: 1 where any pixel of the cell passes `on`. */
export function coarse(W: number, H: number, on: (x: number, y: number) => boolean): { cols: number; rows: number; grid: Uint8Array } {
  const cols = Math.ceil(W / CELL);
  const rows = Math.ceil(H / CELL);
  const grid = new Uint8Array(cols * rows);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      if (on(x, y)) grid[((y / CELL) | 0) * cols + ((x / CELL) | 0)] = 1;
    }
  return { cols, rows, grid };
}

/** The grid of a 0/1 pixel mask (1 = ink). */
export function coarseMask(mask: Uint8Array, W: number, H: number): { cols: number; rows: number; grid: Uint8Array } {
  const cols = Math.ceil(W / CELL);
  const rows = Math.ceil(H / CELL);
  const grid = new Uint8Array(cols * rows);
  for (let y = 0; y < H; y++) {
    const row = ((y / CELL) | 0) * cols;
    for (let x = 0, i = y * W; x < W; x++, i++) if (mask[i] === 1) grid[row + ((x / CELL) | 0)] = 1;
  }
  return { cols, rows, grid };
}

/** Connected components of set cells, cells up to `gap` apart counting as touching. */
export function components(grid: Uint8Array, cols: number, rows: number, gap: number): Component[] {
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

/**
 * Components of at least 4 cells, those that `near` says belong together merged into one (their boxes joined),
 * until no two are near. Each pass compares every pair once and merges in place, so a page of a few thousand
 * pieces takes a few passes, not one restart per merge.
 */
export function joinNear(cs: readonly Component[], near: (a: Component, b: Component) => boolean): Component[] {
  const out = cs.filter((c) => c.cells >= 4).map((c) => ({ ...c }));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; ) {
        const a = out[i]!;
        const b = out[j]!;
        if (!near(a, b)) {
          j++;
          continue;
        }
        out[i] = union(a, b);
        out.splice(j, 1);
        changed = true;
      }
  }
  return out;
}

/** Two components as one: their boxes joined, their cells added. */
export const union = (a: Component, b: Component): Component => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
  cells: a.cells + b.cells,
});

/** Boxes that come within `gap` cells of each other (0: boxes that overlap). */
export const boxesWithin =
  (gap: number) =>
  (a: Component, b: Component): boolean =>
    !(a.x0 - gap > b.x1 || b.x0 - gap > a.x1 || a.y0 - gap > b.y1 || b.y0 - gap > a.y1);

/** The share of a component's box its ink covers. */
export const fill = (c: Component): number => c.cells / ((c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1));

/** A component's box in the page's pixels (x1, y1 exclusive), clipped to the page. */
export const toRect = (c: Component, W: number, H: number): Rect => ({
  x0: c.x0 * CELL,
  y0: c.y0 * CELL,
  x1: Math.min(W, (c.x1 + 1) * CELL),
  y1: Math.min(H, (c.y1 + 1) * CELL),
});
