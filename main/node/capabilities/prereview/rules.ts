/**
 * Pre-review of one case: classify each document, extract its fields, match documents to the service's materials,
 * check each document (codes, dates, legibility) and the documents against each other, and give a verdict:
 * fail if any check fails, needs_review if any warns, pass otherwise. Pure: OCR happens before this.
 */
import type { Evidence, PrereviewOutput, ServiceItem } from '../../../common/contract/index.js';
import { analyzeDocuments } from './analyze.js';
import { EXPECTED_FIELDS } from './fields/specs.js';
import { INDEFINITE } from './fields/extract.js';
import { maskIdNumber, maskPhone } from './mask.js';
import { matchMaterials, type MaterialMatch } from './materials.js';
import { sealSignatureChecks, type MarkNeeds } from './seal-signature.js';
import { buildOutput, fieldEvidence, fieldLabel, Report, TYPE_LABEL } from './report.js';
import type { AnalyzedDocument, PrereviewDoc } from './types.js';
import { checkConsistency, type ConsistencyItem } from './validators/consistency.js';
import { addYears, checkValidity, fromIso, toIsoDay, type DateValue } from './validators/dates.js';
import { validateIdNumber, type IdProblem } from './validators/gb11643.js';
import { validateUscc, type UsccProblem } from './validators/gb32100.js';
import { validatePhone } from './validators/phone.js';

export interface PrereviewOptions {
  /** Fields read with a lower OCR confidence get a "needs a human look" warning. Default 0.8. */
  lowConfidence?: number;
  /** Documents that must be valid and expire within this many days get a warning. Default 30. */
  expiryWarnDays?: number;
  /** Documents whose mean OCR confidence is lower are flagged as poorly readable. Default 0.6. */
  poorPage?: number;
}

type Material = ServiceItem['materials'][number];

const ID_PROBLEM: Record<IdProblem, [string, string]> = {
  FORMAT: ['号码格式不正确（应为 17 位数字加 1 位数字或 X）', 'not 17 digits and a digit or X'],
  LEGACY_15: ['15 位旧号码（第一代身份证已停止使用）', '15-digit first-generation number, no longer in use'],
  CHECKSUM: ['校验码不符', 'check character does not match'],
  BIRTH_DATE: ['出生日期不是有效日期', 'birth date is not a real date'],
  FUTURE_BIRTH: ['出生日期晚于今天', 'birth date is in the future'],
  TOO_OLD: ['出生日期距今超过 130 年', 'birth date more than 130 years ago'],
  REGION: ['地址码不是有效的省级行政区划代码', 'region code is not a province code'],
};

const USCC_PROBLEM: Record<UsccProblem, [string, string]> = {
  FORMAT: ['代码格式不正确（应为 18 位，不含 I、O、Z、S、V）', 'not 18 characters of the code alphabet (no I, O, Z, S, V)'],
  CHECKSUM: ['校验码不符', 'check character does not match'],
  AUTHORITY: ['登记管理部门码无效', 'unknown registration authority code'],
  TYPE: ['机构类别码与登记管理部门不符', 'entity type code does not belong to the registration authority'],
  REGION: ['行政区划码无效', 'region code is not a province code'],
};

/** Fields whose legibility matters beyond the expected ones. */
const KEY_FIELDS = ['ID_NUMBER', 'USCC', 'VALID_FROM', 'VALID_UNTIL', 'NAME', 'LEGAL_REPRESENTATIVE', 'APPLICANT', 'COMPANY_NAME'];
const DATE_FIELDS = ['BIRTH_DATE', 'ISSUE_DATE', 'ESTABLISHED_DATE', 'APPLICATION_DATE', 'VALID_FROM'];

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const conf = (n: number) => n.toFixed(2);

interface DocContext {
  doc: AnalyzedDocument;
  key: string;
  materials: Material[];
  label: { zh: string; en: string };
}

function describeDate(d: DateValue | 'indefinite'): string {
  return d === 'indefinite' ? INDEFINITE : d.iso;
}

/**
 * A document that is none of the service's materials is reported, but cannot fail the case: its findings are
 * warnings at most, and its legibility is not checked.
 */
function capped(report: Report): Report {
  const r = Object.create(report) as Report;
  r.add = (id, status, message, evidence) => report.add(id, status === 'fail' ? 'warn' : status, message, evidence);
  return r;
}

function documentChecks(ctx: DocContext, today: string, o: Required<PrereviewOptions>, mainReport: Report): void {
  const { doc, key, materials, label } = ctx;
  const extra = materials.length === 0;
  const report = extra ? capped(mainReport) : mainReport;
  const id = (s: string) => `document.${key}.${s}`;
  const pre = { zh: `${label.zh}：`, en: `${label.en.replace(/^./, (c) => c.toUpperCase())}: ` };
  const say = (zh: string, en: string) => `${pre.zh}${zh} ${pre.en}${en}`;
  const ev = (f: string) => fieldEvidence(doc, f);
  const f = doc.fields;

  const types = [doc.type, ...doc.alsoTypes].map((t) => TYPE_LABEL[t]);
  report.add(
    id('type'),
    'pass',
    `${doc.file}${doc.pages.length > 1 || doc.pages[0] !== 1 ? `（第 ${doc.pages.join('、')} 页）` : ''} 识别为${types.map((t) => t.zh).join('+')}（${conf(doc.score)}） ` +
      `read as ${types.map((t) => t.en).join(' + ')} (${conf(doc.score)})`,
    [doc.title],
  );

  if (extra) {
    report.add(id('unmatched'), 'pass', say('不在本事项材料清单中', 'not on this service\'s material list'), [doc.title]);
  }
  if (doc.lineCount === 0) {
    report.add(id('unreadable'), 'warn', say('未识别到文字，请人工核对', 'no text recognised — needs a human look'), [doc.title]);
    return;
  }
  if (!extra && doc.meanConfidence < o.poorPage) {
    report.add(
      id('unreadable'),
      'warn',
      say(`整体识别质量差（平均置信度 ${conf(doc.meanConfidence)}），请人工核对`, `poor OCR quality (mean confidence ${conf(doc.meanConfidence)}) — needs a human look`),
      [doc.title],
    );
  }

  // Expected fields that were not found (for the case's materials only)
  const expected = new Set(extra ? [] : [doc.type, ...doc.alsoTypes].flatMap((t) => EXPECTED_FIELDS[t]));
  for (const name of expected) {
    if (f[name]) continue;
    if (name === 'VALID_UNTIL') continue; // reported by the validity check
    const l = fieldLabel(name);
    report.add(id(`${name.toLowerCase()}.missing`), 'warn', say(`未能识别${l.zh}，请人工核对`, `${l.en} not found — needs a human look`), [doc.title]);
  }
  if (doc.type === 'application_form' && !f.LEGAL_REPRESENTATIVE && !f.APPLICANT && !f.NAME) {
    report.add(id('applicant.missing'), 'warn', say('未能识别申请人或法定代表人，请人工核对', 'applicant or legal representative not found — needs a human look'), [doc.title]);
  }

  // Legibility of the fields that matter
  for (const name of extra ? [] : new Set([...expected, ...KEY_FIELDS])) {
    const v = f[name];
    if (!v || v.confidence >= o.lowConfidence) continue;
    const l = fieldLabel(name);
    report.add(
      id(`${name.toLowerCase()}.low_confidence`),
      'warn',
      say(`${l.zh}识别置信度低（${conf(v.confidence)}），请人工核对`, `low OCR confidence for ${l.en} (${conf(v.confidence)}) — needs a human look`),
      [ev(name)],
    );
  }
  for (const name of extra ? [] : DATE_FIELDS) {
    const v = f[name];
    if (!v || fromIso(v.value)) continue;
    const l = fieldLabel(name);
    report.add(id(`${name.toLowerCase()}.unreadable`), 'warn', say(`${l.zh}无法识别为日期：${v.value}`, `${l.en} is not a readable date: ${v.value}`), [ev(name)]);
  }

  // ID number
  if (f.ID_NUMBER) {
    const r = validateIdNumber(f.ID_NUMBER.value, today);
    const masked = maskIdNumber(r.value);
    const fixed = f.ID_NUMBER.corrected ? ['（已按校验码纠正 OCR 误识）', ' (OCR misreading corrected by the check character)'] : ['', ''];
    if (r.ok) {
      const kind =
        r.kind === 'hk_mo_tw_residence' ? ['（港澳台居民居住证号码）', ' (Hong Kong/Macao/Taiwan residence permit)'] :
        r.kind === 'foreign_permanent' ? ['（外国人永久居留身份证号码）', ' (foreign permanent resident ID)'] : ['', ''];
      report.add(id('id_number'), 'pass', say(`公民身份号码有效 ${masked}${kind[0]}${fixed[0]}`, `valid ID number${kind[1]}${fixed[1]}`), [ev('ID_NUMBER')]);
    } else {
      report.add(
        id('id_number'),
        'fail',
        say(
          `公民身份号码无效 ${masked}：${r.problems.map((p) => ID_PROBLEM[p][0]).join('；')}`,
          `invalid ID number: ${r.problems.map((p) => ID_PROBLEM[p][1]).join('; ')}`,
        ),
        [ev('ID_NUMBER')],
      );
    }
    if (r.birthDate && f.BIRTH_DATE && fromIso(f.BIRTH_DATE.value) && f.BIRTH_DATE.value !== r.birthDate) {
      report.add(
        id('birth_date'),
        'fail',
        say('出生日期与公民身份号码不符', 'date of birth does not match the ID number'),
        [ev('BIRTH_DATE'), ev('ID_NUMBER')],
      );
    }
    if (r.sex && r.problems.length === 0 && f.SEX && f.SEX.value !== (r.sex === 'M' ? '男' : '女')) {
      report.add(id('sex'), 'fail', say('性别与公民身份号码不符', 'sex does not match the ID number'), [ev('SEX'), ev('ID_NUMBER')]);
    }
  }

  // USCC
  if (f.USCC) {
    const r = validateUscc(f.USCC.value);
    const fixed = f.USCC.corrected ? ['（已按校验码纠正 OCR 误识）', ' (OCR misreading corrected by the check character)'] : ['', ''];
    if (r.ok) {
      report.add(id('uscc'), 'pass', say(`统一社会信用代码有效 ${r.value}（${r.authority}·${r.entityType}）${fixed[0]}`, `valid unified social credit code${fixed[1]}`), [ev('USCC')]);
    } else {
      report.add(
        id('uscc'),
        'fail',
        say(
          `统一社会信用代码无效 ${r.value}：${r.problems.map((p) => USCC_PROBLEM[p][0]).join('；')}`,
          `invalid unified social credit code: ${r.problems.map((p) => USCC_PROBLEM[p][1]).join('; ')}`,
        ),
        [ev('USCC')],
      );
    }
  }

  validityChecks(ctx, today, o, report, say, id);

  // Phone
  if (f.PHONE) {
    const r = validatePhone(f.PHONE.value);
    report.add(
      id('phone'),
      r.ok ? 'pass' : 'warn',
      r.ok
        ? say(`联系电话格式正确 ${maskPhone(r.value)}`, `phone number well formed`)
        : say(`联系电话格式有误 ${maskPhone(f.PHONE.value)}，请核对`, `phone number looks wrong — please check`),
      [ev('PHONE')],
    );
  }

}

function validityChecks(
  ctx: DocContext,
  today: string,
  o: Required<PrereviewOptions>,
  report: Report,
  say: (zh: string, en: string) => string,
  id: (s: string) => string,
): void {
  const { doc, materials } = ctx;
  const f = doc.fields;
  const mustBeValid = materials.some((m) => m.mustBeValid);
  const matched = materials.length > 0;
  const evidence = [fieldEvidence(doc, 'VALID_UNTIL') ?? fieldEvidence(doc, 'VALID_FROM')];

  if (!f.VALID_UNTIL) {
    if (!mustBeValid) return;
    const individual =
      doc.type === 'business_license' &&
      ((f.ENTITY_TYPE && /个体/.test(f.ENTITY_TYPE.value)) || (f.USCC && /^92/.test(f.USCC.value)));
    if (individual) {
      report.add(id('validity'), 'pass', say('个体工商户营业执照未载明营业期限，视为长期', 'individual business licence shows no term: indefinite'), [doc.title]);
    } else {
      report.add(id('validity'), 'warn', say('未能识别有效期，请人工核对', 'validity period not found — needs a human look'), [doc.title]);
    }
    return;
  }

  const untilRaw = f.VALID_UNTIL.value;
  const until = untilRaw === INDEFINITE ? 'indefinite' : fromIso(untilRaw);
  const from = f.VALID_FROM ? fromIso(f.VALID_FROM.value) : null;
  if (!until) {
    report.add(id('validity'), mustBeValid || !matched ? 'warn' : 'pass', say(`有效期无法识别：${untilRaw}，请人工核对`, `validity date not readable: ${untilRaw} — needs a human look`), evidence);
    return;
  }
  const v = checkValidity({ from, until }, today, o.expiryWarnDays)!;
  const shown = describeDate(until);
  switch (v.status) {
    case 'indefinite':
      report.add(id('validity'), 'pass', say('长期有效', 'valid indefinitely'), evidence);
      break;
    case 'valid':
      report.add(id('validity'), 'pass', say(`在有效期内（有效期至 ${shown}）`, `valid until ${shown}`), evidence);
      break;
    case 'expiring':
      report.add(
        id('validity'),
        mustBeValid ? 'warn' : 'pass',
        say(`即将到期（有效期至 ${shown}，剩余 ${v.daysLeft} 天）`, `expires soon: valid until ${shown}, ${v.daysLeft} days left`),
        evidence,
      );
      break;
    case 'expired':
      if (mustBeValid) {
        report.add(id('validity'), 'fail', say(`证件已过期（有效期至 ${shown}）`, `expired: valid until ${shown}`), evidence);
      } else if (matched) {
        report.add(id('validity'), 'pass', say(`已过期（有效期至 ${shown}），本事项不要求在有效期内`, `expired on ${shown}; this service accepts it`), evidence);
      } else {
        report.add(id('validity'), 'warn', say(`已过期（有效期至 ${shown}）`, `expired: valid until ${shown}`), evidence);
      }
      break;
    case 'not_yet_valid':
      report.add(
        id('validity'),
        'warn',
        say(`尚未生效（有效期自 ${from?.iso}），请人工核对`, `not valid yet (valid from ${from?.iso}) — needs a human look`),
        [fieldEvidence(doc, 'VALID_FROM')],
      );
      break;
  }

  // An ID card is issued for 5, 10 or 20 years, or indefinitely (长期).
  const isIdBack = doc.type === 'id_card_back' || doc.alsoTypes.includes('id_card_back');
  if (isIdBack && from && from.day !== null && until !== 'indefinite' && until.day !== null) {
    const standard = [5, 10, 20].some((y) => addYears(from.iso, y) === until.iso);
    if (!standard) {
      report.add(
        id('validity_period'),
        'warn',
        say(`有效期限 ${from.iso} 至 ${until.iso} 不是 5、10 或 20 年，请人工核对`, `validity ${from.iso} – ${until.iso} is not 5, 10 or 20 years — needs a human look`),
        evidence,
      );
    }
  }
}

function materialChecks(matches: MaterialMatch[], docs: AnalyzedDocument[], report: Report): void {
  const titles: Evidence[] = docs.map((d) => d.title);
  for (const m of matches) {
    const { material } = m;
    const en = lowerFirst(material.nameEn);
    if (m.status === 'present') {
      const d = m.doc!;
      report.add(`material.${material.id}.present`, 'pass', `已提供：${material.name}（${d.file}） Provided: ${en} (${d.file})`, [d.title]);
      if (m.keywordHit === false) {
        report.add(
          `material.${material.id}.unexpected`,
          'warn',
          `所交${TYPE_LABEL[material.type].zh}似乎不是「${material.name}」，请人工核对 ` +
            `The ${TYPE_LABEL[material.type].en} handed in does not look like the ${en} — needs a human look`,
          [d.title],
        );
      }
    } else if (m.status === 'unconfirmed') {
      report.add(
        `material.${material.id}.unconfirmed`,
        'warn',
        `未能确认材料：${material.name}，请人工核对未识别的文件 Could not identify material: ${en} — check the unidentified documents`,
        m.candidates.map((d) => d.title),
      );
    } else if (material.required) {
      report.add(`material.${material.id}.missing`, 'fail', `缺少材料：${material.name} Missing material: ${en}`, titles);
    }
  }
}

/**
 * Pre-reviews a case for `service` on `today` (a Date: its local calendar day; or YYYY-MM-DD).
 * `docs`: each submitted file with its OCR pages.
 */
export function prereview(
  service: ServiceItem,
  docs: PrereviewDoc[],
  today: Date | string,
  options: PrereviewOptions = {},
): PrereviewOutput {
  const o: Required<PrereviewOptions> = { lowConfidence: 0.8, expiryWarnDays: 30, poorPage: 0.6, ...options };
  const day = toIsoDay(today);
  const analyzed = analyzeDocuments(docs);
  const { matches } = matchMaterials(service, analyzed);
  const report = new Report();

  const contexts = new Map<AnalyzedDocument, DocContext>();
  for (const m of matches) {
    if (!m.doc) continue;
    const ctx = contexts.get(m.doc);
    if (ctx) ctx.materials.push(m.material);
    else contexts.set(m.doc, { doc: m.doc, key: m.material.id, materials: [m.material], label: { zh: m.material.name, en: m.material.nameEn } });
  }
  analyzed.forEach((doc, i) => {
    if (!contexts.has(doc)) contexts.set(doc, { doc, key: `doc-${i + 1}`, materials: [], label: TYPE_LABEL[doc.type] });
  });

  materialChecks(matches, analyzed, report);
  // Seals and signatures of the materials that need them (catalog needsSeal / needsSignature).
  for (const m of matches) {
    const needs = m.material as MarkNeeds;
    if (m.status !== 'present' || !m.doc || (!needs.needsSeal && !needs.needsSignature)) continue;
    const pages = docs.find((d) => d.file === m.doc!.file)?.pages ?? [];
    for (const c of sealSignatureChecks(m.material.id, m.doc, pages, needs, { zh: m.material.name, en: lowerFirst(m.material.nameEn) })) report.add(c.id, c.status, c.message, c.evidence);
  }
  for (const doc of analyzed) documentChecks(contexts.get(doc)!, day, o, report);
  // Only documents that are materials of this case are compared: an extra document may be anyone's.
  const items: ConsistencyItem[] = analyzed
    .filter((doc) => contexts.get(doc)!.materials.length > 0)
    .map((doc) => ({ doc, label: contexts.get(doc)!.label }));
  for (const c of checkConsistency(items)) report.add(c.id, c.status, c.message, c.evidence);

  return buildOutput(service, analyzed, report.checks);
}

