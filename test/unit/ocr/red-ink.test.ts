import { describe, expect, it } from 'vitest';
import { toGrey } from '../../../main/node/capabilities/ocr/preprocess/grey.js';
import { redTextLines, sealsIn } from '../../../main/node/capabilities/ocr/preprocess/red-ink.js';

type RGB = [number, number, number];
type Shape = (x: number, y: number) => boolean;
const PAPER: RGB = [246, 243, 234];
const RED: RGB = [200, 40, 30];
const luma = ([r, g, b]: RGB): number => (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;
const W = 1000;
const H = 700;

/** A 1000×700 page of paper with red ink where any shape says so. */
function page(...shapes: Shape[]) {
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data.set(shapes.some((s) => s(x, y)) ? RED : PAPER, (y * W + x) * 3);
  return { data, width: W, height: H, channels: 3 as const };
}

/** Six 24×24 "characters" 8 px apart from (40, 20); the third one is enclosing, like 国 (a ring with a block inside). */
const letterhead: Shape = (x, y) => {
  if (y < 20 || y >= 44 || x < 40 || x >= 40 + 6 * 32 || (x - 40) % 32 >= 24) return false;
  const cx = (x - 40) % 32;
  const cy = y - 20;
  if (Math.floor((x - 40) / 32) === 2) return cx < 3 || cx >= 21 || cy < 3 || cy >= 21 || (cx >= 9 && cx < 15 && cy >= 9 && cy < 15);
  return (x + y) % 5 !== 0;
};
/** A rule under the letterhead, `t` px thick. */
const rule =
  (t: number): Shape =>
  (x, y) =>
    y >= 56 && y < 56 + t && x >= 30 && x < 970;
/** A round seal (ring and dotted centre), radius 30, at (cx, cy); `density` of its centre dots. */
const seal =
  (cx: number, cy: number, ring = true): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d < 30 && ((ring && d > 25) || (x + y) % 3 === 0);
  };
/** A rectangular stamp (复印件与原件一致): a 420×90 frame round seven 30 px characters of two strokes each, at (400, 300). */
const boxStamp: Shape = (x, y) => {
  if (x < 400 || x >= 820 || y < 300 || y >= 390) return false;
  if (x < 404 || x >= 816 || y < 304 || y >= 386) return true;
  return y >= 330 && y < 360 && x >= 420 && x < 420 + 7 * 56 && [0, 1, 2, 22, 23, 24].includes((x - 420) % 56);
};

/** The top of a seal whose centre is 10 px below the page (radius 60, ring 55–60): its ring and the characters along it. */
const cutSeal: Shape = (x, y) => {
  const d = Math.hypot(x - 300, y - 710);
  if (d >= 55 && d < 60) return true;
  // Ten 9×9 characters on an arc of radius 45, from 160° to 20° over the top.
  for (let k = 0; k < 10; k++) {
    const a = Math.PI * (160 - k * 15.5) / 180;
    const cx = 300 + 45 * Math.cos(a);
    const cy = 710 - 45 * Math.sin(a);
    if (Math.abs(x - cx) < 4.5 && Math.abs(y - cy) < 4.5) return true;
  }
  return false;
};

const at = (g: { data: Uint8Array; width: number }, x: number, y: number) => g.data[y * g.width + x]!;
const lifted = (g: { data: Uint8Array; width: number }, x: number, y: number) => at(g, x, y) > luma(PAPER) - 10;

describe('red ink: seals lifted, red lines of text given back', () => {
  it('gives a red letterhead its grey back and takes it out of the red-ink mask, enclosing characters too', () => {
    // A red bar on the letterhead's rows, just after it, is no character.
    const bar: Shape = (x, y) => y >= 28 && y < 36 && x >= 250 && x < 450;
    const g = toGrey(page(letterhead, bar, rule(3), seal(800, 500)), { stretchContrast: false });
    expect(lifted(g, 300, 31)).toBe(true);
    expect(at(g, 46, 30)).toBe(luma(RED));
    expect(g.redInk![30 * W + 46]).toBe(0);
    // The 国-like character: its ring and the block inside.
    expect(at(g, 40 + 64 + 1, 30)).toBe(luma(RED));
    expect(at(g, 40 + 64 + 11, 20 + 11)).toBe(luma(RED));
    // The seal is still lifted and marked, and found.
    expect(lifted(g, 827, 500)).toBe(true);
    expect(g.redInk![500 * W + 827]).toBe(1);
    expect(sealsIn(g.redInk!, W, H)).toHaveLength(1);
    expect(lifted(g, 600, 57)).toBe(true);
  });

  it('finds the letterhead as one line of six pieces or more, and neither the rule nor the seal', () => {
    const p = page(letterhead, rule(3), seal(800, 500));
    const mask = new Uint8Array(W * H);
    for (let i = 0; i < mask.length; i++) mask[i] = p.data[i * 3] === RED[0] ? 1 : 0;
    const lines = redTextLines(mask, W, H);
    expect(lines).toHaveLength(1);
    const xs = lines[0]!.flatMap((r) => [r.x0, r.x1]);
    const ys = lines[0]!.flatMap((r) => [r.y0, r.y1]);
    expect(Math.min(...xs)).toBeLessThanOrEqual(40);
    expect(Math.max(...xs)).toBeGreaterThanOrEqual(40 + 5 * 32 + 24);
    expect(Math.max(...ys)).toBeLessThan(56);
  });

  it('keeps a thick rule, a rectangular stamp, a seal cut off at the bottom, small red print, a two-character mark and a scrawl lifted', () => {
    const pair: Shape = (x, y) => y >= 400 && y < 424 && ((x >= 100 && x < 124) || (x >= 132 && x < 156));
    // Eight 8 px characters of three strokes each.
    const small: Shape = (x, y) => y >= 480 && y < 488 && x >= 100 && x < 100 + 8 * 12 && [0, 3, 6].includes((x - 100) % 12);
    // A red pen's wavy stroke, 300 px long and 40 high.
    const scrawl: Shape = (x, y) => x >= 100 && x < 400 && Math.abs(y - (580 + 18 * Math.sin((x - 100) / 16))) < 2;
    const g = toGrey(page(rule(14), boxStamp, cutSeal, pair, small, scrawl), { stretchContrast: false });
    for (const [x, y] of [
      [500, 62], // the 14 px rule
      [401, 340], // the stamp's frame
      [421, 345], // a character inside the stamp
      [300, 653], // the cut-off seal's ring
      [306, 665], // one of its characters
      [110, 410], // the two-character mark
      [103, 484], // the small print
      [100, 580], // the scrawl
    ] as const) {
      expect(lifted(g, x, y)).toBe(true);
      expect(g.redInk![y * W + x]).toBe(1);
    }
  });

  it('keeps a seal just after a red line lifted, and gives the line back', () => {
    const g = toGrey(page(letterhead, seal(290, 32)), { stretchContrast: false });
    expect(at(g, 46, 30)).toBe(luma(RED));
    expect(lifted(g, 290 + 27, 32)).toBe(true);
    expect(sealsIn(g.redInk!, W, H)).toHaveLength(1);
  });

  it('still finds a faint, speckled seal after red text is given back', () => {
    // Only about one pixel in 16 of the seal's centre is ink, and its ring is broken.
    const faint: Shape = (x, y) => {
      const d = Math.hypot(x - 700, y - 300);
      return d < 40 && ((d > 36 && Math.floor(Math.atan2(y - 300, x - 700) * 8) % 2 === 0) || (x % 4 === 0 && y % 4 === 0));
    };
    const g = toGrey(page(letterhead, faint), { stretchContrast: false });
    expect(g.redInk).toBeDefined();
    expect(sealsIn(g.redInk!, W, H)).toHaveLength(1);
    expect(lifted(g, 700, 300)).toBe(true);
    expect(at(g, 46, 30)).toBe(luma(RED));
  });
});
