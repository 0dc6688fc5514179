import { describe, expect, it } from 'vitest';
import { isGloss, stripGlosses } from '../../../main/node/capabilities/kg/text/glosses.js';
import { normalizeKey, normalizeText } from '../../../main/node/capabilities/kg/text/normalize.js';
import { chunkParagraph, headingLevel, splitSections } from '../../../main/node/capabilities/kg/text/sections.js';
import { tokenize } from '../../../main/node/capabilities/kg/text/tokenize.js';
import { exportGlossary } from '../../../main/node/capabilities/kg/ingest/glossary.js';
import { parsePolicyText } from '../../../main/node/capabilities/kg/ingest/plan.js';

describe('gloss stripping', () => {
  it('removes the English glosses CC-CEDICT confirms, including misspelt and variant-character ones', () => {
    expect(stripGlosses('浙江省人(people)民政府關于(At)印發')).toBe('浙江省人民政府關于印發');
    expect(stripGlosses('數字政府的(of)硬核成果,個(indivual)人隐私')).toBe('數字政府的硬核成果,個人隐私');
    expect(stripGlosses('爲(for)進一(one)步')).toBe('爲進一步');
    expect(stripGlosses('(一(one))指導思想')).toBe('(一)指導思想');
  });

  it('keeps real parentheses: numbering, acronyms, names and Latin text', () => {
    for (const s of ['(一)指導思想', '（二）發展目标', '移動應用(APP)', '浙里办(Zheliban)', '見附件(see annex 1)', 'Digital government (DG) plan', '“10+N”服務']) {
      expect(stripGlosses(s)).toBe(s);
    }
    expect(isGloss('办', 'Zheliban')).toBe(false);
    expect(isGloss('的', 'of')).toBe(true);
  });
});

describe('section splitter', () => {
  it('splits by 一、 / (一) / 1. headings and keeps the path', () => {
    expect([headingLevel('一、總體要求'), headingLevel('(一)指導思想。堅持'), headingLevel('（二）發展目标'), headingLevel('1.提高能力。加快'), headingLevel('2025年')]).toEqual([0, 1, 1, 2, -1]);
    const sections = splitSections(
      ['前言段落。', '一、總體要求', '(一)指導思想。堅持以人民爲中心。', '二、主要任務', '(一)建立體系。', '1.提高能力。加快重塑。', '2.推進改革。探索建立首席數據官制度。', '(二)構建服務體系。', '1.推動政務服務提質增效。加快推進一網通辦。'],
      '標題',
    );
    expect(sections.map((s) => s.path)).toEqual([
      ['標題'],
      ['一、總體要求', '(一)指導思想'],
      ['二、主要任務', '(一)建立體系', '1.提高能力'],
      ['二、主要任務', '(一)建立體系', '2.推進改革'],
      ['二、主要任務', '(二)構建服務體系', '1.推動政務服務提質增效'],
    ]);
    expect(sections[3]!.paragraphs).toEqual(['探索建立首席數據官制度。']);
  });

  it('does not take dates or decimals for headings, and chunks long paragraphs at sentence ends', () => {
    expect(headingLevel('2021.06 發布')).toBe(-1);
    const long = '第一句話說了一些事情。'.repeat(30);
    const chunks = chunkParagraph(long, 100);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.length <= 100 && c.endsWith('。'))).toBe(true);
    expect(chunks.join('')).toBe(long);
  });

  it('reads the plan as received: title, date, no image names or links, glosses gone', () => {
    const doc = parsePolicyText(
      '浙江省人(people)民政府關于(At)印發規劃的(of)通知\n\n時(hour)間:\n2021-06-20\n文章來(Come)源:\n浙江省人(people)民政府\n\n1624516531432924.png\n\n一(one)、總體要(want)求\n\n(一(one))指導思想。堅持以(by)人民爲(for)中心。\n\n原文鏈接:http://www.zj.gov.cn/x.html',
    );
    expect(doc.title).toBe('浙江省人民政府關于印發規劃的通知');
    expect(doc.effectiveDate).toBe('2021-06-20');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toEqual({ path: ['一、總體要求', '(一)指導思想'], paragraphs: ['堅持以人民爲中心。'] });
  });
});

describe('traditional/simplified matching', () => {
  it('gives traditional and simplified text one key', () => {
    expect(normalizeKey('浙裏辦')).toBe(normalizeKey('浙里办'));
    expect(normalizeText('政務雲體系 ＡＢＣ')).toBe('政务云体系 abc');
    expect(tokenize('完善全省政務雲體系')).toEqual(tokenize('完善全省政务云体系'));
  });

  it('exports the glossary with simplified keys and finds terms written in traditional characters', () => {
    const terms = [
      { zh: '浙里办', en: 'Zheliban', variants: [] },
      { zh: '數字化', en: 'digitalisation', variants: ['數位化'] },
    ];
    const all = exportGlossary(terms);
    expect(all).toEqual([
      { zh: '浙里办', en: 'Zheliban', variants: [] },
      { zh: '数字化', en: 'digitalisation', variants: ['數字化', '數位化'] },
    ]);
    expect(exportGlossary(terms, '浙裏辦').map((e) => e.en)).toEqual(['Zheliban']);
    expect(exportGlossary(terms, 'zheli').map((e) => e.zh)).toEqual(['浙里办']);
  });
});
