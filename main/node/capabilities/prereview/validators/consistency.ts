/**
 * Cross-document consistency: the person on the forms is the person on the ID documents, and the company is the
 * same company on every document that names it.
 *
 * - Persons: ID documents (ID card photo side, household register page) give (NAME, ID_NUMBER) pairs.
 * - Claims: the application form and the business licence name a person: LEGAL_REPRESENTATIVE, APPLICANT or NAME
 *   (organisation names there are skipped), with the form's ID_NUMBER.
 * - A claim's name must be the name of an ID document (the one with the claim's ID number, if it gives one); a
 *   claim's ID number must be the number of the ID document with that name. Without ID documents, claims are
 *   compared with each other. Two ID documents with one number and different names fail; one name and different
 *   numbers is a warning (namesakes exist).
 * - COMPANY_NAME and USCC must agree between the application form and the business licence.
 * Generic documents are not compared: their names may be anyone's (a lease names the landlord).
 * Comparison is normalised (half-width, simplified, no spaces, one middle dot, upper case).
 */
import type { Check, DocumentType, Evidence } from '../../../../common/contract/index.js';
import { maskIdNumber, maskName } from '../mask.js';
import { fieldEvidence } from '../report.js';
import { normalizeCode, normalizeName } from '../text.js';
import type { AnalyzedDocument, ExtractedField } from '../types.js';

export interface ConsistencyItem {
  doc: AnalyzedDocument;
  /** How messages name the document: the material it was matched to, or its type. */
  label: { zh: string; en: string };
}

const ORGANISATION = /公司|企业|店|厂|中心|合作社|有限|集团|事务所|工作室|商行|经营部|门市|银行|学校|医院/;
const ROLE: Record<string, { zh: string; en: string }> = {
  LEGAL_REPRESENTATIVE: { zh: '法定代表人', en: 'legal representative' },
  APPLICANT: { zh: '申请人', en: 'applicant' },
  NAME: { zh: '姓名', en: 'name' },
};

const isIdDoc = (d: AnalyzedDocument) =>
  d.type === 'id_card_front' || d.type === 'household_register' || d.alsoTypes.includes('id_card_front');
const CLAIM_TYPES: DocumentType[] = ['application_form', 'business_license'];
const looksLikeId = (v: string) => /^(\d{17}[\dX]|\d{15})$/.test(normalizeCode(v));

interface Person {
  item: ConsistencyItem;
  name?: ExtractedField;
  id?: ExtractedField;
}
interface Claim extends Person {
  role: string;
}

interface Finding {
  status: Check['status'];
  zh: string;
  en: string;
  evidence: Array<Evidence | null>;
}

const ev = (p: Person, field: 'name' | 'id') =>
  fieldEvidence(p.item.doc, field === 'name' ? (p as Claim).role ?? 'NAME' : 'ID_NUMBER');

function worst(findings: Finding[]): Check['status'] {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  if (findings.some((f) => f.status === 'warn')) return 'warn';
  return 'pass';
}

function dedupe(evidence: Array<Evidence | null>): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    if (!e) continue;
    const k = `${e.file}|${e.page}|${JSON.stringify(e.box)}|${e.text}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

function summarise(id: string, findings: Finding[], passZh: string, passEn: string, all: Array<Evidence | null>): Check {
  const status = worst(findings);
  const bad = findings.filter((f) => f.status !== 'pass');
  if (status === 'pass') return { id, status, message: `${passZh} ${passEn}`, evidence: dedupe(all) };
  return {
    id,
    status,
    message: `${bad.map((f) => f.zh).join('；')} ${bad.map((f) => f.en).join('; ')}`,
    evidence: dedupe(bad.flatMap((f) => f.evidence)),
  };
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** How a message names a document, with the role when it is not plain NAME: 申请书（法定代表人）. */
function who(p: Person): { zh: string; en: string } {
  const role = (p as Claim).role;
  const en = lowerFirst(p.item.label.en);
  if (!role || role === 'NAME') return { zh: p.item.label.zh, en };
  return { zh: `${p.item.label.zh}（${ROLE[role]!.zh}）`, en: `${en} (${ROLE[role]!.en})` };
}

export function checkConsistency(items: ConsistencyItem[]): Check[] {
  const checks: Check[] = [];
  const pool: Person[] = items
    .filter((i) => isIdDoc(i.doc))
    .map((item) => ({ item, name: item.doc.fields.NAME, id: item.doc.fields.ID_NUMBER }))
    .filter((p) => p.name || p.id);
  const claims: Claim[] = [];
  for (const item of items) {
    if (!CLAIM_TYPES.includes(item.doc.type)) continue;
    let first = true;
    for (const role of ['LEGAL_REPRESENTATIVE', 'APPLICANT', 'NAME']) {
      const f = item.doc.fields[role];
      if (!f || ORGANISATION.test(f.value)) continue;
      const id = item.doc.fields.ID_NUMBER;
      claims.push({ item, role, name: f, id: first && id && looksLikeId(id.value) ? id : undefined });
      first = false;
    }
  }

  // Names
  const nameFindings: Finding[] = [];
  const nameEvidence: Array<Evidence | null> = [];
  const same = (a?: ExtractedField, b?: ExtractedField) => !!a && !!b && normalizeName(a.value) === normalizeName(b.value);
  const sameId = (a?: ExtractedField, b?: ExtractedField) => !!a && !!b && normalizeCode(a.value) === normalizeCode(b.value);
  const nameDiff = (a: Person, b: Person): Finding => ({
    status: 'fail',
    zh: `姓名不一致：${who(a).zh}「${maskName(a.name!.value)}」与${who(b).zh}「${maskName(b.name!.value)}」`,
    en: `Names differ: ${who(a).en} vs ${who(b).en}`,
    evidence: [ev(a, 'name'), ev(b, 'name')],
  });
  for (const c of claims) {
    nameEvidence.push(ev(c, 'name'));
    const byId = c.id ? pool.find((p) => sameId(p.id, c.id) && p.name) : undefined;
    if (byId) {
      nameEvidence.push(ev(byId, 'name'));
      nameFindings.push(same(c.name, byId.name) ? { status: 'pass', zh: '', en: '', evidence: [] } : nameDiff(c, byId));
      continue;
    }
    const named = pool.filter((p) => p.name);
    if (named.length) {
      named.forEach((p) => nameEvidence.push(ev(p, 'name')));
      const match = named.find((p) => same(p.name, c.name));
      nameFindings.push(match ? { status: 'pass', zh: '', en: '', evidence: [] } : nameDiff(c, named[0]!));
    }
  }
  if (pool.filter((p) => p.name).length === 0 && claims.length >= 2) {
    const [a, ...rest] = claims;
    for (const b of rest) nameFindings.push(same(a!.name, b.name) ? { status: 'pass', zh: '', en: '', evidence: [] } : nameDiff(a!, b));
  }
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const a = pool[i]!;
      const b = pool[j]!;
      if (sameId(a.id, b.id) && a.name && b.name) {
        nameEvidence.push(ev(a, 'name'), ev(b, 'name'));
        nameFindings.push(same(a.name, b.name) ? { status: 'pass', zh: '', en: '', evidence: [] } : nameDiff(a, b));
      }
    }
  }
  if (nameFindings.length) {
    checks.push(summarise('consistency.name', nameFindings, '各材料姓名一致', 'Names agree across documents', nameEvidence));
  }

  // ID numbers
  const idFindings: Finding[] = [];
  const idEvidence: Array<Evidence | null> = [];
  const idDiff = (a: Person, b: Person, status: Check['status'] = 'fail'): Finding => ({
    status,
    zh: `公民身份号码不一致：${who(a).zh} ${maskIdNumber(a.id!.value)} 与${who(b).zh} ${maskIdNumber(b.id!.value)}`,
    en: `ID numbers differ: ${who(a).en} vs ${who(b).en}`,
    evidence: [ev(a, 'id'), ev(b, 'id')],
  });
  const withIds = pool.filter((p) => p.id);
  for (const c of claims.filter((x) => x.id)) {
    idEvidence.push(ev(c, 'id'));
    if (!withIds.length) continue;
    const match = withIds.find((p) => sameId(p.id, c.id));
    if (match) {
      idEvidence.push(ev(match, 'id'));
      idFindings.push({ status: 'pass', zh: '', en: '', evidence: [] });
      continue;
    }
    const byName = withIds.find((p) => same(p.name, c.name));
    const other = byName ?? withIds[0]!;
    idEvidence.push(ev(other, 'id'));
    idFindings.push(idDiff(c, other));
  }
  const claimIds = claims.filter((x) => x.id);
  if (!withIds.length && claimIds.length >= 2) {
    const [a, ...rest] = claimIds;
    for (const b of rest) idFindings.push(sameId(a!.id, b.id) ? { status: 'pass', zh: '', en: '', evidence: [] } : idDiff(a!, b));
  }
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const a = pool[i]!;
      const b = pool[j]!;
      if (a.id && b.id && same(a.name, b.name)) {
        idEvidence.push(ev(a, 'id'), ev(b, 'id'));
        idFindings.push(sameId(a.id, b.id) ? { status: 'pass', zh: '', en: '', evidence: [] } : idDiff(a, b, 'warn'));
      }
    }
  }
  if (idFindings.length) {
    checks.push(summarise('consistency.id_number', idFindings, '各材料公民身份号码一致', 'ID numbers agree across documents', idEvidence));
  }

  // The company
  for (const [field, id, zh, en] of [
    ['COMPANY_NAME', 'consistency.company_name', '名称', 'entity names'],
    ['USCC', 'consistency.uscc', '统一社会信用代码', 'credit codes'],
  ] as const) {
    const holders = items.filter((i) => CLAIM_TYPES.includes(i.doc.type) && i.doc.fields[field]);
    if (holders.length < 2) continue;
    const norm = (i: ConsistencyItem) =>
      field === 'USCC' ? normalizeCode(i.doc.fields[field]!.value) : normalizeName(i.doc.fields[field]!.value);
    const first = holders[0]!;
    const differing = holders.filter((h) => norm(h) !== norm(first));
    const evidence = holders.map((h) => fieldEvidence(h.doc, field));
    if (!differing.length) {
      checks.push({ id, status: 'pass', message: `各材料${zh}一致 The ${en} agree across documents`, evidence: dedupe(evidence) });
    } else {
      const shown = [first, ...differing];
      const zhList = shown.map((h) => `${h.label.zh}「${h.doc.fields[field]!.value}」`).join('、');
      const enList = shown.map((h) => `${lowerFirst(h.label.en)} "${h.doc.fields[field]!.value}"`).join(', ');
      checks.push({
        id,
        status: 'fail',
        message: `${zh}不一致：${zhList} The ${en} differ: ${enList}`,
        evidence: dedupe(evidence),
      });
    }
  }
  return checks;
}
