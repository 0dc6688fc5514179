import { describe, expect, it } from 'vitest';
import { findProtected, mask, unmask } from '../../../main/node/capabilities/translate/protect.js';
import { joinSentences, splitSentences } from '../../../main/node/capabilities/translate/segment.js';

describe('sentence segmentation', () => {
  it('splits Chinese at 。！？ and keeps URLs, dates and codes inside one sentence', () => {
    const s = splitSentences('请于2024年3月1日前提交。访问 https://www.zjzwfw.gov.cn/a.html 查询！代码：91330000MA27U00A1X。还有问题吗？', 'zh');
    expect(s.map((x) => x.text)).toEqual(['请于2024年3月1日前提交。', '访问 https://www.zjzwfw.gov.cn/a.html 查询！', '代码：91330000MA27U00A1X。', '还有问题吗？']);
  });

  it('splits English at . ! ? but not after abbreviations, in decimals or inside a web address', () => {
    const s = splitSentences('Apply at www.zjzwfw.gov.cn. Mr. Li paid 3.5 yuan, e.g. by card! Is No. 5 open? Yes.', 'en');
    expect(s.map((x) => x.text)).toEqual(['Apply at www.zjzwfw.gov.cn.', 'Mr. Li paid 3.5 yuan, e.g. by card!', 'Is No. 5 open?', 'Yes.']);
  });

  it('gives offsets into the line and joins targets the way each language writes them', () => {
    const line = '第一句。 第二句。';
    for (const s of splitSentences(line, 'zh')) expect(line.slice(s.start, s.start + s.text.length)).toBe(s.text);
    expect(joinSentences(['A.', 'B.'], 'en')).toBe('A. B.');
    expect(joinSentences(['甲。', '乙。'], 'zh')).toBe('甲。乙。');
  });
});

describe('protected spans', () => {
  it('finds ID numbers, USCC, dates, URLs, phones, e-mail, codes and numbers with their kind', () => {
    const text = '身份证号330102199001011234，代码91330000MA27U00A1X，2024年3月1日起，见https://a.gov.cn/x?id=1，电话0571-87654321，邮件a.b@zj.gov.cn，编号ZJ-2024-001，费用3.5元。';
    const kinds = findProtected(text).map((s) => [s.kind, s.text]);
    expect(kinds).toEqual([
      ['id', '330102199001011234'],
      ['uscc', '91330000MA27U00A1X'],
      ['date', '2024年3月1日'],
      ['url', 'https://a.gov.cn/x?id=1'],
      ['phone', '0571-87654321'],
      ['email', 'a.b@zj.gov.cn'],
      ['code', 'ZJ-2024-001'],
      ['number', '3.5'],
    ]);
  });

  it('masks spans with placeholders and restores them even when the engine spaces them out', () => {
    const src = 'Pay 3.5 yuan by 2024-03-01.';
    const m = mask(src, [
      { start: 4, end: 7, target: '3.5' },
      { start: 16, end: 26, target: '2024-03-01' },
    ]);
    expect(m.text).not.toMatch(/3\.5|2024/);
    expect(m.values).toEqual(['3.5', '2024-03-01']);
    expect(unmask('于 X Z1 前支付 XZ0 元。', m.values, 'zh')).toEqual({ text: '于2024-03-01前支付3.5元。', lost: [] });
  });

  it('appends a placeholder the engine dropped and reports it, so nothing is lost', () => {
    expect(unmask('Submit the form.', ['Zheliban'], 'en')).toEqual({ text: 'Submit the form. Zheliban', lost: [0] });
  });
});
