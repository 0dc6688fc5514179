import { crosses, type Rulings, type Segment } from './rulings.js';

/** A cell of a table, spanning grid rows r0..r1 and columns c0..c1 (inclusive; r0 < r1 or c0 < c1 when merged). */
export interface Cell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A ruled table: its row and column boundaries (pixels) and its cells, merged ones once. */
export interface TableGrid {
  /** Row boundaries, top to bottom (rows = ys.length - 1). */
  ys: number[];
  /** Column boundaries, left to right. */
  xs: number[];
  cells: Cell[];
}

/** Share of a boundary's length that must be ruled for two neighbouring grid cells to be separate cells. */
const RULED = 0.6;

/**
 * Tables from rulings: lines that cross each other form one table; its rows and columns lie between the distinct
 * positions of its horizontal and vertical lines; two neighbouring grid cells are one (merged) cell where the line
 * between them is missing. Tables need at least two rows' worth of horizontal and two columns' worth of vertical
 * lines (a box around a paragraph is not a table: one cell).
 */
export function tablesFrom(r: Rulings): TableGrid[] {
  const groups = connected(r);
  const out: TableGrid[] = [];
  for (const g of groups) {
    const tol = 3 + Math.max(...g.h.map((s) => s.thickness), ...g.v.map((s) => s.thickness));
    const ys = cluster(
      g.h.map((s) => s.pos),
      tol,
    );
    const xs = cluster(
      g.v.map((s) => s.pos),
      tol,
    );
    if (ys.length < 2 || xs.length < 2 || (ys.length - 1) * (xs.length - 1) < 2) continue;
    const cells = mergeCells(xs, ys, g, tol);
    if (cells.length < 2) continue;
    out.push({ xs, ys, cells });
  }
  return out.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
}

/** Groups of lines connected by crossings. */
function connected(r: Rulings): Rulings[] {
  const all = [...r.h.map((s) => ({ s, h: true })), ...r.v.map((s) => ({ s, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < r.h.length; i++)
    for (let j = 0; j < r.v.length; j++) if (crosses(r.h[i]!, r.v[j]!, 4)) parent[find(i)] = find(r.h.length + j);
  const groups = new Map<number, Rulings>();
  all.forEach((x, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, { h: [], v: [] });
    (x.h ? groups.get(k)!.h : groups.get(k)!.v).push(x.s);
  });
  return [...groups.values()];
}

/** Distinct positions: sorted values within `tol` of the previous one are the same line. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** How much of [a, b] the segments at `pos` (within tol) cover, 0..1. */
function coverage(segs: Segment[], pos: number, a: number, b: number, tol: number): number {
  const parts = segs
    .filter((s) => Math.abs(s.pos - pos) <= tol)
    .map((s) => [Math.max(a, s.a - tol), Math.min(b, s.b + tol)] as const)
    .filter(([x, y]) => y > x)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [x, y] of parts) {
    if (y <= end) continue;
    covered += y - Math.max(x, end);
    end = y;
  }
  return covered / Math.max(1, b - a);
}

/** Grid cells joined where the ruling between them is missing; each joined group becomes its bounding cell. */
function mergeCells(xs: number[], ys: number[], g: Rulings, tol: number): Cell[] {
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  // Shrink spans by the tolerance so a crossing line's thickness does not count as the boundary itself.
  for (let r = 0; r < R; r++)
    for (let c = 0; c + 1 < C; c++)
      if (coverage(g.v, xs[c + 1]!, ys[r]! + tol, ys[r + 1]! - tol, tol) < RULED) join(id(r, c), id(r, c + 1));
  for (let r = 0; r + 1 < R; r++)
    for (let c = 0; c < C; c++)
      if (coverage(g.h, ys[r + 1]!, xs[c]! + tol, xs[c + 1]! - tol, tol) < RULED) join(id(r, c), id(r + 1, c));
  const cells = new Map<number, Cell>();
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const k = find(id(r, c));
      const cell = cells.get(k);
      if (!cell) cells.set(k, { r0: r, c0: c, r1: r, c1: c });
      else {
        cell.r0 = Math.min(cell.r0, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.r1 = Math.max(cell.r1, r);
        cell.c1 = Math.max(cell.c1, c);
      }
    }
  return [...cells.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}
