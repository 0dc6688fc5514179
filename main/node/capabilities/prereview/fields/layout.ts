/**
 * Rows of text from OCR lines. Engines give one box per text run: a label and its value may be one line
 * ("姓名 孙建平"), two boxes on one row ("姓名" | "孙建平"), or the value may wrap to the next row. Rows put boxes
 * that sit side by side (in the page's upright orientation) into one text, and remember which characters came from
 * which OCR line so a value maps back to its line, box and confidence.
 */
import type { Box, OcrLine, OcrPage, Rotation } from '../../../../common/contract/index.js';
import { matchForm, toHalfWidth } from '../text.js';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Segment {
  line: OcrLine;
  /** Character range of this line in Row.text. */
  start: number;
  end: number;
  /** The line's box in upright page coordinates. */
  rect: Rect;
}

export interface Row {
  page: number;
  /** The row's lines joined with one space, half-width. */
  text: string;
  /** `text` in match form (simplified), same length. */
  match: string;
  segments: Segment[];
  rect: Rect;
  /** Height of a text line in this row (median of its boxes). */
  lineHeight: number;
}

/** The box as it is after turning the page by `rotation` (clockwise) so the text reads upright. */
export function uprightRect(box: Box, rotation: Rotation, width: number, height: number): Rect {
  const pts = box.map(([x, y]) => {
    switch (rotation) {
      case 90:
        return [height - y, x] as const;
      case 180:
        return [width - x, height - y] as const;
      case 270:
        return [y, width - x] as const;
      default:
        return [x, y] as const;
    }
  });
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const cy = (r: Rect) => (r.y0 + r.y1) / 2;
const h = (r: Rect) => Math.max(1, r.y1 - r.y0);

/** Groups a page's lines into rows, top to bottom, each left to right. Empty lines are dropped. */
export function buildRows(page: OcrPage): Row[] {
  const items = page.lines
    .filter((l) => l.text.trim() !== '')
    .map((line, i) => ({ line, i, rect: uprightRect(line.box, page.rotation, page.width, page.height) }));
  // Keep the engine's reading order among lines on the same row; sort rows by their vertical centre.
  items.sort((a, b) => cy(a.rect) - cy(b.rect) || a.i - b.i);

  const groups: Array<typeof items> = [];
  for (const it of items) {
    let placed = false;
    for (let g = groups.length - 1; g >= 0 && g >= groups.length - 3; g--) {
      const group = groups[g]!;
      const gcy = group.reduce((s, x) => s + cy(x.rect), 0) / group.length;
      const gh = Math.min(...group.map((x) => h(x.rect)));
      const sameRow = Math.abs(cy(it.rect) - gcy) <= 0.5 * Math.min(gh, h(it.rect));
      const overlaps = group.some((x) => it.rect.x0 < x.rect.x1 - 2 && it.rect.x1 > x.rect.x0 + 2);
      if (sameRow && !overlaps) {
        group.push(it);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push([it]);
  }

  return groups.map((group) => {
    group.sort((a, b) => a.rect.x0 - b.rect.x0);
    let text = '';
    const segments: Segment[] = [];
    for (const it of group) {
      if (text) text += ' ';
      const t = toHalfWidth(it.line.text.trim());
      segments.push({ line: it.line, start: text.length, end: text.length + t.length, rect: it.rect });
      text += t;
    }
    const heights = group.map((x) => h(x.rect)).sort((a, b) => a - b);
    return {
      page: page.page,
      text,
      match: matchForm(text),
      segments,
      rect: {
        x0: Math.min(...group.map((x) => x.rect.x0)),
        y0: Math.min(...group.map((x) => x.rect.y0)),
        x1: Math.max(...group.map((x) => x.rect.x1)),
        y1: Math.max(...group.map((x) => x.rect.y1)),
      },
      lineHeight: heights[Math.floor(heights.length / 2)]!,
    };
  });
}

/** Rows of all pages, in page order. */
export function buildAllRows(pages: OcrPage[]): Row[] {
  return [...pages].sort((a, b) => a.page - b.page).flatMap(buildRows);
}

/** The OCR lines of `row` that hold characters [start, end). */
export function linesIn(row: Row, start: number, end: number): OcrLine[] {
  return row.segments.filter((s) => s.start < end && s.end > start).map((s) => s.line);
}

/** Approximate x (upright) where character `index` of the row starts. */
export function xAt(row: Row, index: number): number {
  const seg = row.segments.find((s) => index >= s.start && index < s.end) ?? row.segments.find((s) => s.start >= index);
  if (!seg) return row.rect.x1;
  const frac = seg.end > seg.start ? (Math.max(index, seg.start) - seg.start) / (seg.end - seg.start) : 0;
  return seg.rect.x0 + frac * (seg.rect.x1 - seg.rect.x0);
}

/** One box around several (original page coordinates, axis-aligned); the box itself for one line. */
export function unionBox(lines: OcrLine[]): Box | null {
  if (lines.length === 0) return null;
  if (lines.length === 1) return lines[0]!.box;
  const xs = lines.flatMap((l) => l.box.map((p) => p[0]));
  const ys = lines.flatMap((l) => l.box.map((p) => p[1]));
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const x1 = Math.max(...xs);
  const y1 = Math.max(...ys);
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}
