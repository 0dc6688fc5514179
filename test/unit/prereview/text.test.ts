import { describe, expect, it } from 'vitest';
import { compactForm, matchForm, normalizeCode, normalizeName, t2s, toHalfWidth } from '../../../main/node/capabilities/prereview/text.js';

describe('text normalisation', () => {
  it('keeps the length, so offsets carry over', () => {
    const s = '姓名：孫建平　公民身份號碼　４４０３０５１９７８０１０１１２３９（副本）';
    expect(toHalfWidth(s)).toHaveLength(s.length);
    expect(t2s(s)).toHaveLength(s.length);
    expect(matchForm(s)).toBe('姓名:孙建平 公民身份号码 440305197801011239(副本)');
  });

  it('simplifies the traditional characters of labels and names', () => {
    expect(compactForm('營業執照 統一社會信用代碼')).toBe('营业执照统一社会信用代码');
    expect(compactForm('簽發機關 有效期限 長期')).toBe('签发机关有效期限长期');
    expect(compactForm('臺灣地區居民來往大陸通行證')).toBe('台湾地区居民来往大陆通行证');
  });

  it('normalises names and codes for comparison', () => {
    expect(normalizeName(' 阿卜杜・热合曼 ')).toBe('阿卜杜·热合曼');
    expect(normalizeName('Anna  Mueller')).toBe('ANNAMUELLER');
    expect(normalizeCode('4403 0519-7801 0112 3x')).toBe('44030519780101123X');
  });
});
