import { describe, expect, it } from 'vitest';
import { chrf, chrfStats } from '../../../scripts/bench/chrf.mjs';

describe('bench: chrF', () => {
  it('is 100 for identical text (whitespace ignored) and 0 with no shared character', () => {
    expect(chrf(['The fee is 50 yuan.'], ['The fee is 50 yuan.'])).toBeCloseTo(100, 10);
    expect(chrf(['营业执照'], ['营业 执照'])).toBeCloseTo(100, 10);
    expect(chrf(['xyz'], ['abc'])).toBe(0);
    expect(chrf([''], ['abc'])).toBe(0);
  });

  it('counts clipped n-gram matches per order', () => {
    // hyp "aab" vs ref "ab": unigrams a,a,b vs a,b → 2 matches of 3; bigrams aa,ab vs ab → 1 of 2.
    expect(chrfStats('aab', 'ab', 2)).toEqual([
      { match: 2, hyp: 3, ref: 2 },
      { match: 1, hyp: 2, ref: 1 },
    ]);
  });

  it('weights recall twice as much as precision (beta 2): a short correct prefix scores low', () => {
    const prefix = chrf(['The applicant'], ['The applicant shall submit the form.']);
    const padded = chrf(['The applicant shall submit the form. Thanks a lot'], ['The applicant shall submit the form.']);
    expect(padded).toBeGreaterThan(prefix);
    // By hand for order 1 only: P = 1, R = 4/8 → F2 = 5·0.5 / (4 + 0.5)
    expect(chrf(['abcd'], ['abcdefgh'], { maxN: 1 })).toBeCloseTo((100 * 5 * 0.5) / 4.5, 10);
  });
});
