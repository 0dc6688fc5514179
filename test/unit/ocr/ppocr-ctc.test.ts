import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ctcDecodeBest, ctcGreedyDecode, loadCharacters } from '../../../main/node/capabilities/ocr/rec/ctc.js';
import { collapseColons, fixConfusables, fixLine, halfWidthNearAscii } from '../../../main/node/capabilities/ocr/rec/text-fixes.js';

const CHARS = ['', 'a', 'b', 'c', ' '];

/** One-hot-ish probabilities for a path of class indices (the chosen class gets `p`, the rest share the remainder). */
function probs(path: number[], p: number | number[] = 0.9): Float32Array {
  const C = CHARS.length;
  const out = new Float32Array(path.length * C);
  path.forEach((cls, t) => {
    const pt = Array.isArray(p) ? p[t]! : p;
    for (let c = 0; c < C; c++) out[t * C + c] = c === cls ? pt : (1 - pt) / (C - 1);
  });
  return out;
}

describe('CTC greedy decoding', () => {
  it('collapses repeats and drops blanks', () => {
    const path = [1, 1, 0, 2, 2, 2, 0, 0, 3];
    expect(ctcGreedyDecode(probs(path), path.length, CHARS.length, CHARS).text).toBe('abc');
  });

  it('keeps a repeated character that a blank separates', () => {
    const path = [1, 0, 1, 1, 0, 0, 1];
    const r = ctcGreedyDecode(probs(path), path.length, CHARS.length, CHARS);
    expect(r.text).toBe('aaa');
    expect(r.steps).toEqual([0, 2, 6]);
  });

  it('reads the space class appended after the dictionary', () => {
    const path = [1, 4, 4, 2];
    expect(ctcGreedyDecode(probs(path), path.length, CHARS.length, CHARS).text).toBe('a b');
  });

  it('gives the mean probability of the emitted characters, 0 for nothing', () => {
    const path = [1, 1, 0, 2];
    const r = ctcGreedyDecode(probs(path, [0.8, 0.99, 0.9, 0.6]), path.length, CHARS.length, CHARS);
    // The first step of a run is the one emitted (as PaddleOCR's decode keeps the first of each repeat).
    expect(r.confidence).toBeCloseTo((0.8 + 0.6) / 2, 5);
    const blank = ctcGreedyDecode(probs([0, 0, 0]), 3, CHARS.length, CHARS);
    expect(blank).toEqual({ text: '', confidence: 0, steps: [] });
  });

  it('decodes one sequence of a batch at its offset', () => {
    const a = probs([1, 2]);
    const b = probs([3, 3]);
    const batch = new Float32Array([...a, ...b]);
    expect(ctcGreedyDecode(batch, 2, CHARS.length, CHARS, 2 * CHARS.length).text).toBe('c');
  });

  it("decodes the best class and its probability per step (the folded model's outputs) as it decodes all probabilities", () => {
    const C = CHARS.length;
    for (const [path, p] of [
      [[1, 1, 0, 2, 2, 2, 0, 0, 3], [0.8, 0.99, 0.9, 0.6, 0.7, 0.7, 0.9, 0.9, 0.55]],
      [[1, 0, 1, 1, 0, 0, 1, 4, 2], 0.9],
      [[0, 0, 0], 0.9],
    ] as [number[], number | number[]][]) {
      const all = probs(path, p);
      // What the folded recogniser outputs: for each step the best class (as a float) and its probability.
      const best = new Float32Array(path.length);
      const prob = new Float32Array(path.length);
      for (let t = 0; t < path.length; t++) {
        const row = all.subarray(t * C, (t + 1) * C);
        best[t] = row.indexOf(Math.max(...row));
        prob[t] = Math.max(...row);
      }
      expect(ctcDecodeBest(best, prob, path.length, CHARS)).toEqual(ctcGreedyDecode(all, path.length, C, CHARS));
    }
    // One sequence of a batch at its offset.
    const second = ctcDecodeBest(new Float32Array([1, 2, 3, 3]), new Float32Array([0.9, 0.9, 0.8, 0.7]), 2, CHARS, 2);
    expect([second.text, second.steps]).toEqual(['c', [0]]);
    expect(second.confidence).toBeCloseTo(0.8, 6);
  });

  it('builds the classes as blank + dictionary + space', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-keys-'));
    const file = path.join(dir, 'keys.txt');
    fs.writeFileSync(file, '我\n们\r\n1\n');
    expect(loadCharacters(file)).toEqual(['', '我', '们', '1', ' ']);
    fs.writeFileSync(file, 'x\ny');
    expect(loadCharacters(file)).toEqual(['', 'x', 'y', ' ']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('recognised-text clean-ups', () => {
  it('writes full-width punctuation half-width next to ASCII only', () => {
    expect(halfWidthNearAscii('证件号码No.：933156')).toBe('证件号码No.:933156');
    expect(halfWidthNearAscii('姓名：张三')).toBe('姓名：张三');
    expect(halfWidthNearAscii('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('turns 0 into O inside words and O/I/l into digits inside numbers, leaving codes alone', () => {
    expect(fixConfusables('01 0ct 2026')).toBe('01 Oct 2026');
    expect(fixConfusables('B0ok')).toBe('Book');
    expect(fixConfusables('2O26 and 33l0')).toBe('2026 and 3310');
    expect(fixConfusables('92330302MA2AYF6L02 A12345678 JY23303020012345 44030519780101123X')).toBe(
      '92330302MA2AYF6L02 A12345678 JY23303020012345 44030519780101123X',
    );
    expect(fixLine('Statement Period: 01 0ct 2026')).toBe('Statement Period: 01 Oct 2026');
  });

  it('reads a colon written twice in different forms as one', () => {
    expect(collapseColons('No.:∶933156')).toBe('No.:933156');
    expect(collapseColons('姓名：:张三')).toBe('姓名：张三');
    expect(collapseColons('10:30 a:b')).toBe('10:30 a:b');
    expect(fixLine('证件号码 No.:∶933156850719001')).toBe('证件号码 No.:933156850719001');
  });
});
