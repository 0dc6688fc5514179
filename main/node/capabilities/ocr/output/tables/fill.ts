import type { Pt, Quad } from '../../preprocess/image.js';
import type { Cell, TableGrid } from './grid.js';

/** An OCR line in the page's upright frame. */
export interface UprightLine {
  text: string;
  quad: Quad;
  /** Character centres along the line, 0..1 (OcrLine.chars), when the recogniser gave them. */
  chars?: number[];
}

export interface FilledTable extends TableGrid {
  cells: (Cell & { text: string })[];
}

/**
 * Puts the OCR text into the tables' cells. A line usually lies in one cell; where the detector ran one line
 * across a ruling (short gaps between cells), its characters are shared out by position along the box — CJK
 * characters one em wide, others about half — and each goes to the cell its centre falls in. Lines in a cell are
 * joined top to bottom with a newline. Lines outside every table are returned in the order given.
 */
export function fillTables(grids: TableGrid[], lines: UprightLine[]): { tables: FilledTable[]; outside: UprightLine[] } {
  const parts = grids.map((g) => g.cells.map(() => [] as { y: number; x: number; text: string }[]));
  const outside: UprightLine[] = [];
  for (const line of lines) {
    const [tl, tr, br, bl] = line.quad;
    const cy = (tl[1] + tr[1] + br[1] + bl[1]) / 4;
    const cx = (tl[0] + tr[0] + br[0] + bl[0]) / 4;
    const t = grids.findIndex((g) => cx >= g.xs[0]! && cx <= g.xs[g.xs.length - 1]! && cy >= g.ys[0]! && cy <= g.ys[g.ys.length - 1]!);
    if (t < 0) {
      outside.push(line);
      continue;
    }
    const g = grids[t]!;
    const chars = [...line.text];
    const left = (tl[0] + bl[0]) / 2;
    const right = (tr[0] + br[0]) / 2;
    const at = line.chars?.length === chars.length ? line.chars : estimatedAt(chars);
    const h = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
    let current = -1;
    chars.forEach((ch, i) => {
      const x = left + at[i]! * (right - left);
      // A ruling read as a character (丨, |, 1, l, I right on a column line) is not text.
      if (RULE_LIKE.test(ch) && g.xs.some((b) => Math.abs(b - x) < Math.max(4, 0.15 * h))) return;
      // A space goes with the character before it (trimmed at the cell's ends).
      const k = ch.trim() ? cellAt(g, x, cy) : current;
      if (k < 0) return;
      current = k;
      const list = parts[t]![k]!;
      const last = list[list.length - 1];
      if (last && last.y === cy) last.text += ch;
      else list.push({ y: cy, x, text: ch });
    });
  }
  const tables = grids.map((g, t) => ({
    ...g,
    cells: g.cells.map((c, k) => ({
      ...c,
      text: parts[t]![k]!
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((p) => p.text.trim())
        .filter(Boolean)
        .join('\n'),
    })),
  }));
  return { tables, outside };
}

const RULE_LIKE = /^[|丨｜1lIǀ]$/;

/** Character centres estimated from their widths (CJK one em, others about half), when the recogniser gave none. */
function estimatedAt(chars: string[]): number[] {
  const weights = chars.map(charWidth);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  let acc = 0;
  return weights.map((w) => {
    const f = (acc + w / 2) / total;
    acc += w;
    return f;
  });
}

/** Index of the cell containing the point, -1 when none does. */
export function cellAt(g: TableGrid, x: number, y: number): number {
  const c = slot(g.xs, x);
  const r = slot(g.ys, y);
  if (c < 0 || r < 0) return -1;
  return g.cells.findIndex((cell) => r >= cell.r0 && r <= cell.r1 && c >= cell.c0 && c <= cell.c1);
}

/** Which interval between consecutive boundaries holds v (the nearest one at the edges), -1 far outside. */
function slot(bounds: number[], v: number): number {
  if (v < bounds[0]! - 2 || v > bounds[bounds.length - 1]! + 2) return -1;
  for (let i = 0; i + 1 < bounds.length; i++) if (v <= bounds[i + 1]!) return i;
  return bounds.length - 2;
}

/** Rough advance of a character in ems: CJK and full-width forms 1, everything else about half. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x2e80 && cp <= 0x9fff) return 1;
  if (cp >= 0xac00 && cp <= 0xd7af) return 1;
  if (cp >= 0xf900 && cp <= 0xfaff) return 1;
  if (cp >= 0xff00 && cp <= 0xff60) return 1;
  if (cp >= 0x20000) return 1;
  return 0.55;
}

export const centre = (q: Quad): Pt => [(q[0][0] + q[2][0]) / 2, (q[0][1] + q[2][1]) / 2];
