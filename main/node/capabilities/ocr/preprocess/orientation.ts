import type { Rotation } from '../../../../common/contract/index.js';
import { orderClockwise } from '../det/geometry.js';
import { dist, type Pt, type Quad } from './image.js';

/**
 * Page orientation. Text lines are found on the page as given (the detector does not care which way they run);
 * lines much taller than wide mean the page is sideways (90 or 270), wide ones that it is upright or upside down
 * (0 or 180). Which of the two is settled by the direction classifier's votes over the lines, and when those are
 * not clear, by which way round the recogniser is more confident.
 *
 * Frames: O is the page as given (W×H); U is O turned clockwise by `rotation`, where the text reads upright.
 */

/** A point of O in U. */
export function toUpright(p: Pt, rotation: Rotation, W: number, H: number): Pt {
  switch (rotation) {
    case 0:
      return p;
    case 90:
      return [H - p[1], p[0]];
    case 180:
      return [W - p[0], H - p[1]];
    case 270:
      return [p[1], W - p[0]];
  }
}

/** A point of U back in O. */
export function fromUpright(p: Pt, rotation: Rotation, W: number, H: number): Pt {
  switch (rotation) {
    case 0:
      return p;
    case 90:
      return [p[1], H - p[0]];
    case 180:
      return [W - p[0], H - p[1]];
    case 270:
      return [W - p[1], p[0]];
  }
}

export const uprightSize = (rotation: Rotation, W: number, H: number): { width: number; height: number } =>
  rotation === 90 || rotation === 270 ? { width: H, height: W } : { width: W, height: H };

export const mapQuad = (q: Quad, f: (p: Pt) => Pt): Quad => [f(q[0]), f(q[1]), f(q[2]), f(q[3])];

/** A box of O, as a quad of U clockwise from the text's top-left. */
export function uprightQuad(q: Quad, rotation: Rotation, W: number, H: number): Quad {
  return orderClockwise(q.map((p) => toUpright(p, rotation, W, H)));
}

export interface LineShape {
  /** Length along the line's long side. */
  long: number;
  short: number;
  /** The long side runs closer to vertical than horizontal. */
  vertical: boolean;
}

export function lineShape(q: Quad): LineShape {
  const a = dist(q[0], q[1]);
  const b = dist(q[1], q[2]);
  const [p, r] = a >= b ? [q[0], q[1]] : [q[1], q[2]];
  const vertical = Math.abs(r[1] - p[1]) > Math.abs(r[0] - p[0]);
  return { long: Math.max(a, b), short: Math.min(a, b), vertical };
}

/** Lines at least this much longer than thick say which way the text runs; squarer boxes (single characters) don't. */
const ELONGATED = 1.8;

/**
 * Whether the page is sideways: the elongated boxes, weighted by length, mostly run vertically. `confidence` is
 * the winning share (0.5 when there is nothing to go by).
 */
export function sidewaysVote(quads: readonly Quad[]): { sideways: boolean; confidence: number } {
  let vertical = 0;
  let horizontal = 0;
  for (const q of quads) {
    const s = lineShape(q);
    if (s.long < ELONGATED * s.short) continue;
    if (s.vertical) vertical += s.long;
    else horizontal += s.long;
  }
  const total = vertical + horizontal;
  if (total === 0) return { sideways: false, confidence: 0.5 };
  return { sideways: vertical > horizontal, confidence: Math.max(vertical, horizontal) / total };
}

/**
 * The classifier's page vote: mean "upside down" probability over the lines, weighted by line length (long lines
 * are more reliable than a digit or two). Returns a value in 0..1; above 0.5 means flip.
 */
export function flipVote(votes: readonly { p180: number; weight: number }[]): number {
  let sum = 0;
  let w = 0;
  for (const v of votes) {
    sum += v.p180 * v.weight;
    w += v.weight;
  }
  return w > 0 ? sum / w : 0.5;
}

export const addRotation = (r: Rotation, by: 0 | 90 | 180 | 270): Rotation => ((r + by) % 360) as Rotation;
