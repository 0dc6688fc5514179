import { describe, expect, it } from 'vitest';
import type { DocumentType } from '../../../main/common/contract/index.js';
import { checkConsistency, type AnalyzedDocument, type ConsistencyItem } from '../../../main/node/capabilities/prereview/index.js';

let n = 0;
function item(type: DocumentType, fields: Record<string, string>, label: string = type): ConsistencyItem {
  const file = `doc${++n}.jpg`;
  const doc: AnalyzedDocument = {
    file,
    pages: [1],
    type,
    score: 1,
    alsoTypes: [],
    fields: Object.fromEntries(
      Object.entries(fields).map(([k, value]) => [k, { value, confidence: 0.95, page: 1, box: null, source: `${k} ${value}` }]),
    ),
    title: { file, page: 1, box: null, text: type },
    compactText: '',
    lineCount: 1,
    meanConfidence: 0.95,
  };
  return { doc, label: { zh: label, en: label } };
}

const status = (items: ConsistencyItem[]) => Object.fromEntries(checkConsistency(items).map((c) => [c.id, c.status]));

describe('cross-document consistency', () => {
  const card = () => item('id_card_front', { NAME: '孙建平', ID_NUMBER: '440305197801011239' });

  it('passes when the form and the licence name the ID card holder', () => {
    expect(
      status([
        card(),
        item('application_form', { LEGAL_REPRESENTATIVE: '孙建平', ID_NUMBER: '440305197801011239' }),
        item('business_license', { LEGAL_REPRESENTATIVE: '孙建平' }),
      ]),
    ).toEqual({ 'consistency.name': 'pass', 'consistency.id_number': 'pass' });
  });

  it('compares names normalised: spaces, full-width, traditional script, middle dots, case', () => {
    expect(status([card(), item('application_form', { APPLICANT: '孫 建 平' })])).toEqual({ 'consistency.name': 'pass' });
    expect(
      status([
        item('id_card_front', { NAME: '阿卜杜·热合曼', ID_NUMBER: '650102198001010011' }),
        item('application_form', { NAME: '阿卜杜•热合曼' }),
      ])['consistency.name'],
    ).toBe('pass');
    expect(status([item('id_card_front', { NAME: 'ANNA MUELLER' }), item('application_form', { NAME: 'Anna Mueller' })])).toEqual({
      'consistency.name': 'pass',
    });
    expect(
      status([card(), item('application_form', { LEGAL_REPRESENTATIVE: '孙建平', ID_NUMBER: '４４０３０５１９７８０１０１１２３９' })])[
        'consistency.id_number'
      ],
    ).toBe('pass');
  });

  it('fails a claim whose name is on no ID document, with evidence from both', () => {
    const checks = checkConsistency([card(), item('business_license', { LEGAL_REPRESENTATIVE: '孙建明' }, '营业执照')]);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'consistency.name', status: 'fail' });
    expect(checks[0]!.evidence.map((e) => e.text)).toEqual(['LEGAL_REPRESENTATIVE 孙建明', 'NAME 孙建平']);
  });

  it('pairs a claim with the ID document of its number', () => {
    const spouse = item('id_card_front', { NAME: '李芳', ID_NUMBER: '330106199001013016' });
    const checks = checkConsistency([
      card(),
      spouse,
      item('application_form', { LEGAL_REPRESENTATIVE: '李华', ID_NUMBER: '330106199001013016' }),
    ]);
    const name = checks.find((c) => c.id === 'consistency.name')!;
    expect(name.status).toBe('fail');
    expect(name.message).toContain('李*');
    expect(name.evidence.map((e) => e.text)).toEqual(['LEGAL_REPRESENTATIVE 李华', 'NAME 李芳']);
    expect(checks.find((c) => c.id === 'consistency.id_number')!.status).toBe('pass');
  });

  it('skips organisation names given as the applicant', () => {
    expect(status([card(), item('application_form', { APPLICANT: '杭州云帆科技有限公司', LEGAL_REPRESENTATIVE: '孙建平' })])).toEqual({
      'consistency.name': 'pass',
    });
  });

  it('compares claims with each other when there is no ID document', () => {
    expect(
      status([item('application_form', { LEGAL_REPRESENTATIVE: '孙建平' }), item('business_license', { LEGAL_REPRESENTATIVE: '孙建明' })]),
    ).toEqual({ 'consistency.name': 'fail' });
  });

  it('fails two ID documents with one number and two names; warns on namesakes with two numbers', () => {
    expect(status([card(), item('household_register', { NAME: '孙建明', ID_NUMBER: '440305197801011239' })])).toEqual({
      'consistency.name': 'fail',
    });
    expect(status([card(), item('household_register', { NAME: '孙建平', ID_NUMBER: '330106199001013016' })])).toEqual({
      'consistency.id_number': 'warn',
    });
  });

  it('leaves generic documents out', () => {
    expect(status([card(), item('generic', { NAME: '王五', LEGAL_REPRESENTATIVE: '赵六' })])).toEqual({});
  });

  it('checks the company name and credit code between the form and the licence', () => {
    const form = item('application_form', { COMPANY_NAME: '杭州云帆科技有限公司', USCC: '91330106MA2H3K7P5T' }, '申请书');
    const licence = item('business_license', { COMPANY_NAME: '杭州云帆科技有限公司', USCC: '91330106MA2H3K7P5T' }, '营业执照');
    expect(status([form, licence])).toEqual({ 'consistency.company_name': 'pass', 'consistency.uscc': 'pass' });
    const other = item('business_license', { COMPANY_NAME: '杭州云帆网络有限公司', USCC: '91330106MA2H3K7P5T' }, '营业执照');
    const checks = checkConsistency([form, other]);
    const c = checks.find((x) => x.id === 'consistency.company_name')!;
    expect(c.status).toBe('fail');
    expect(c.message).toContain('申请书「杭州云帆科技有限公司」、营业执照「杭州云帆网络有限公司」');
    expect(c.evidence).toHaveLength(2);
  });
});
