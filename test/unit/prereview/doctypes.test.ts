import { describe, expect, it } from 'vitest';
import { analyzeFile, classifyDocument } from '../../../main/node/capabilities/prereview/index.js';
import { doc, pagesOf, textPage } from './fixtures.js';

const typeOf = (name: string) => classifyDocument(pagesOf(name));

describe('document classification', () => {
  it.each([
    ['company/id-front', 'id_card_front'],
    ['company/id-front-noisy', 'id_card_front'],
    ['company/id-front-rotated', 'id_card_front'],
    ['dev/idcard_front_dev', 'id_card_front'],
    ['id-renewal/id-front', 'id_card_front'],
    ['company/id-back', 'id_card_back'],
    ['company/id-back-indefinite', 'id_card_back'],
    ['food/business-licence', 'business_license'],
    ['food/business-licence-individual', 'business_license'],
    ['company/application-form', 'application_form'],
    ['food/application-form', 'application_form'],
    ['dev/hukou', 'household_register'],
    ['id-renewal/household-register', 'household_register'],
    ['dev/food_permit', 'generic'],
    ['dev/social_card', 'generic'],
    ['dev/bank_stmt_en', 'generic'],
    ['dev/tw_notice_tra', 'generic'],
    ['dev/residence_permit_mixed', 'generic'],
    ['company/articles', 'generic'],
    ['company/lease', 'generic'],
  ])('%s → %s', (name, type) => {
    const c = typeOf(name);
    expect(c.type).toBe(type);
    expect(c.score).toBeGreaterThanOrEqual(0.5);
    expect(c.score).toBeLessThanOrEqual(1);
  });

  it('explains the signals and scores every type', () => {
    const c = typeOf('company/id-front');
    expect(c.signals).toEqual(expect.arrayContaining(['公民身份号码', '姓名', '住址', 'valid ID number']));
    expect(Object.keys(c.scores).sort()).toEqual(
      ['application_form', 'business_license', 'generic', 'household_register', 'id_card_back', 'id_card_front'].sort(),
    );
    // the household register shows ID-card labels too, but is told apart
    expect(typeOf('dev/hukou').scores.id_card_front).toBeLessThan(0.5);
    // the Taiwan residents' travel permit has 签发机关 + 有效期限 but is no ID card
    expect(typeOf('dev/tw_notice_tra').scores.id_card_back).toBeLessThan(0.5);
  });

  it('reads keywords and field patterns from text, not layout', () => {
    expect(classifyDocument([textPage(['公民身份号码 440305197801011239', '姓名 孙建平', '住址 广东省深圳市'])]).type).toBe('id_card_front');
    expect(classifyDocument([textPage(['签发机关 某市公安局', '有效期限 2018.05.10-2038.05.10'])]).type).toBe('id_card_back');
    expect(classifyDocument([textPage(['营业执照', '统一社会信用代码 91330106MA2H3K7P5T'])]).type).toBe('business_license');
    expect(classifyDocument([textPage(['个体工商户登记（备案）申请书', '经营者姓名 陈丽华'])]).type).toBe('application_form');
    expect(classifyDocument([textPage(['居民户口簿', '户主姓名 赵伟', '与户主关系 户主'])]).type).toBe('household_register');
    expect(classifyDocument([textPage(['營業執照', '統一社會信用代碼 91330106MA2H3K7P5T'])]).type).toBe('business_license'); // traditional
    expect(classifyDocument([textPage(['会议纪要', '时间 2026年4月1日'])]).type).toBe('generic');
    expect(classifyDocument([textPage([])]).type).toBe('generic');
  });

  it('tells a form that asks for ID-card fields from an ID card', () => {
    const form = textPage([
      '居民身份证申领登记表',
      '姓名 周敏 性别 女 民族 汉',
      '出生 1985年07月23日',
      '公民身份号码 330102198507234027',
      '住址 浙江省杭州市上城区解放路88号',
      '申领人签名',
    ]);
    expect(classifyDocument([form]).type).toBe('application_form');
  });

  it('keeps the second page of a form with the form, although it asks for ID-card fields', () => {
    const p1 = textPage(['公司登记（备案）申请书', '企业名称 杭州云帆科技有限公司', '住所 浙江省杭州市西湖区文三路398号'], 'form.pdf');
    const p2 = {
      ...textPage(['法定代表人信息', '姓名 孙建平', '公民身份号码 440305197801011239', '住址 广东省深圳市福田区', '联系电话 13857112345', '签字：'], 'form.pdf'),
      page: 2,
    };
    const parts = analyzeFile({ file: 'form.pdf', pages: [p1, p2] });
    expect(parts.map((p) => [p.type, p.pages])).toEqual([['application_form', [1, 2]]]);
    expect(parts[0]!.fields.ID_NUMBER?.value).toBe('440305197801011239');
  });

  it('splits a scanned bundle into its documents and keeps multi-page documents together', () => {
    const parts = analyzeFile(doc('company/bundle'));
    expect(parts.map((p) => [p.type, p.pages])).toEqual([
      ['application_form', [1]],
      ['id_card_front', [2]],
      ['id_card_back', [3]],
    ]);
    expect(parts.every((p) => p.file === 'bundle.pdf')).toBe(true);
    const articles = analyzeFile(doc('company/articles'));
    expect(articles).toHaveLength(1);
    expect(articles[0]!.pages).toEqual([1, 2]);
  });

  it('sees both sides of an ID card photocopied on one page', () => {
    const [d] = analyzeFile(doc('company/id-both-sides'));
    expect(d!.type).toBe('id_card_front');
    expect(d!.alsoTypes).toEqual(['id_card_back']);
    expect(d!.fields.VALID_UNTIL?.value).toBe('2038-05-10');
  });
});
