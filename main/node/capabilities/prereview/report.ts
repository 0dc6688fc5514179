/**
 * Checks and the verdict. Messages are Chinese then English ("缺少材料：营业执照 Missing material: business
 * licence"); ID numbers and names in messages are masked (the evidence keeps the document text for the clerk).
 */
import type {
  Check,
  DocumentType,
  Evidence,
  PrereviewDocument,
  PrereviewOutput,
  ServiceItem,
} from '../../../common/contract/index.js';
import type { AnalyzedDocument, ExtractedField } from './types.js';

export type CheckStatus = Check['status'];
export type Verdict = PrereviewOutput['verdict'];

export const TYPE_LABEL: Record<DocumentType, { zh: string; en: string }> = {
  id_card_front: { zh: '身份证人像面', en: 'ID card (photo side)' },
  id_card_back: { zh: '身份证国徽面', en: 'ID card (emblem side)' },
  business_license: { zh: '营业执照', en: 'business licence' },
  application_form: { zh: '申请书', en: 'application form' },
  household_register: { zh: '户口簿', en: 'household register' },
  generic: { zh: '其他材料', en: 'other document' },
};

export const FIELD_LABEL: Record<string, { zh: string; en: string }> = {
  NAME: { zh: '姓名', en: 'name' },
  SEX: { zh: '性别', en: 'sex' },
  ETHNICITY: { zh: '民族', en: 'ethnicity' },
  BIRTH_DATE: { zh: '出生日期', en: 'date of birth' },
  ADDRESS: { zh: '住址', en: 'address' },
  ID_NUMBER: { zh: '公民身份号码', en: 'ID number' },
  ISSUER: { zh: '签发机关', en: 'issuing authority' },
  ISSUE_DATE: { zh: '签发日期', en: 'date of issue' },
  VALID_FROM: { zh: '有效期起', en: 'valid from' },
  VALID_UNTIL: { zh: '有效期至', en: 'valid until' },
  USCC: { zh: '统一社会信用代码', en: 'unified social credit code' },
  COMPANY_NAME: { zh: '名称', en: 'entity name' },
  ENTITY_TYPE: { zh: '类型', en: 'entity type' },
  LEGAL_REPRESENTATIVE: { zh: '法定代表人', en: 'legal representative' },
  REGISTERED_CAPITAL: { zh: '注册资本', en: 'registered capital' },
  ESTABLISHED_DATE: { zh: '成立日期', en: 'date of establishment' },
  BUSINESS_SCOPE: { zh: '经营范围', en: 'business scope' },
  PHONE: { zh: '联系电话', en: 'phone number' },
  APPLICANT: { zh: '申请人', en: 'applicant' },
  APPLICATION_DATE: { zh: '申请日期', en: 'application date' },
  HOUSEHOLDER: { zh: '户主姓名', en: 'head of household' },
  RELATIONSHIP: { zh: '与户主关系', en: 'relationship to head of household' },
  BIRTHPLACE: { zh: '出生地', en: 'place of birth' },
  NATIVE_PLACE: { zh: '籍贯', en: 'native place' },
  HOUSEHOLD_TYPE: { zh: '户别', en: 'household type' },
  LICENCE_NUMBER: { zh: '许可证编号', en: 'licence number' },
  DOCUMENT_NUMBER: { zh: '证件号码', en: 'document number' },
};

export const fieldLabel = (f: string) => FIELD_LABEL[f] ?? { zh: f, en: f.toLowerCase().replace(/_/g, ' ') };

/** Evidence for a field: where it was read and the OCR text there. */
export function fieldEvidence(doc: AnalyzedDocument, field: string): Evidence | null {
  const f: ExtractedField | undefined = doc.fields[field];
  if (!f) return null;
  return { file: doc.file, page: f.page, box: f.box, text: f.source };
}

export class Report {
  readonly checks: Check[] = [];
  private readonly ids = new Map<string, number>();

  add(id: string, status: CheckStatus, message: string, evidence: Array<Evidence | null | undefined>): Check {
    // Ids stay unique: a second check under one id gets a suffix.
    const n = this.ids.get(id) ?? 0;
    this.ids.set(id, n + 1);
    const check: Check = {
      id: n === 0 ? id : `${id}#${n + 1}`,
      status,
      message,
      evidence: evidence.filter((e): e is Evidence => !!e),
    };
    this.checks.push(check);
    return check;
  }
}

/** fail if any check fails; needs_review if any warns; pass otherwise. */
export function verdictOf(checks: Check[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'needs_review';
  return 'pass';
}

/** The contract's view of an analysed document (FieldValue only). */
export function toPrereviewDocument(doc: AnalyzedDocument): PrereviewDocument {
  return {
    file: doc.file,
    type: doc.type,
    fields: Object.fromEntries(
      Object.entries(doc.fields).map(([k, f]) => [k, { value: f.value, confidence: f.confidence, page: f.page, box: f.box }]),
    ),
  };
}

export function buildOutput(service: ServiceItem, docs: AnalyzedDocument[], checks: Check[]): PrereviewOutput {
  return {
    service: { id: service.id, name: service.name },
    documents: docs.map(toPrereviewDocument),
    checks,
    verdict: verdictOf(checks),
  };
}
