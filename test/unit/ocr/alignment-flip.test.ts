import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';
import { alignmentFlip } from '../../../main/node/capabilities/ocr/ppocr-engine.js';

const q = (x0: number, y0: number, x1: number, h = 30): Quad => [
  [x0, y0],
  [x1, y0],
  [x1, y0 + h],
  [x0, y0 + h],
];
// A document: lines flush left at x=100, ragged right ends.
const ENDS = [900, 620, 1040, 480, 760, 980, 700];
const upright = ENDS.map((end, i) => q(100, 100 + i * 60, end));
// The same page turned 180° within a 1200-wide frame: flush edge on the right.
const turned = upright.map((b) => q(1200 - b[1][0], 1000 - b[0][1], 1200 - b[0][0]));

describe('page direction from the layout', () => {
  it('flush left and ragged right is upright; the other way round upside down', () => {
    expect(alignmentFlip(upright)).toBe(0);
    expect(alignmentFlip(turned)).toBe(1);
  });

  it('leaves centred, justified and short pages to the classifier', () => {
    const centred = ENDS.map((end, i) => q(600 - (end - 100) / 2, 100 + i * 60, 600 + (end - 100) / 2));
    const justified = ENDS.map((_, i) => q(100, 100 + i * 60, 1100));
    expect(alignmentFlip(centred)).toBeUndefined();
    expect(alignmentFlip(justified)).toBeUndefined();
    expect(alignmentFlip(upright.slice(0, 4))).toBeUndefined();
  });
});
