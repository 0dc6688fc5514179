import { describe, expect, it } from 'vitest';
import {
  maskFieldValue,
  maskIdNumber,
  maskName,
  maskPhone,
  maskPrereviewOutput,
  maskText,
  validatePhone,
} from '../../../main/node/capabilities/prereview/index.js';
import type { PrereviewOutput } from '../../../main/common/contract/index.js';

describe('phone numbers', () => {
  it('accepts mainland mobiles, with or without +86 and spaces', () => {
    expect(validatePhone('13857112345')).toEqual({ ok: true, kind: 'mobile', value: '13857112345' });
    expect(validatePhone('+86 138 5711 2345')).toMatchObject({ ok: true, value: '13857112345' });
    expect(validatePhone('8613857112345')).toMatchObject({ ok: true, value: '13857112345' });
    expect(validatePhone('１９９１２３４５６７８')).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it('rejects mobiles with a wrong prefix or length', () => {
    expect(validatePhone('12857112345')).toMatchObject({ ok: false, problem: 'MOBILE_PREFIX' });
    expect(validatePhone('1385711234')).toMatchObject({ ok: false });
    expect(validatePhone('138571123456')).toMatchObject({ ok: false });
  });

  it('accepts landlines with an area code', () => {
    expect(validatePhone('0571-87654321')).toEqual({ ok: true, kind: 'landline', value: '0571-87654321' });
    expect(validatePhone('010-12345678')).toMatchObject({ ok: false, problem: 'LOCAL_NUMBER' }); // local part starts with 1
    expect(validatePhone('010-62345678')).toMatchObject({ ok: true, value: '010-62345678' });
    expect(validatePhone('(0577) 8812345')).toMatchObject({ ok: true, value: '0577-8812345' });
    expect(validatePhone('057187654321')).toMatchObject({ ok: true, value: '0571-87654321' });
    expect(validatePhone('02162345678')).toMatchObject({ ok: true, value: '021-62345678' });
    expect(validatePhone('0571-87654321转808')).toMatchObject({ ok: true, value: '0571-87654321-808' });
  });

  it('rejects landlines with a wrong area code and other text', () => {
    expect(validatePhone('0271-87654321')).toMatchObject({ ok: false, problem: 'AREA_CODE' });
    expect(validatePhone('87654321')).toMatchObject({ ok: false, problem: 'FORMAT' });
    expect(validatePhone('无')).toMatchObject({ ok: false, problem: 'FORMAT' });
  });
});

describe('masking personal data for logs', () => {
  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber('33010619900101301X')).toBe('330106********301X');
    expect(maskIdNumber('440305780101123')).toBe('440305*****1123');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678');
    expect(maskPhone('0571-87654321')).toBe('0571-****4321');
    expect(maskName('孙建平')).toBe('孙*平');
    expect(maskName('周敏')).toBe('周*');
    expect(maskName('阿卜杜·热合曼')).toBe('阿*****曼');
    expect(maskName('ANNA MUELLER')).toBe('A*** M******');
  });

  it('masks free text: ID numbers, phones, bank cards, labelled names and addresses', () => {
    expect(maskText('申请人身份证330106199001013016，手机13812345678，座机0571-87654321。')).toBe(
      '申请人身份证330106********3016，手机138****5678，座机0571-****4321。',
    );
    expect(maskText('姓名 孙建平 公民身份号码 440305197801011239')).toBe('姓名 孙*平 公民身份号码 440305********1239');
    expect(maskText('法定代表人(负责人) 林建国')).toBe('法定代表人(负责人) 林*国');
    expect(maskText('住址 广东省深圳市福田区深南大道6008号')).toBe('住址 广东省深圳市********');
    expect(maskText('Account Holder: Maria Gonzalez')).toBe('Account Holder: M**** G*******');
    expect(maskText('Account Number: 6222 0212 3456 7890')).toBe('Account Number: **** **** **** 7890');
    expect(maskText('order 1234567890123456789012')).toBe('order 1234567890123456789012');
    expect(maskText('公民身份号码 ４４０３０５１９７８０１０１１２３９')).toBe('公民身份号码 440305********1239');
  });

  it('masks a pre-review result: field values, messages and evidence', () => {
    const out: PrereviewOutput = {
      service: { id: 'company-establishment', name: '企业设立登记' },
      documents: [
        {
          file: 'id.jpg',
          type: 'id_card_front',
          fields: {
            NAME: { value: '孙建平', confidence: 0.9, page: 1, box: null },
            ID_NUMBER: { value: '440305197801011239', confidence: 0.9, page: 1, box: null },
            BIRTH_DATE: { value: '1978-01-01', confidence: 0.9, page: 1, box: null },
            ISSUER: { value: '深圳市公安局福田分局', confidence: 0.9, page: 1, box: null },
          },
        },
      ],
      checks: [
        {
          id: 'x',
          status: 'pass',
          message: '号码 440305197801011239',
          evidence: [{ file: 'id.jpg', page: 1, box: null, text: '公民身份号码 440305197801011239' }],
        },
      ],
      verdict: 'pass',
    };
    const m = maskPrereviewOutput(out);
    expect(m.documents[0]!.fields.NAME!.value).toBe('孙*平');
    expect(m.documents[0]!.fields.ID_NUMBER!.value).toBe('440305********1239');
    expect(m.documents[0]!.fields.BIRTH_DATE!.value).toBe('1978-**-**');
    expect(m.documents[0]!.fields.ISSUER!.value).toBe('深圳市公安局福田分局');
    expect(m.checks[0]!.message).toBe('号码 440305********1239');
    expect(m.checks[0]!.evidence[0]!.text).toBe('公民身份号码 440305********1239');
    expect(out.documents[0]!.fields.NAME!.value).toBe('孙建平'); // the original is untouched
    expect(maskFieldValue('PHONE', '13812345678')).toBe('138****5678');
  });
});

describe('masking check messages', () => {
  it('does not take words after a label for names or addresses', () => {
    expect(maskText('已提供：住所使用证明（lease.pdf）')).toBe('已提供：住所使用证明（lease.pdf）');
    expect(maskText('未能识别申请人或法定代表人')).toBe('未能识别申请人或法定代表人');
    expect(maskText('经营者身份证（人像面）')).toBe('经营者身份证（人像面）');
  });
});
