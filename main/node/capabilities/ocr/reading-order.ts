import { dist, type Pt, type Quad } from './preprocess/image.js';

/** A recognised piece of text with its box in the upright frame (clockwise from the text's top-left). */
export interface ReadItem {
  quad: Quad;
  text: string;
  confidence: number;
  /** Each character's centre along the quad's left → right edge, 0..1 (one per code point), when known. */
  at?: number[];
}

export interface ReadingOrderOptions {
  /**
   * Two pieces are on the same text line when the second's centre is within this fraction of the smaller height
   * from the first's centre line (extended along its slope, so skewed lines still group). Default 0.5.
   */
  lineTolerance?: number;
  /** Neighbours on a text line closer than this many line heights are one line the detector split. Default 1.2. */
  mergeGap?: number;
  /** A gap wider than this many line heights becomes a space when pieces are merged. Default 0.3. */
  spaceGap?: number;
}

interface Geo {
  item: ReadItem;
  h: number;
  /** Centre of the left and right edges. */
  l: Pt;
  r: Pt;
  cx: number;
  cy: number;
  slope: number;
}

const mid = (a: Pt, b: Pt): Pt => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

function geo(item: ReadItem): Geo {
  const q = item.quad;
  const l = mid(q[0], q[3]);
  const r = mid(q[1], q[2]);
  const h = (dist(q[0], q[3]) + dist(q[1], q[2])) / 2;
  const dx = r[0] - l[0];
  const slope = Math.abs(dx) > 1e-6 ? (r[1] - l[1]) / dx : 0;
  return { item, h: Math.max(1, h), l, r, cx: (l[0] + r[0]) / 2, cy: (l[1] + r[1]) / 2, slope: Math.max(-1, Math.min(1, slope)) };
}

interface Row {
  /** The longest piece: its centre line stands for the row's. */
  anchor: Geo;
  members: Geo[];
}

const rowYAt = (row: Row, x: number): number => row.anchor.cy + (x - row.anchor.cx) * row.anchor.slope;

/**
 * Sorts pieces top to bottom, left to right: pieces whose centres sit on one text line form a row (read left to
 * right), rows are read top to bottom; neighbours on a row with a small gap are merged into one line.
 */
export function readingOrder(items: readonly ReadItem[], o: ReadingOrderOptions = {}): ReadItem[] {
  const tol = o.lineTolerance ?? 0.5;
  const geos = items.map(geo).sort((a, b) => a.cy - b.cy);
  const rows: Row[] = [];
  for (const g of geos) {
    let best: Row | undefined;
    let bestD = Infinity;
    for (const row of rows) {
      const d = Math.abs(g.cy - rowYAt(row, g.cx));
      if (d <= tol * Math.min(g.h, row.anchor.h) && d < bestD) {
        best = row;
        bestD = d;
      }
    }
    if (!best) rows.push({ anchor: g, members: [g] });
    else {
      best.members.push(g);
      if (dist(g.l, g.r) > dist(best.anchor.l, best.anchor.r)) best.anchor = g;
    }
  }
  // Rows top to bottom by where their centre line crosses the page's left edge of text.
  const x0 = Math.min(...geos.map((g) => g.l[0]));
  rows.sort((a, b) => rowYAt(a, x0) - rowYAt(b, x0));
  const out: ReadItem[] = [];
  for (const row of rows) {
    const members = row.members.sort((a, b) => a.l[0] - b.l[0]);
    let cur = members[0]!;
    for (let i = 1; i < members.length; i++) {
      const next = members[i]!;
      const merged = tryMerge(cur, next, o);
      if (merged) cur = merged;
      else {
        out.push(cur.item);
        cur = next;
      }
    }
    out.push(cur.item);
  }
  return out;
}

const isAsciiWord = (c: string | undefined): boolean => !!c && /[A-Za-z0-9]/.test(c);

/** Pieces overlapping by more than this many line heights are not one line cut in two. */
const MAX_OVERLAP = 2;

function tryMerge(a: Geo, b0: Geo, o: ReadingOrderOptions): Geo | undefined {
  const h = Math.min(a.h, b0.h);
  const ratio = Math.max(a.h, b0.h) / h;
  const gap = b0.l[0] - a.r[0];
  if (ratio > 1.6 || gap > (o.mergeGap ?? 1.2) * h || gap < -MAX_OVERLAP * h) return undefined;
  // Overlapping pieces: one line the detector cut with a stretch in both boxes, which was then read twice.
  const b = gap < -0.5 * h ? withoutReadTwice(a, b0) : b0;
  if (!b) return undefined;
  const tail = a.item.text.at(-1);
  const head = b.item.text[0];
  const space = gap > (o.spaceGap ?? 0.3) * h || (isAsciiWord(tail) && isAsciiWord(head) && gap > 0.15 * h);
  const text = a.item.text + (space && tail !== ' ' && head !== ' ' ? ' ' : '') + b.item.text;
  const la = [...a.item.text].length || 1;
  const lb = [...b.item.text].length || 1;
  const confidence = (a.item.confidence * la + b.item.confidence * lb) / (la + lb);
  const qa = a.item.quad;
  const qb = b.item.quad;
  return geo({ quad: [qa[0], qb[1], qb[2], qa[3]], text, confidence, at: mergedAt(a, b, space && tail !== ' ' && head !== ' ') });
}

/**
 * `b` without its leading characters that lie inside `a`'s box, when they are the very characters `a` ends with
 * (the stretch both boxes hold, read twice); undefined when the characters' positions are unknown or the two
 * readings of the shared stretch differ (then they are not the same text, and stay two lines).
 */
function withoutReadTwice(a: Geo, b: Geo): Geo | undefined {
  const atA = a.item.at;
  const atB = b.item.at;
  const charsA = [...a.item.text];
  const charsB = [...b.item.text];
  if (!atA || !atB || atA.length !== charsA.length || atB.length !== charsB.length) return undefined;
  const xOf = (g: Geo, f: number): number => g.l[0] + f * (g.r[0] - g.l[0]);
  const inA = atB.filter((f) => xOf(b, f) < a.r[0]).length;
  const inB = atA.filter((f) => xOf(a, f) > b.l[0]).length;
  if (inA !== inB || charsB.slice(0, inA).join('') !== charsA.slice(charsA.length - inA).join('')) return undefined;
  return { ...b, item: { ...b.item, text: charsB.slice(inA).join(''), at: atB.slice(inA) } };
}

/** Character positions of two merged pieces along the merged box (a space, when added, in the gap between them). */
function mergedAt(a: Geo, b: Geo, space: boolean): number[] | undefined {
  if (!a.item.at || !b.item.at) return undefined;
  const x0 = a.l[0];
  const span = b.r[0] - x0 || 1;
  const along = (g: Geo, f: number) => (g.l[0] + f * (g.r[0] - g.l[0]) - x0) / span;
  return [...a.item.at.map((f) => along(a, f)), ...(space ? [(a.r[0] + b.l[0]) / 2 / span - x0 / span] : []), ...b.item.at.map((f) => along(b, f))];
}
