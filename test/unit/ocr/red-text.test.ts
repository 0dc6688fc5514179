import { describe, expect, it } from 'vitest';
import { toGrey } from '../../../main/node/capabilities/ocr/preprocess/grey.js';
import { redTextBoxes } from '../../../main/node/capabilities/ocr/preprocess/red-text.js';

type RGB = [number, number, number];
const PAPER: RGB = [246, 243, 234];
const RED: RGB = [200, 40, 30];
const luma = ([r, g, b]: RGB): number => (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;

/** A 1000×700 page: a red "letterhead" of six 24×24 glyph blocks 8 px apart (x 40.., y 20..44), a 3 px red rule
 * under it (y 56..59), and a round 60×60 red seal (ring and dotted centre, x 770..830, y 470..530). */
function page(o: { head?: boolean; rule?: boolean; seal?: boolean }) {
  const W = 1000;
  const H = 700;
  const data = Buffer.alloc(W * H * 3);
  const glyph = (x: number, y: number) => y >= 20 && y < 44 && x >= 40 && x < 40 + 6 * 32 && (x - 40) % 32 < 24 && ((x + y) % 5 !== 0);
  const rule = (x: number, y: number) => y >= 56 && y < 59 && x >= 30 && x < 970;
  const seal = (x: number, y: number) => {
    const d = Math.hypot(x - 800, y - 500);
    return d < 30 && (d > 25 || (x + y) % 3 === 0);
  };
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const red = (o.head && glyph(x, y)) || (o.rule && rule(x, y)) || (o.seal && seal(x, y));
      data.set(red ? RED : PAPER, (y * W + x) * 3);
    }
  return { data, width: W, height: H, channels: 3 as const };
}

const at = (g: { data: Uint8Array; width: number }, x: number, y: number) => g.data[y * g.width + x]!;

describe('red text lines are read, not lifted like a seal', () => {
  it('gives a red letterhead its grey back and takes it out of the red-ink mask', () => {
    const g = toGrey(page({ head: true, rule: true, seal: true }), { stretchContrast: false });
    // A glyph pixel of the letterhead: as dark as its own luma.
    expect(at(g, 46, 30)).toBe(luma(RED));
    expect(g.redInk![30 * g.width + 46]).toBe(0);
    // The seal is still lifted and marked.
    expect(at(g, 800 + 27, 500)).toBeGreaterThan(luma(PAPER) - 10);
    expect(g.redInk![500 * g.width + 827]).toBe(1);
    // The thin rule under the letterhead stays lifted (a rule is not text).
    expect(at(g, 600, 57)).toBeGreaterThan(luma(PAPER) - 10);
  });

  it('finds the letterhead as one line and neither the rule nor the seal', () => {
    const p = page({ head: true, rule: true, seal: true });
    const lifted = new Uint8Array(p.width * p.height);
    for (let i = 0; i < lifted.length; i++) lifted[i] = p.data[i * 3] === RED[0] ? 1 : 0;
    const boxes = redTextBoxes(lifted, p.width, p.height);
    expect(boxes).toHaveLength(1);
    const b = boxes[0]!;
    expect(b.x0).toBeLessThanOrEqual(40);
    expect(b.x1).toBeGreaterThanOrEqual(40 + 5 * 32 + 24);
    expect(b.y0).toBeLessThanOrEqual(20);
    expect(b.y1).toBeGreaterThanOrEqual(44);
    expect(b.y1).toBeLessThan(56);
  });

  it('still lifts a page whose only red ink is a seal, and a lone red mark too small to be a line', () => {
    const g = toGrey(page({ seal: true }), { stretchContrast: false });
    expect(g.redInk).toBeDefined();
    expect(redTextBoxes(g.redInk!, g.width, g.height)).toEqual([]);
  });
});
