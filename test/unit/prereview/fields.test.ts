import { describe, expect, it } from 'vitest';
import type { DocumentType, OcrPage } from '../../../main/common/contract/index.js';
import { extractFields, type Fields } from '../../../main/node/capabilities/prereview/index.js';
import { pagesOf, textPage } from './fixtures.js';

const fieldsOf = (type: DocumentType, name: string) => extractFields(type, pagesOf(name));
const values = (f: Fields) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
const lineOf = (pages: OcrPage[], text: string) => pages.flatMap((p) => p.lines).find((l) => l.text === text)!;

describe('field extraction: ID card', () => {
  it('reads every field of a clean photo side, with the line it came from', () => {
    const pages = pagesOf('company/id-front');
    const f = extractFields('id_card_front', pages);
    expect(values(f)).toEqual({
      NAME: '孙建平',
      SEX: '男',
      ETHNICITY: '汉',
      BIRTH_DATE: '1978-01-01',
      ADDRESS: '广东省深圳市福田区深南大道6008号',
      ID_NUMBER: '440305197801011239',
    });
    const nameLine = lineOf(pages, '姓名 孙建平');
    expect(f.NAME).toMatchObject({ confidence: nameLine.confidence, page: 1, box: nameLine.box, source: '姓名 孙建平' });
    // the address spans two lines: one box around both, the lower confidence of the two
    expect(f.ADDRESS!.box).toEqual([
      [60, 240],
      [430, 240],
      [430, 314],
      [60, 314],
    ]);
    expect(f.ADDRESS!.confidence).toBe(0.94);
    expect(f.ADDRESS!.source).toBe('住址 广东省深圳市福田区 深南大道6008号');
  });

  it('copes with OCR noise: split boxes, no separator, colons, full-width digits, O for 0', () => {
    const pages = pagesOf('company/id-front-noisy');
    const f = extractFields('id_card_front', pages);
    expect(values(f)).toEqual({
      NAME: '孙建平',
      SEX: '男',
      ETHNICITY: '汉',
      BIRTH_DATE: '1978-01-01',
      ADDRESS: '广东省深圳市福田区深南大道6008号',
      ID_NUMBER: '440305197801011239',
    });
    // the value is in its own box: the evidence is that box, not the label's
    expect(f.NAME!.box).toEqual(lineOf(pages, '孙建平').box);
    expect(f.NAME!.confidence).toBe(0.91);
    expect(f.ID_NUMBER).toMatchObject({ corrected: true, confidence: 0.86, box: lineOf(pages, '44O3O519780101123 9').box });
  });

  it('reads a page photographed turned 90° (boxes stay in the page as given)', () => {
    const pages = pagesOf('company/id-front-rotated');
    const f = extractFields('id_card_front', pages);
    expect(values(f)).toEqual(values(fieldsOf('id_card_front', 'company/id-front')));
    expect(f.NAME!.box).toEqual(lineOf(pages, '姓名 孙建平').box);
  });

  it('reads the emblem side: issuer and validity (dates or 长期)', () => {
    expect(values(fieldsOf('id_card_back', 'company/id-back'))).toEqual({
      ISSUER: '深圳市公安局福田分局',
      VALID_FROM: '2018-05-10',
      VALID_UNTIL: '2038-05-10',
      ISSUE_DATE: '2018-05-10',
    });
    expect(fieldsOf('id_card_back', 'company/id-back-indefinite').VALID_UNTIL!.value).toBe('长期');
    // no label: a date range on its own row is still the validity period
    const f = extractFields('id_card_back', [textPage(['中华人民共和国', '居民身份证', '签发机关 某市公安局', '2015.03.01-2025.03.01'])]);
    expect(values(f)).toMatchObject({ VALID_FROM: '2015-03-01', VALID_UNTIL: '2025-03-01' });
  });

  it('finds the ID number without its label, and keeps a bad number as read', () => {
    const f = extractFields('id_card_front', [textPage(['姓名 孙建平', '440305197801011239'])]);
    expect(f.ID_NUMBER!.value).toBe('440305197801011239');
    const bad = extractFields('id_card_front', [textPage(['姓名 孙建平', '公民身份号码 440305197801011238'])]);
    expect(bad.ID_NUMBER!.value).toBe('440305197801011238');
  });

  it('does not take 民族 inside an address for a label, but splits 性别男民族汉', () => {
    const f = extractFields('id_card_front', [textPage(['姓名孙建平', '性别男民族汉', '住址 云南省昆明市民族路12号'])]);
    expect(values(f)).toMatchObject({ NAME: '孙建平', SEX: '男', ETHNICITY: '汉', ADDRESS: '云南省昆明市民族路12号' });
  });

  it('takes a value from the row below a label standing alone', () => {
    const f = extractFields('id_card_front', [textPage(['姓名', '孙建平', '公民身份号码', '440305197801011239'])]);
    expect(values(f)).toMatchObject({ NAME: '孙建平', ID_NUMBER: '440305197801011239' });
  });
});

describe('field extraction: business licence, forms, registers, other documents', () => {
  it('reads a two-column business licence', () => {
    expect(values(fieldsOf('business_license', 'food/business-licence'))).toEqual({
      USCC: '91330106MA2H3K7P5T',
      COMPANY_NAME: '杭州云帆科技有限公司',
      REGISTERED_CAPITAL: '壹佰万元整',
      ENTITY_TYPE: '有限责任公司(自然人独资)',
      ESTABLISHED_DATE: '2020-06-01',
      LEGAL_REPRESENTATIVE: '孙建平',
      VALID_FROM: '2020-06-01',
      VALID_UNTIL: '长期',
      BUSINESS_SCOPE: '技术服务、技术开发;餐饮服务',
      ADDRESS: '浙江省杭州市西湖区文三路398号',
      ISSUE_DATE: '2020-06-01',
    });
  });

  it('reads an individual business licence (经营者, 经营场所 on two lines, no term)', () => {
    const f = values(fieldsOf('business_license', 'food/business-licence-individual'));
    expect(f).toMatchObject({
      USCC: '92330106MA2J8R4U13',
      LEGAL_REPRESENTATIVE: '陈丽华',
      ENTITY_TYPE: '个体工商户',
      ADDRESS: '浙江省杭州市西湖区翠苑街道学院路12号',
    });
    expect(f.VALID_UNTIL).toBeUndefined();
  });

  it('reads a table-style application form and skips signatures and the declaration', () => {
    const pages = pagesOf('company/application-form');
    const f = extractFields('application_form', pages);
    expect(values(f)).toEqual({
      COMPANY_NAME: '杭州云帆科技有限公司',
      ADDRESS: '浙江省杭州市西湖区文三路398号',
      LEGAL_REPRESENTATIVE: '孙建平',
      PHONE: '13857112345',
      ID_NUMBER: '440305197801011239',
      REGISTERED_CAPITAL: '100万元人民币',
      APPLICATION_DATE: '2026-04-20',
    });
    expect(f.LEGAL_REPRESENTATIVE!.box).toEqual(lineOf(pages, '孙建平').box);
    expect(f.LEGAL_REPRESENTATIVE!.confidence).toBe(0.95);
  });

  it('reads 法定代表人（负责人） with full-width brackets', () => {
    const f = values(fieldsOf('application_form', 'food/application-form'));
    expect(f).toMatchObject({ LEGAL_REPRESENTATIVE: '孙建平', COMPANY_NAME: '杭州云帆科技有限公司', PHONE: '0571-87654321' });
  });

  it('finds a mobile number without its label on a form', () => {
    const f = extractFields('application_form', [textPage(['个体工商户登记申请书', '经营者姓名 陈丽华', '手机：１３８５７１１２３４５'])]);
    expect(f.PHONE!.value).toBe('13857112345');
    const g = extractFields('application_form', [textPage(['个体工商户登记申请书', '经营者姓名 陈丽华', '13857112345'])]);
    expect(g.PHONE!.value).toBe('13857112345');
  });

  it('reads a household register page (householder apart from the person)', () => {
    expect(values(fieldsOf('household_register', 'dev/hukou'))).toEqual({
      HOUSEHOLDER: '赵伟',
      NAME: '赵小雨',
      RELATIONSHIP: '女',
      SEX: '女',
      ETHNICITY: '汉族',
      BIRTH_DATE: '2012-09-03',
      ID_NUMBER: '330203201209032124',
      ADDRESS: '浙江省宁波市海曙区中山西路102号',
    });
  });

  it('reads what other documents share: the food licence of the dev set', () => {
    expect(values(fieldsOf('generic', 'dev/food_permit'))).toEqual({
      COMPANY_NAME: '温州市鹿城区味源餐饮店',
      USCC: '92330302MA2AYF6L02',
      LEGAL_REPRESENTATIVE: '林建国',
      ADDRESS: '浙江省温州市鹿城区五马街36号',
      LICENCE_NUMBER: 'JY23303020012345',
      VALID_UNTIL: '2027-08-31',
      ISSUER: '温州市鹿城区市场监督管理局',
    });
  });

  it('reads the social security card, a traditional-script permit and a bilingual card', () => {
    expect(values(fieldsOf('generic', 'dev/social_card'))).toMatchObject({
      NAME: '周敏',
      ID_NUMBER: '330102198507234027',
      ISSUE_DATE: '2020-10',
      VALID_UNTIL: '2030-10',
    });
    expect(values(fieldsOf('generic', 'dev/tw_notice_tra'))).toEqual({
      NAME: '陳怡君',
      BIRTH_DATE: '1988-12-24',
      DOCUMENT_NUMBER: '01234567',
      ISSUER: '公安部出入境管理局',
      VALID_FROM: '2021-03-15',
      VALID_UNTIL: '2031-03-14',
    });
    expect(values(fieldsOf('generic', 'dev/residence_permit_mixed'))).toEqual({
      NAME: 'ANNA MUELLER',
      BIRTH_DATE: '1985-07-19',
      DOCUMENT_NUMBER: '933156850719001',
    });
    expect(fieldsOf('generic', 'dev/bank_stmt_en')).toEqual({});
  });

  it('repairs a USCC read with O for 0, by its check character', () => {
    const f = extractFields('business_license', [textPage(['营业执照', '统一社会信用代码 92330302MA2AYF6LO2'])]);
    expect(f.USCC).toMatchObject({ value: '92330302MA2AYF6L02', corrected: true });
  });
});
