import { describe, expect, it } from 'vitest';
import type { GreyImage, Quad } from '../../../main/node/capabilities/ocr/preprocess/image.js';
import { fillTables } from '../../../main/node/capabilities/ocr/output/tables/fill.js';
import { tablesFrom } from '../../../main/node/capabilities/ocr/output/tables/grid.js';
import { findRulings } from '../../../main/node/capabilities/ocr/output/tables/rulings.js';
import { readTables, tablesWorkbook } from '../../../main/node/capabilities/ocr/output/xlsx.js';

/** A white page with black rectangles (rulings, or text-like blobs) drawn in. */
function page(W: number, H: number, rects: [number, number, number, number][]): GreyImage {
  const data = new Uint8Array(W * H).fill(245);
  for (const [x, y, w, h] of rects) for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) data[yy * W + xx] = 20;
  return { data, width: W, height: H };
}

const quad = (x: number, y: number, w: number, h: number): Quad => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

// A 3-column, 3-row table: the header's last two columns merged (no line at x=300 in row 0), the first column's
// lower two rows merged (no line at y=160 in column 0). Line width 2.
const rulings = (): [number, number, number, number][] => [
  [100, 100, 400, 2],
  [100, 160, 400, 2],
  [200, 220, 300, 2], // not under column 0
  [100, 280, 400, 2],
  [100, 100, 2, 182],
  [200, 100, 2, 182],
  [300, 160, 2, 122], // not in the header row
  [498, 100, 2, 182],
];

describe('tables from rulings', () => {
  it('finds rows, columns and merged cells, and ignores text strokes', () => {
    // Text-like strokes inside cells (short dashes and bars) must not become rulings.
    const strokes: [number, number, number, number][] = [
      [120, 125, 30, 2],
      [130, 115, 2, 28],
      [320, 235, 25, 3],
    ];
    const img = page(600, 400, [...rulings(), ...strokes]);
    const r = findRulings(img, { dark: 128, minH: 40, minV: 20 });
    const [t, ...more] = tablesFrom(r);
    expect(more).toHaveLength(0);
    expect(t!.ys.map(Math.round)).toEqual([101, 161, 221, 281]);
    expect(t!.xs.map(Math.round)).toEqual([101, 201, 301, 499]);
    expect(t!.cells).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 0 },
      { r0: 0, c0: 1, r1: 0, c1: 2 },
      { r0: 1, c0: 0, r1: 2, c1: 0 },
      { r0: 1, c0: 1, r1: 1, c1: 1 },
      { r0: 1, c0: 2, r1: 1, c1: 2 },
      { r0: 2, c0: 1, r1: 2, c1: 1 },
      { r0: 2, c0: 2, r1: 2, c1: 2 },
    ]);
  });

  it('is no table: a box around a paragraph, or lines that never cross', () => {
    expect(tablesFrom(findRulings(page(600, 400, [[100, 100, 400, 2], [100, 300, 400, 2], [100, 100, 2, 202], [498, 100, 2, 202]]), { dark: 128, minH: 40, minV: 20 }))).toEqual([]);
    expect(tablesFrom(findRulings(page(600, 400, [[100, 100, 400, 2], [100, 200, 400, 2], [100, 300, 400, 2]]), { dark: 128, minH: 40, minV: 20 }))).toEqual([]);
  });

  it('puts text into cells, splitting a line the detector ran across a ruling at its characters, and keeps the rest outside', async () => {
    const img = page(600, 400, rulings());
    const [t] = tablesFrom(findRulings(img, { dark: 128, minH: 40, minV: 20 }));
    const { tables, outside } = fillTables(
      [t!],
      [
        { text: '受理登记表', quad: quad(200, 40, 200, 30) },
        { text: '序号', quad: quad(120, 115, 60, 30) },
        { text: '办理情况', quad: quad(330, 115, 120, 30) },
        { text: '企业设立', quad: quad(110, 205, 80, 30) },
        // One detection across the ruling at x=300: 王伟 | 已受理 with the recogniser's character positions.
        { text: '王伟 已受理', quad: quad(210, 175, 250, 30), chars: [0.12, 0.28, 0.4, 0.6, 0.72, 0.88] },
        // A ruling read as a character right on the column line at x=300, between 1 and 2 (estimated positions).
        { text: '1丨2', quad: quad(250, 235, 100, 30) },
      ],
    );
    expect(outside.map((l) => l.text)).toEqual(['受理登记表']);
    const text = Object.fromEntries(tables[0]!.cells.map((c) => [`${c.r0},${c.c0}`, c.text]));
    expect(text).toEqual({ '0,0': '序号', '0,1': '办理情况', '1,0': '企业设立', '1,1': '王伟', '1,2': '已受理', '2,1': '1', '2,2': '2' });

    // Round trip through the workbook: merged cells stay merged, the text outside gets its own sheet.
    const sheets = await readTables(await tablesWorkbook([{ page: 1, tables, outside: outside.map((l) => l.text) }]));
    expect([...sheets.keys()]).toEqual(['P1 T1']);
    const cells = sheets.get('P1 T1')!;
    expect(cells).toContainEqual({ r0: 0, c0: 1, r1: 0, c1: 2, text: '办理情况' });
    expect(cells).toContainEqual({ r0: 1, c0: 0, r1: 2, c1: 0, text: '企业设立' });
  });
});
