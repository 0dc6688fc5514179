import { OCR_DEFAULTS } from '../defaults.js';
import { boxesWithin, CELL, coarseMask, components, fill, joinNear, toRect, union, type Component, type Rect } from './ink-components.js';

/** A red seal: its box in the page's pixels, and how much of the box its ink fills (0..1, doubled, capped). */
export interface SealBox extends Rect {
  score: number;
}

const { sealMinSide, sealAspect, minLineHeight, minLineGlyphs } = OCR_DEFAULTS.redInk;

/**
 * Red seals in a mask of lifted red ink (1 = ink): on a coarse grid, red cells joined over small gaps are pieces;
 * black text across a seal cuts its ink apart, so pieces within half a seal's size of each other are one seal.
 * A seal is at least ~9 mm across (4 % of the page's shorter side), about as tall as wide (round and oval stamps)
 * and well filled (a ring alone covers about a quarter of its box; a red letterhead is far wider than tall).
 */
export function sealsIn(mask: Uint8Array, width: number, height: number): SealBox[] {
  return sealGroups(coarseMask(mask, width, height), width, height)
    .filter((g) => g.seal)
    .map((g) => ({ ...toRect(g.c, width, height), score: Math.min(1, fill(g.c) * 2) }));
}

/** The pieces of red ink (on the mask's grid) joined as seals are (see sealsIn), each said to be a seal or not. */
function sealGroups(g: { cols: number; rows: number; grid: Uint8Array }, width: number, height: number): { c: Component; seal: boolean }[] {
  const { cols, rows, grid } = g;
  const minSide = Math.min(width, height) * sealMinSide;
  return joinNear(components(grid, cols, rows, 2), boxesWithin(minSide / CELL / 2)).map((c) => ({ c, seal: sealLike(c, minSide) }));
}

function sealLike(c: Component, minSide: number): boolean {
  const w = (c.x1 - c.x0 + 1) * CELL;
  const h = (c.y1 - c.y0 + 1) * CELL;
  if (w < minSide || h < minSide) return false;
  if (w / h < sealAspect[0] || w / h > sealAspect[1]) return false;
  return fill(c) >= 0.12;
}

/**
 * Red ink that is printed lines of text — a red letterhead (红头), a red title or note — rather than a stamp: seal
 * suppression lifts every red stroke, and these are to be given back and read. Returns each line as the pixel
 * boxes of its pieces of ink (characters, or runs of characters printed close together).
 *
 * Pieces side by side (sharing half their height, less than two heights apart) make a line. A line counts as
 * text when its ink is at least `minLineHeight` pixels high, at least `minLineGlyphs` heights wide (about that many
 * characters) and crossed by strokes the way print is: a row through its middle meets at least 1.5 strokes per
 * line height of width (a CJK character has three or four; a rule one in all, a scrawl a few). Kept lifted: a
 * seal's pieces and anything touching them; a frame — a hollow piece, wide or very tall, with others inside it: a
 * rectangular stamp (复印件与原件一致, 现金收讫), a red table ruling, the ring of a seal cut off at the page's edge —
 * and what is inside it; within a line, a solid bar (one stroke across).
 */
export function redTextLines(mask: Uint8Array, width: number, height: number): Rect[][] {
  const coarseGrid = coarseMask(mask, width, height);
  const { cols, rows, grid } = coarseGrid;
  const seals = sealGroups(coarseGrid, width, height)
    .filter((g) => g.seal)
    .map((g) => g.c);
  const pieces = components(grid, cols, rows, 1).filter((c) => c.cells >= 2);
  const heights = pieces.map((p) => p.y1 - p.y0 + 1).sort((a, b) => a - b);
  const tallest = heights[Math.floor(heights.length * 0.9)] ?? 0;
  // 国 holds 玉, and a run of characters printed close together may hold a dot, but neither is hollow.
  const frames = pieces.filter((p) => {
    const w = p.x1 - p.x0 + 1;
    const h = p.y1 - p.y0 + 1;
    return fill(p) < 0.3 && (w >= 1.6 * h || h >= 3 * tallest) && pieces.some((q) => q !== p && inside(q, p));
  });
  const shut = [...seals, ...frames];
  const free = pieces.filter((p) => !shut.some((b) => overlaps(b, p)));
  const out: Rect[][] = [];
  for (const line of groupLines(free)) {
    const box = toRect(line.reduce(union), width, height);
    const ink = inkRows(mask, width, box);
    if (ink.height < minLineHeight || box.x1 - box.x0 < minLineGlyphs * ink.height) continue;
    const band = { ...box, y0: ink.top, y1: ink.top + ink.height };
    if (strokesAcross(mask, width, band) < (1.5 * (box.x1 - box.x0)) / ink.height) continue;
    out.push(line.map((p) => toRect(p, width, height)).filter((r) => strokesAcross(mask, width, r) >= 1.5));
  }
  return out;
}

const overlaps = boxesWithin(0);
const inside = (q: Component, p: Component): boolean => q.x0 > p.x0 && q.x1 < p.x1 && q.y0 > p.y0 && q.y1 < p.y1;

/** Pieces joined into lines: two pieces of one line share half the shorter one's height and are less than two heights apart. */
function groupLines(pieces: readonly Component[]): Component[][] {
  const byTop = [...pieces].sort((a, b) => a.y0 - b.y0);
  const parent = byTop.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    // Sorted by top: once a piece starts below this one's bottom, none after it shares a row with it.
    for (let j = i + 1; j < byTop.length && byTop[j]!.y0 <= a.y1; j++) if (sameLine(a, byTop[j]!)) parent[root(j)] = root(i);
  }
  const lines = new Map<number, Component[]>();
  byTop.forEach((p, i) => {
    const r = root(i);
    const l = lines.get(r);
    if (l) l.push(p);
    else lines.set(r, [p]);
  });
  return [...lines.values()];
}

function sameLine(a: Component, b: Component): boolean {
  const ha = a.y1 - a.y0 + 1;
  const hb = b.y1 - b.y0 + 1;
  const shared = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1;
  if (shared < Math.min(ha, hb) / 2) return false;
  const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) - 1;
  return gap < 2 * Math.max(ha, hb);
}

/** The rows of the box that hold ink: the first one and how many from it to the last (the line's real height). */
function inkRows(mask: Uint8Array, width: number, r: Rect): { top: number; height: number } {
  let first = -1;
  let last = -1;
  for (let y = r.y0; y < r.y1; y++) {
    const row = y * width;
    for (let x = r.x0; x < r.x1; x++)
      if (mask[row + x] === 1) {
        if (first < 0) first = y;
        last = y;
        break;
      }
  }
  return first < 0 ? { top: r.y0, height: 0 } : { top: first, height: last - first + 1 };
}

/** How many strokes a row through the middle half of the box meets, on average (runs of ink along the row). */
function strokesAcross(mask: Uint8Array, width: number, r: Rect): number {
  const h = r.y1 - r.y0;
  const y0 = r.y0 + Math.floor(h / 4);
  const y1 = Math.max(y0 + 1, r.y1 - Math.floor(h / 4));
  let runs = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    for (let x = r.x0, prev = 0; x < r.x1; x++) {
      const v = mask[row + x]!;
      if (v === 1 && prev === 0) runs++;
      prev = v;
    }
  }
  return runs / (y1 - y0);
}
