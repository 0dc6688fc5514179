/**
 * What each document type looks like. Weights add up (capped at 1); negative signals keep look-alikes apart
 * (a household register also shows 公民身份号码 and 住址; a food licence shows 社会信用代码 but is no business
 * licence). Patterns run on the document's text in compact form: half-width, simplified, no spaces.
 */
import type { DocumentType } from '../../../../common/contract/index.js';

export interface Signal {
  /** Shown in explanations. */
  name: string;
  weight: number;
  test: RegExp | ((ctx: SignalContext) => boolean);
  /** Test only the first rows (the title). */
  title?: boolean;
}

export interface SignalContext {
  text: string;
  title: string;
  hasValidId: boolean;
  hasValidUscc: boolean;
  hasDateRange: boolean;
}

export const SIGNALS: Record<Exclude<DocumentType, 'generic'>, Signal[]> = {
  id_card_front: [
    { name: '公民身份号码', weight: 0.35, test: /公民身份号码/ },
    { name: '姓名', weight: 0.15, test: /姓名/ },
    { name: '性别', weight: 0.1, test: /性别/ },
    { name: '民族', weight: 0.1, test: /民族/ },
    { name: '出生', weight: 0.1, test: /出生/ },
    { name: '住址', weight: 0.15, test: /住址/ },
    { name: 'valid ID number', weight: 0.15, test: (c) => c.hasValidId },
    { name: '-household register', weight: -0.8, test: /常住人口登记卡|户口簿|居民户口|户主/ },
    { name: '-form', weight: -0.5, test: /申请|申领|登记表|承诺/ },
    // a form's page about the legal representative asks for the same fields, next to ones no ID card has
    { name: '-form fields', weight: -0.4, test: /法定代表人|联系电话|注册资本|企业名称|签字|签名|盖章/ },
    { name: '-other certificate', weight: -0.5, test: /营业执照|社会保障|通行证|护照|居留|驾驶证|许可证/ },
  ],
  id_card_back: [
    { name: '签发机关', weight: 0.4, test: /签发机关/ },
    { name: '有效期限', weight: 0.3, test: /有效期限/ },
    { name: '居民身份证', weight: 0.2, test: /居民身份证/ },
    { name: '中华人民共和国', weight: 0.1, test: /中华人民共和国/ },
    { name: 'date range', weight: 0.1, test: (c) => c.hasDateRange },
    { name: '-other certificate', weight: -0.6, test: /通行证|护照|居留|社会保障|驾驶证|营业执照|许可证|户口/ },
    { name: '-form', weight: -0.5, test: /申请|申领|登记表|承诺/ },
  ],
  business_license: [
    { name: '营业执照', weight: 0.45, test: /营业执照/ },
    { name: '统一社会信用代码', weight: 0.3, test: /统一社会信用代码/ },
    { name: '法定代表人', weight: 0.1, test: /法定代表人|经营者|负责人|执行事务合伙人|投资人/ },
    { name: '注册资本', weight: 0.05, test: /注册资本|出资额/ },
    { name: '成立日期', weight: 0.05, test: /成立日期|注册日期/ },
    { name: '营业期限', weight: 0.05, test: /营业期限|经营期限|组成形式/ },
    { name: '登记机关', weight: 0.05, test: /登记机关/ },
    { name: 'valid USCC', weight: 0.1, test: (c) => c.hasValidUscc },
    { name: '-form', weight: -0.5, test: /申请书|申请表|登记表|承诺书/ },
    { name: '-licence', weight: -0.4, test: /许可证/ },
    { name: '-contract', weight: -0.3, test: /章程|合同|协议/ },
  ],
  application_form: [
    { name: '申请书', weight: 0.5, test: /申请书|申请表|登记表|申请审批表|登记\(备案\)申请|备案表/ },
    { name: 'form title', weight: 0.2, test: /申请书|申请表|登记表|备案表/, title: true },
    { name: '申请人', weight: 0.15, test: /申请人|申请单位/ },
    { name: '签字', weight: 0.15, test: /签字|签名|盖章|签章/ },
    { name: '联系电话', weight: 0.1, test: /联系电话|移动电话|联系方式/ },
    { name: '日期', weight: 0.05, test: /申请日期|填表日期|年月日/ },
    { name: '承诺', weight: 0.05, test: /承诺/ },
    { name: '-household register', weight: -0.3, test: /常住人口登记卡/ },
  ],
  household_register: [
    { name: '常住人口登记卡', weight: 0.5, test: /常住人口登记卡/ },
    { name: '户口簿', weight: 0.3, test: /户口簿|居民户口/ },
    { name: '户主', weight: 0.2, test: /户主/ },
    { name: '与户主关系', weight: 0.2, test: /与户主关系/ },
    { name: '户别', weight: 0.1, test: /户别|户号|户口登记机关/ },
    { name: '籍贯', weight: 0.1, test: /籍贯|出生地|曾用名/ },
    { name: '-form', weight: -0.3, test: /申请书|申请表/ },
  ],
};

/** Below this score a page is `generic`. */
export const TYPE_THRESHOLD = 0.5;
