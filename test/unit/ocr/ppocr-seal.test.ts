import { describe, expect, it } from 'vitest';
import type { Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';
import { toGrey, type GreyPage } from '../../../main/node/capabilities/ocr/preprocess/grey.js';
import { dropSealText, inkCounts, keepReading } from '../../../main/node/capabilities/ocr/ppocr-engine.js';

type RGB = [number, number, number];
const PAPER: RGB = [246, 243, 234];
/** Seal ink as a scanner sees it: red dimmed as well, not only green and blue (what the bench's stamps look like). */
const SEAL: RGB[] = [
  [165, 100, 100],
  [176, 80, 80],
  [160, 96, 90],
];
const luma = ([r, g, b]: RGB): number => (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;

/** A W×H page of paper, with `paint` deciding pixels. */
function page(W: number, H: number, paint: (x: number, y: number) => RGB | undefined) {
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const c = paint(x, y) ?? PAPER;
      data.set(c, (y * W + x) * 3);
    }
  return { data, width: W, height: H, channels: 3 as const };
}

const at = (g: { data: Uint8Array; width: number }, x: number, y: number): number => g.data[y * g.width + x]!;

describe('red seal suppression', () => {
  // A 40×40 block of seal ink (x 20..59, y 20..59) with black text strokes through it (rows 38..41), and text
  // outside it (x 100..139, rows 38..41).
  const inSeal = (x: number, y: number) => x >= 20 && x < 60 && y >= 20 && y < 60;
  const stroke = (y: number) => y >= 38 && y < 42;
  const sealed = page(160, 80, (x, y) => {
    if (inSeal(x, y)) return stroke(y) ? [26, 17, 20] : SEAL[(x + y) % SEAL.length];
    if (x >= 100 && x < 140 && stroke(y)) return [30, 30, 35];
    return undefined;
  });

  it('lifts seal ink to the paper even where its red channel is dimmed too, and marks it', () => {
    const g = toGrey(sealed, { stretchContrast: false });
    const paper = luma(PAPER);
    expect(g.paper).toBe(paper);
    for (const [x, y] of [
      [25, 25],
      [40, 30],
      [55, 55],
    ] as const) {
      expect(at(g, x, y)).toBeGreaterThanOrEqual(paper - 6);
      expect(g.redInk![y * g.width + x]).toBe(1);
    }
    const plain = toGrey(sealed, { suppressRed: false, stretchContrast: false });
    expect(at(plain, 25, 25)).toBeLessThan(140);
  });

  it('keeps black text under the seal dark and text elsewhere untouched', () => {
    const g = toGrey(sealed, { stretchContrast: false });
    expect(at(g, 40, 39)).toBeLessThan(50);
    expect(g.redInk![39 * g.width + 40]).toBe(0);
    expect(at(g, 120, 39)).toBe(luma([30, 30, 35]));
  });

  it('lifts the grey rim around seal strokes, not darker text beside the seal', () => {
    const rimmed = page(160, 80, (x, y) => {
      if (inSeal(x, y)) return SEAL[(x + y) % SEAL.length];
      // A one-pixel grey rim left and right of the block, then dark text two pixels further left.
      if ((x === 19 || x === 60) && y >= 20 && y < 60) return [216, 208, 199];
      if (x === 18 && y >= 20 && y < 60) return [70, 70, 72];
      return undefined;
    });
    const g = toGrey(rimmed, { stretchContrast: false });
    const paper = luma(PAPER);
    expect(at(g, 19, 40)).toBeGreaterThanOrEqual(paper - 6);
    expect(at(g, 60, 40)).toBeGreaterThanOrEqual(paper - 6);
    expect(at(g, 18, 40)).toBe(luma([70, 70, 72]));
  });

  it('leaves a page with a warm colour cast and blue ink alone', () => {
    const cast: RGB = [240, 226, 200];
    const blue: RGB = [30, 60, 160];
    const g = toGrey(
      page(50, 20, (x) => (x < 5 ? blue : cast)),
      { stretchContrast: false },
    );
    expect(at(g, 20, 10)).toBe(luma(cast));
    expect(at(g, 2, 10)).toBe(luma(blue));
    expect(g.redInk).toBeUndefined();
  });
});

describe('seal text detections', () => {
  const rect = (x: number, y: number, w: number, h: number): Quad => [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
  /** 200×100 grey page: lifted seal ink in x 120..179, dark text strokes in x 10..109 (and a little in x 120..139). */
  function greyPage(): GreyPage {
    const W = 200;
    const H = 100;
    const data = new Uint8Array(W * H).fill(240);
    const redInk = new Uint8Array(W * H);
    for (let y = 20; y < 60; y++)
      for (let x = 0; x < W; x++) {
        if (x >= 120 && x < 180 && (x + y) % 4 === 0) redInk[y * W + x] = 1;
        if (x >= 10 && x < 110 && (x + y) % 5 === 0) data[y * W + x] = 30;
      }
    // A stroke of black text the seal crosses.
    for (let x = 120; x < 140; x++) data[40 * W + x] = 20;
    return { data, width: W, height: H, paper: 240, redInk };
  }

  it('counts lifted red ink and remaining dark ink in a box', () => {
    const g = greyPage();
    const s = inkCounts(rect(120, 20, 60, 40), g, g.redInk!, 132);
    expect(s.area).toBe(2400);
    expect(s.lifted).toBe(600);
    // The black stroke's pixels that are not also lifted ink.
    expect(s.dark).toBe(15);
  });

  it('drops a box that is mostly lifted seal ink, keeps a text line the seal crosses', () => {
    const g = greyPage();
    const seal = { quad: rect(120, 20, 60, 40), score: 0.8 };
    const line = { quad: rect(10, 20, 170, 40), score: 0.8 };
    expect(dropSealText([seal, line], g)).toEqual([line]);
    // Without red ink on the page nothing is dropped.
    expect(dropSealText([seal, line], { ...g, redInk: undefined })).toEqual([seal, line]);
  });
});

describe('keeping recognised lines', () => {
  it('keeps a long line read with low confidence, not a short smudge', () => {
    expect(keepReading('公民身份号码 330203201209032124', 0.35, 0.5, 0.3)).toBe(true);
    expect(keepReading('公民身份号码', 0.25, 0.5, 0.3)).toBe(false);
    expect(keepReading('中', 0.45, 0.5, 0.3)).toBe(false);
    expect(keepReading('中', 0.6, 0.5, 0.3)).toBe(true);
    expect(keepReading('', 0.99, 0.5, 0.3)).toBe(false);
    // A stricter long-line bound than the general one does not make long lines harder to keep.
    expect(keepReading('有效期至 2027年08月31日', 0.55, 0.5, 0.6)).toBe(true);
  });
});
