import { OCR_DEFAULTS } from '../defaults.js';
import { CELL, coarseMask, components, joinNear, sealLike, type Component } from './ink-components.js';

/** A rectangle in the page's pixels, x1/y1 exclusive. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A red line of text is at least this many pixels high (thinner red ink is a rule or a stroke of a mark). */
const MIN_LINE_HEIGHT = 12;

/**
 * Red ink that is lines of text to be read, not a seal: a red letterhead (红头), a red title or note. Seal
 * suppression lifts every red stroke; these are given back. On the grid of the lifted red ink, the pieces of a
 * seal are joined as findSeals joins them and left alone; the other pieces are joined along lines (pieces beside
 * each other, overlapping vertically by half the smaller, less than two of their heights apart), and a line at least
 * MIN_LINE_HEIGHT high and wider than any seal's aspect allows counts as text. A red rule under a letterhead is too
 * thin; a single red character or tick is not wide enough and stays lifted.
 */
export function redTextBoxes(mask: Uint8Array, width: number, height: number): PixelBox[] {
  const { cols, rows, grid } = coarseMask(mask, width, height);
  const pieces = components(grid, cols, rows, 1).filter((c) => c.cells >= 2);
  const minSide = Math.min(width, height) * OCR_DEFAULTS.marks.sealMinSide;
  const aspect = OCR_DEFAULTS.marks.sealAspect;
  const seals = joinNear(pieces, minSide / CELL / 2).filter((c) => sealLike(c, minSide, aspect));
  const free = pieces.filter((p) => !seals.some((s) => overlaps(s, p)));
  const lines = joinNear(free, 0, sameLine);
  const out: PixelBox[] = [];
  for (const l of lines) {
    const w = (l.x1 - l.x0 + 1) * CELL;
    const h = (l.y1 - l.y0 + 1) * CELL;
    if (h < MIN_LINE_HEIGHT || w <= h * aspect[1]) continue;
    out.push({ x0: l.x0 * CELL, y0: l.y0 * CELL, x1: Math.min(width, (l.x1 + 1) * CELL), y1: Math.min(height, (l.y1 + 1) * CELL) });
  }
  return out;
}

const overlaps = (a: Component, b: Component): boolean => !(a.x0 > b.x1 || b.x0 > a.x1 || a.y0 > b.y1 || b.y0 > a.y1);

/** Two pieces of one line of text: rows overlapping by half the shorter one, columns less than two heights apart. */
function sameLine(a: Component, b: Component): boolean {
  const ha = a.y1 - a.y0 + 1;
  const hb = b.y1 - b.y0 + 1;
  const shared = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) + 1;
  if (shared < Math.min(ha, hb) / 2) return false;
  const gap = Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) - 1;
  return gap < 2 * Math.max(ha, hb);
}
