import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { idChecksumOk } from '../../../main/node/capabilities/prereview/validators/gb11643.js';
import { computeUsccCheck } from '../../../main/node/capabilities/prereview/validators/gb32100.js';
import { looksTraditional } from '../../../main/node/capabilities/ocr/tesseract/script-detect.js';
import { cleanSeed, creditCode, DEFAULT_SEED_TEXT, idNumber, linePool, makeSyntheticTsv } from '../../../scripts/bench/make-synthetic-tsv.mjs';
import { rng } from '../../../scripts/bench/render-common.mjs';
import { parseEvalTsv } from '../../../scripts/bench/render-ocr-eval.mjs';

const hasOpencc = (() => {
  try {
    execFileSync('opencc', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** The seed text: the plan as the repository holds it (knowledge-graph/sources/), the script's default. */
const SEED = DEFAULT_SEED_TEXT;
if (!hasOpencc) console.warn('make-synthetic-tsv: the TSV test is skipped: the opencc command is not installed (Debian: apt-get install opencc)');

describe('bench: synthetic OCR set', () => {
  it('cleans the seed text: glosses, image names and cut-off tails go', () => {
    const paras = cleanSeed('浙江省人(people)民政府關于(At)印發\n\n1624516531432924.png\n(一(one))指導思想。堅持以(by)習近平新時代。貫徹落實\uFFFD\nabc def ghi\n');
    expect(paras).toEqual(['浙江省人民政府關于印發', '(一)指導思想。堅持以習近平新時代。']);
    const pool = linePool(['第一句話很短。第二句話，分成兩個部分，每個部分都不算太長，但合起來就太長了。'], 3, 12);
    for (const l of pool) expect([...l].length).toBeLessThanOrEqual(12);
    expect(pool.join('')).toContain('第一句話很短');
  });

  it('makes ID numbers and credit codes with valid check characters', () => {
    const rand = rng(7);
    for (let i = 0; i < 50; i++) {
      expect(idChecksumOk(idNumber(rand))).toBe(true);
      const code = creditCode(rand);
      expect(code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(code[17]).toBe(computeUsccCheck(code.slice(0, 17)));
    }
  });

  it.runIf(hasOpencc)('builds the same TSV every time: 8 documents, simplified and traditional rows in their script', () => {
    const tsv = makeSyntheticTsv({ seedText: SEED });
    expect(makeSyntheticTsv({ seedText: SEED })).toBe(tsv);
    expect(makeSyntheticTsv({ seedText: SEED, seed: 1 })).not.toBe(tsv);
    const docs = parseEvalTsv(tsv);
    expect(docs).toHaveLength(8);
    expect(new Set(docs.map((d) => d.font))).toEqual(new Set(['Noto Sans CJK SC', 'Noto Serif CJK SC', 'Noto Sans CJK TC', 'Noto Serif CJK TC', 'DejaVu Sans']));
    for (const d of docs) {
      const text = d.lines.join('');
      expect(text).not.toMatch(/\([a-z]+\)|\uFFFD|\.png/i);
      expect(d.lines.length).toBeGreaterThanOrEqual(6);
      if (d.font.includes('TC')) expect(looksTraditional(text)).toBe(true);
      else expect(looksTraditional(text)).toBe(false);
    }
    expect(docs.find((d) => d.font === 'DejaVu Sans')!.lines.join('')).toMatch(/^[\x20-\x7e]+$/);
  });
});
