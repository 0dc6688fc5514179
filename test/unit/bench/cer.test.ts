import { describe, expect, it } from 'vitest';
import { cer, levenshtein, normalizeForCer, pooledCer } from '../../../scripts/bench/cer.mjs';

describe('bench: character error rate', () => {
  it('is 0 for identical text, and for text that differs only in whitespace or NFKC compatibility forms', () => {
    expect(cer('食品经营许可证', '食品经营许可证').cer).toBe(0);
    expect(cer('经营者名称 温州市', '经营者名称温州市').cer).toBe(0);
    expect(cer('食品 经营\n许可证', ' 食 品 经 营 许 可 证 ').cer).toBe(0);
    // Full-width letters and digits, the ideographic space and a full-width parenthesis are NFKC-equal to ASCII.
    expect(cer('JY2330302 (负责人)', 'ＪＹ２３３０３０２\u3000（负责人）').cer).toBe(0);
    expect(normalizeForCer('Ａ\u3000Ｂ\tC\u00a0D')).toBe('ABCD');
  });

  it('joins a document’s lines and divides the edit distance by the reference length', () => {
    // 8 reference characters once joined and spaces removed; one substitution (名→民).
    expect(cer(['姓名 赵小雨', '性别 女'], '姓民赵小雨性别女')).toEqual({ cer: 1 / 8, distance: 1, refLength: 8, hypLength: 8 });
    // One insertion; one deletion; a swap of two neighbours is two edits.
    expect(cer('0123456789', '012345678X9').distance).toBe(1);
    expect(cer('0123456789', '012456789').cer).toBeCloseTo(0.1, 10);
    expect(cer('0123456789', '0123456798').distance).toBe(2);
    expect(cer('kitten', 'sitting')).toMatchObject({ distance: 3, refLength: 6, cer: 0.5 });
  });

  it('counts an empty reading as CER 1 and is not capped when the reading has many insertions', () => {
    expect(cer('有效期限', '').cer).toBe(1);
    expect(cer('AB', 'ABCDEF').cer).toBe(2);
    expect(cer('', '').cer).toBe(0);
    expect(cer('', 'x').cer).toBe(1);
  });

  it('counts code points, not UTF-16 units (characters outside the BMP are one character)', () => {
    expect(cer('𠀀𠀁', '𠀀𠀂')).toMatchObject({ distance: 1, refLength: 2 });
  });

  it('levenshtein is symmetric and pooled CER weighs documents by their length', () => {
    const a = Array.from('社会保障卡');
    const b = Array.from('社保卡号');
    expect(levenshtein(a, b)).toBe(levenshtein(b, a));
    expect(levenshtein([], b)).toBe(4);
    expect(pooledCer([{ distance: 1, refLength: 10 }, { distance: 9, refLength: 90 }])).toBeCloseTo(0.1, 10);
    expect(pooledCer([])).toBeNull();
  });
});
