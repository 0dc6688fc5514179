import { describe, expect, it } from 'vitest';
import { PrereviewOutput, type Check } from '../../../main/common/contract/index.js';
import {
  findService,
  loadCatalog,
  prereview,
  prereviewByName,
  type Catalog,
  type PrereviewDoc,
} from '../../../main/node/capabilities/prereview/index.js';
import { doc, textPage } from './fixtures.js';

const TODAY = '2026-05-01';

function withoutMarkNeeds(c: Catalog): Catalog {
  return { ...c, services: c.services.map((sv) => ({ ...sv, materials: sv.materials.map((m) => ({ ...m, needsSeal: false, needsSignature: false })) })) };
}
// These cases are about presence, validity and consistency; seals and signatures (which need page images) are
// tested in seal-signature.test.ts, so the catalog's needsSeal / needsSignature are switched off here.
const catalog = withoutMarkNeeds(loadCatalog());
const company = findService(catalog, '企业设立登记');

function run(service: string, docs: PrereviewDoc[], today: Date | string = TODAY): PrereviewOutput {
  const out = prereview(findService(catalog, service), docs, today);
  // Always a valid contract output, and every check says where to look.
  PrereviewOutput.parse(out);
  const ids = out.checks.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of out.checks) {
    expect(c.evidence.length, c.id).toBeGreaterThan(0);
    expect(c.message, c.id).toMatch(/[\u4e00-\u9fff].*[A-Za-z]/); // Chinese, then English
  }
  return out;
}

const byId = (out: PrereviewOutput, id: string): Check => {
  const c = out.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}; have ${out.checks.map((x) => x.id).join(', ')}`);
  return c;
};
const notPassing = (out: PrereviewOutput) => out.checks.filter((c) => c.status !== 'pass').map((c) => `${c.status} ${c.id}`);

const companyDocs = (over: Partial<Record<'form' | 'front' | 'back' | 'articles' | 'lease', string | null>> = {}) =>
  Object.entries({
    form: 'company/application-form',
    front: 'company/id-front',
    back: 'company/id-back',
    articles: 'company/articles',
    lease: 'company/lease',
    ...over,
  })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([, name]) => doc(name));

describe('pre-review: 企业设立登记 company establishment registration', () => {
  it('(1) passes when every material is present and valid', () => {
    const out = run('企业设立登记', companyDocs());
    expect(notPassing(out)).toEqual([]);
    expect(out.verdict).toBe('pass');
    expect(out.service).toEqual({ id: 'company-establishment', name: '企业设立登记' });
    expect(out.documents.map((d) => [d.file, d.type])).toEqual([
      ['application-form.pdf', 'application_form'],
      ['id-front.jpg', 'id_card_front'],
      ['id-back.jpg', 'id_card_back'],
      ['articles.pdf', 'generic'],
      ['lease.pdf', 'generic'],
    ]);
    for (const m of company.materials.filter((x) => x.required)) {
      expect(byId(out, `material.${m.id}.present`).status).toBe('pass');
    }
    expect(byId(out, 'document.legal-rep-id-front.id_number').status).toBe('pass');
    expect(byId(out, 'document.legal-rep-id-back.validity').message).toContain('2038-05-10');
    expect(byId(out, 'consistency.name').status).toBe('pass');
    expect(byId(out, 'consistency.id_number').status).toBe('pass');
    // fields reach the output as the contract's FieldValue (value, confidence, page, box) only
    expect(out.documents[1]!.fields.NAME).toEqual({
      value: '孙建平',
      confidence: 0.98,
      page: 1,
      box: [
        [60, 60],
        [238, 60],
        [238, 92],
        [60, 92],
      ],
    });
  });

  it('(2) fails naming the missing required document', () => {
    const out = run('企业设立登记', companyDocs({ back: null }));
    expect(out.verdict).toBe('fail');
    expect(notPassing(out)).toEqual(['fail material.legal-rep-id-back.missing']);
    const c = byId(out, 'material.legal-rep-id-back.missing');
    expect(c.message).toBe(
      "缺少材料：法定代表人身份证（国徽面） Missing material: legal representative's ID card (national emblem side)",
    );
    // evidence: what was received instead
    expect(c.evidence.map((e) => e.file)).toEqual(['application-form.pdf', 'id-front.jpg', 'articles.pdf', 'lease.pdf']);

    const noArticles = run('企业设立登记', companyDocs({ articles: null }));
    expect(byId(noArticles, 'material.articles-of-association.missing').message).toContain('缺少材料：公司章程 Missing material: articles of association');
  });

  it('(3) fails an expired ID card', () => {
    const out = run('企业设立登记', companyDocs({ back: 'company/id-back-expired' }));
    expect(out.verdict).toBe('fail');
    expect(notPassing(out)).toEqual(['fail document.legal-rep-id-back.validity']);
    const c = byId(out, 'document.legal-rep-id-back.validity');
    expect(c.message).toContain('证件已过期（有效期至 2026-03-01）');
    expect(c.message).toContain('expired: valid until 2026-03-01');
    expect(c.evidence).toEqual([
      {
        file: 'id-back.jpg',
        page: 1,
        box: [
          [150, 455],
          [665, 455],
          [665, 487],
          [150, 487],
        ],
        text: '有效期限 2006.03.01-2026.03.01',
      },
    ]);
  });

  it('warns about an ID card expiring within 30 days', () => {
    const out = run('企业设立登记', companyDocs({ back: 'company/id-back-expiring' }));
    expect(out.verdict).toBe('needs_review');
    expect(byId(out, 'document.legal-rep-id-back.validity')).toMatchObject({ status: 'warn' });
    expect(byId(out, 'document.legal-rep-id-back.validity').message).toContain('剩余 19 天');
    // a day after the end it has expired; on the last day it is still valid
    expect(byId(run('企业设立登记', companyDocs({ back: 'company/id-back-expiring' }), '2026-05-21'), 'document.legal-rep-id-back.validity').status).toBe('fail');
    expect(byId(run('企业设立登记', companyDocs({ back: 'company/id-back-expiring' }), new Date(2026, 4, 20)), 'document.legal-rep-id-back.validity').status).toBe('warn');
  });

  it('(4) fails an ID number that differs between the form and the ID card, with evidence from both files', () => {
    const out = run('企业设立登记', companyDocs({ form: 'company/application-form-other-id' }));
    expect(out.verdict).toBe('fail');
    expect(notPassing(out)).toEqual(['fail consistency.id_number']);
    const c = byId(out, 'consistency.id_number');
    expect(c.message).toContain('公民身份号码不一致');
    expect(c.message).toContain('440305********1234');
    expect(c.message).toContain('440305********1239');
    expect(c.message).not.toContain('440305197801021234'); // masked in the message
    expect(c.evidence.map((e) => [e.file, e.text])).toEqual([
      ['application-form.pdf', '440305197801021234'],
      ['id-front.jpg', '公民身份号码 440305197801011239'],
    ]);
  });

  it('(4) fails a name that differs between the form and the ID card, with evidence from both files', () => {
    const out = run('企业设立登记', companyDocs({ form: 'company/application-form-other-name' }));
    expect(out.verdict).toBe('fail');
    expect(notPassing(out)).toEqual(['fail consistency.name']);
    const c = byId(out, 'consistency.name');
    expect(c.message).toContain('姓名不一致：公司登记（备案）申请书（法定代表人）「孙*明」与法定代表人身份证（人像面）「孙*平」');
    expect(c.message).toContain('Names differ');
    expect(c.evidence.map((e) => [e.file, e.text])).toEqual([
      ['application-form.pdf', '孙建明'],
      ['id-front.jpg', '姓名 孙建平'],
    ]);
  });

  it('(5) needs review when a field is read with low confidence', () => {
    const out = run('企业设立登记', companyDocs({ front: 'company/id-front-lowconf' }));
    expect(out.verdict).toBe('needs_review');
    expect(notPassing(out)).toEqual(['warn document.legal-rep-id-front.name.low_confidence']);
    const c = byId(out, 'document.legal-rep-id-front.name.low_confidence');
    expect(c.message).toContain('姓名识别置信度低（0.52），请人工核对');
    expect(c.message).toContain('needs a human look');
    expect(c.evidence[0]).toMatchObject({ file: 'id-front.jpg', page: 1, text: '姓名 孙建平' });
  });

  it('fails an ID number whose check character is wrong', () => {
    const out = run('企业设立登记', companyDocs({ form: 'company/application-form-bad-id' }));
    expect(byId(out, 'document.application-form.id_number')).toMatchObject({ status: 'fail' });
    expect(byId(out, 'document.application-form.id_number').message).toContain('校验码不符');
    expect(out.verdict).toBe('fail');
  });

  it('passes a noisy photo whose ID number was repaired by its check character, and says so', () => {
    const out = run('企业设立登记', companyDocs({ front: 'company/id-front-noisy' }));
    expect(out.verdict).toBe('pass');
    expect(byId(out, 'document.legal-rep-id-front.id_number').message).toContain('已按校验码纠正');
  });

  it('accepts one scanned PDF holding the form and both ID card sides', () => {
    const out = run('企业设立登记', [doc('company/bundle'), doc('company/articles'), doc('company/lease')]);
    expect(out.verdict).toBe('pass');
    expect(out.documents.map((d) => [d.file, d.type])).toEqual([
      ['bundle.pdf', 'application_form'],
      ['bundle.pdf', 'id_card_front'],
      ['bundle.pdf', 'id_card_back'],
      ['articles.pdf', 'generic'],
      ['lease.pdf', 'generic'],
    ]);
    expect(byId(out, 'material.legal-rep-id-back.present').evidence[0]).toMatchObject({ file: 'bundle.pdf', page: 3 });
  });

  it('accepts both ID card sides on one photocopy', () => {
    const out = run('企业设立登记', companyDocs({ front: 'company/id-both-sides', back: null }));
    expect(out.verdict).toBe('pass');
    expect(byId(out, 'material.legal-rep-id-front.present').evidence[0]!.file).toBe('id-copy.pdf');
    expect(byId(out, 'material.legal-rep-id-back.present').evidence[0]!.file).toBe('id-copy.pdf');
  });

  it('asks for a human look when the form handed in is for another service', () => {
    const out = run('企业设立登记', companyDocs({ form: 'food/application-form' }));
    expect(notPassing(out)).toEqual(['warn material.application-form.unexpected']);
    expect(byId(out, 'material.application-form.unexpected').message).toContain('似乎不是「公司登记（备案）申请书」');
  });

  it('asks for a human look when a required other document cannot be identified', () => {
    const out = run('企业设立登记', [...companyDocs({ lease: null }), doc('dev/bank_stmt_en')]);
    expect(out.verdict).toBe('needs_review');
    expect(notPassing(out)).toEqual(['warn material.premises-proof.unconfirmed']);
    expect(byId(out, 'material.premises-proof.unconfirmed').evidence.map((e) => e.file)).toEqual(['bank_stmt_en.png']);
  });

  it('warns about an unreadable document and fields it cannot find', () => {
    const blurred = textPage([{ t: '姓名 孙建平', c: 0.4 }, { t: '公民身份号码 440305197801011239', c: 0.45 }], 'blurred.jpg');
    const out = run('企业设立登记', [...companyDocs({ front: null }), { file: 'blurred.jpg', pages: [blurred] }]);
    expect(out.verdict).toBe('needs_review');
    expect(notPassing(out)).toEqual(
      expect.arrayContaining([
        'warn document.legal-rep-id-front.unreadable',
        'warn document.legal-rep-id-front.sex.missing',
        'warn document.legal-rep-id-front.address.missing',
        'warn document.legal-rep-id-front.name.low_confidence',
        'warn document.legal-rep-id-front.id_number.low_confidence',
      ]),
    );
    const empty = run('企业设立登记', [...companyDocs(), { file: 'blank.jpg', pages: [textPage([], 'blank.jpg')] }]);
    expect(byId(empty, 'document.doc-6.unreadable').status).toBe('warn');
  });

  it('reports an extra document without letting it fail the case', () => {
    const card = textPage(['社会保障卡', '姓名 孙建平', '社会保障号码 440305197801011238', { t: '有效期限 2020年10月', c: 0.5 }], 'social-card.jpg');
    const out = run('企业设立登记', [...companyDocs(), { file: 'social-card.jpg', pages: [card] }]);
    expect(notPassing(out)).toEqual(['warn document.doc-6.id_number', 'warn document.doc-6.validity']);
    expect(out.verdict).toBe('needs_review');
    expect(byId(out, 'document.doc-6.unmatched').status).toBe('pass');
    // the food licence of the dev set: valid code, valid until 2027-08-31, nothing to say
    const permit = run('企业设立登记', [...companyDocs(), doc('dev/food_permit')]);
    expect(permit.verdict).toBe('pass');
    expect(byId(permit, 'document.doc-6.uscc').status).toBe('pass');
  });

  it('fails a birth date or sex that contradicts the ID number on the same card', () => {
    const card = textPage(
      ['姓名 孙建平', '性别 女 民族 汉', '出生 1978年1月2日', '住址 广东省深圳市福田区深南大道6008号', '公民身份号码 440305197801011239'],
      'id-front.jpg',
    );
    const out = run('企业设立登记', [...companyDocs({ front: null }), { file: 'id-front.jpg', pages: [card] }]);
    expect(byId(out, 'document.legal-rep-id-front.birth_date').status).toBe('fail');
    expect(byId(out, 'document.legal-rep-id-front.sex').status).toBe('fail');
  });

  it('takes a Date or a YYYY-MM-DD day, and refuses an impossible day', () => {
    expect(run('企业设立登记', companyDocs(), new Date(2026, 4, 1)).verdict).toBe('pass');
    expect(() => prereview(company, companyDocs(), '2026-02-30')).toThrow();
  });

  it('finds the service by name through prereviewByName', () => {
    expect(prereviewByName('Company establishment registration', companyDocs(), TODAY, { catalog }).verdict).toBe('pass');
    expect(() => prereviewByName('不存在的事项', companyDocs(), TODAY)).toThrow(/Unknown service/);
  });
});

describe('pre-review: other services', () => {
  it('食品经营许可: passes with a valid business licence, and checks the company across documents', () => {
    const docs = [
      doc('food/application-form'),
      doc('food/business-licence'),
      doc('company/id-front'),
      doc('company/id-back'),
      doc('food/facilities'),
      doc('food/safety-rules'),
    ];
    const out = run('食品经营许可', docs);
    expect(notPassing(out)).toEqual([]);
    expect(byId(out, 'document.business-licence.validity').message).toContain('长期有效');
    expect(byId(out, 'consistency.company_name').status).toBe('pass');
    expect(byId(out, 'consistency.uscc').status).toBe('pass');
    expect(byId(out, 'consistency.name').evidence.map((e) => e.file)).toEqual(
      expect.arrayContaining(['food-application.pdf', 'id-front.jpg', 'licence.jpg']),
    );
  });

  it('食品经营许可: fails an expired business licence', () => {
    const docs = [
      doc('food/application-form'),
      doc('food/business-licence-expired'),
      doc('company/id-front'),
      doc('company/id-back'),
      doc('food/facilities'),
      doc('food/safety-rules'),
    ];
    const out = run('food-business-licence', docs);
    expect(notPassing(out)).toEqual(['fail document.business-licence.validity']);
  });

  it('个体工商户设立登记: a licence with another person and an extra document are not compared', () => {
    const form = textPage(
      ['个体工商户登记（备案）申请书', '经营者姓名 孙建平', '身份证件号码 440305197801011239', '经营场所 浙江省杭州市西湖区学院路12号', '联系电话 13857112345'],
      'form.pdf',
    );
    const out = run('个体工商户设立登记', [
      { file: 'form.pdf', pages: [form] },
      doc('company/id-front-noisy'),
      doc('company/id-back-indefinite'),
      doc('company/lease'),
      doc('food/business-licence-individual'),
    ]);
    expect(notPassing(out)).toEqual([]);
    expect(byId(out, 'document.operator-id-back.validity').message).toContain('长期有效');
    expect(byId(out, 'document.doc-5.unmatched').status).toBe('pass');
  });

  it('居民身份证换领: an expired old card is what a renewal is for', () => {
    const out = run('居民身份证换领', [doc('id-renewal/household-register'), doc('id-renewal/id-front'), doc('id-renewal/id-back')]);
    expect(out.verdict).toBe('pass');
    expect(byId(out, 'document.old-id-back.validity')).toMatchObject({ status: 'pass' });
    expect(byId(out, 'document.old-id-back.validity').message).toContain('本事项不要求在有效期内');
    expect(byId(out, 'consistency.id_number').evidence.map((e) => e.file)).toEqual(['hukou.jpg', 'old-id-front.jpg']);
  });

  it('居民身份证换领: takes the person page of a register booklet, not its cover page', () => {
    const cover = { ...textPage(['居民户口簿', '户别 家庭户', '户主姓名 周敏', '住址 浙江省杭州市上城区解放路88号', '户口登记机关 杭州市公安局上城分局'], 'hukou.pdf') };
    const person = { ...doc('id-renewal/household-register').pages[0]!, file: 'hukou.pdf', page: 2 };
    const out = run('居民身份证换领', [{ file: 'hukou.pdf', pages: [cover, person] }, doc('id-renewal/id-front'), doc('id-renewal/id-back')]);
    expect(out.documents.filter((d) => d.type === 'household_register')).toHaveLength(2);
    expect(byId(out, 'material.household-register.present').evidence[0]).toMatchObject({ file: 'hukou.pdf', page: 2 });
    expect(out.verdict).toBe('pass');
  });

  it('居民身份证换领: a register page and an ID card with one number but two names fail', () => {
    const card = textPage(['姓名 周明', '性别 女 民族 汉', '出生 1985年7月23日', '住址 浙江省杭州市上城区解放路88号', '公民身份号码 330102198507234027'], 'old-id-front.jpg');
    const out = run('居民身份证换领', [doc('id-renewal/household-register'), { file: 'old-id-front.jpg', pages: [card] }, doc('id-renewal/id-back')]);
    expect(byId(out, 'consistency.name').status).toBe('fail');
    expect(byId(out, 'consistency.name').evidence.map((e) => e.file)).toEqual(['hukou.jpg', 'old-id-front.jpg']);
  });
});
