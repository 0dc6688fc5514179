import type { GreyImage } from '../../preprocess/image.js';

/** A ruling line: horizontal (`pos` = y, from `a` to `b` along x) or vertical (`pos` = x, `a`..`b` along y). */
export interface Segment {
  pos: number;
  a: number;
  b: number;
  /** Rows (or columns) of pixels it is made of. */
  thickness: number;
}

export interface Rulings {
  h: Segment[];
  v: Segment[];
}

export interface RulingOptions {
  /** Grey level below which a pixel is ink. */
  dark: number;
  /** Shortest horizontal / vertical run taken as a ruling (pixels). */
  minH: number;
  minV: number;
  /** Gaps up to this long inside a run are bridged (broken toner, JPEG). */
  gap?: number;
}

/**
 * The table rulings of a page: long dark runs along rows and columns, runs on neighbouring rows (columns) joined
 * into one line of some thickness. Kept are only lines that cross or touch at least two lines of the other
 * direction: a ruled table's lines always do, the strokes of characters and underlines almost never.
 * Hand-written: no image-processing library here does morphology on a raw grey buffer (sharp has no opening).
 */
export function findRulings(img: GreyImage, o: RulingOptions): Rulings {
  const gap = o.gap ?? 2;
  let h = joinRuns(runs(img, 'h', o.dark, o.minH, gap));
  let v = joinRuns(runs(img, 'v', o.dark, o.minV, gap));
  // Two rounds: dropping stray strokes of one direction can leave lines of the other with fewer crossings.
  for (let round = 0; round < 2; round++) {
    const slack = 4;
    h = h.filter((s) => v.filter((t) => crosses(s, t, slack)).length >= 2);
    v = v.filter((t) => h.filter((s) => crosses(s, t, slack)).length >= 2);
  }
  return { h, v };
}

/** Whether horizontal `s` and vertical `t` meet (within `slack` pixels plus their thickness). */
export function crosses(s: Segment, t: Segment, slack: number): boolean {
  const sx = slack + s.thickness;
  const tx = slack + t.thickness;
  return t.pos >= s.a - tx && t.pos <= s.b + tx && s.pos >= t.a - sx && s.pos <= t.b + sx;
}

interface Run {
  line: number;
  a: number;
  b: number;
}

/** Dark runs of at least `min` pixels along each row ('h') or column ('v'). */
function runs(img: GreyImage, dir: 'h' | 'v', dark: number, min: number, gap: number): Run[] {
  const { width: W, height: H, data } = img;
  const lines = dir === 'h' ? H : W;
  const len = dir === 'h' ? W : H;
  const out: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    let lastDark = -1;
    for (let i = 0; i <= len; i++) {
      const v = i < len ? data[dir === 'h' ? l * W + i : i * W + l]! : 255;
      if (v < dark) {
        if (start < 0) start = i;
        lastDark = i;
      } else if (start >= 0 && i - lastDark > gap) {
        if (lastDark - start + 1 >= min) out.push({ line: l, a: start, b: lastDark });
        start = -1;
      }
    }
  }
  return out;
}

/** Runs on adjacent rows (columns) that overlap mostly become one segment: a ruling a few pixels thick. */
function joinRuns(rs: Run[]): Segment[] {
  interface Open {
    first: number;
    last: number;
    a: number;
    b: number;
  }
  const done: Open[] = [];
  let open: Open[] = [];
  for (let i = 0; i < rs.length; ) {
    const line = rs[i]!.line;
    const continued: Open[] = [];
    for (; i < rs.length && rs[i]!.line === line; i++) {
      const r = rs[i]!;
      const k = open.findIndex((o) => o.last === line - 1 && overlap(o, r) >= 0.6 * Math.min(o.b - o.a, r.b - r.a));
      if (k >= 0) {
        const o = open.splice(k, 1)[0]!;
        continued.push({ first: o.first, last: line, a: Math.min(o.a, r.a), b: Math.max(o.b, r.b) });
      } else continued.push({ first: line, last: line, a: r.a, b: r.b });
    }
    done.push(...open); // not continued on this line: finished
    open = continued;
  }
  done.push(...open);
  return done
    .filter((o) => o.last - o.first < 12) // thicker than that is a filled block or a picture, not a ruling
    .map((o) => ({ pos: (o.first + o.last) / 2, a: o.a, b: o.b, thickness: o.last - o.first + 1 }));
}

const overlap = (x: { a: number; b: number }, r: { a: number; b: number }): number => Math.min(x.b, r.b) - Math.max(x.a, r.a);
