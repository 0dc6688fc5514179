/**
 * Masking personal data for logs. The pre-review output itself keeps the values (the clerk needs them); anything
 * written to a log goes through these first.
 *
 *   maskIdNumber('33010619900101301X') → '330106********301X'   (region kept, birth date and sequence hidden)
 *   maskPhone('13812345678')           → '138****5678'
 *   maskPhone('0571-87654321')         → '0571-****4321'
 *   maskName('孙建平')                 → '孙*平'
 *   maskText('…身份证330106199001013016，手机13812345678，姓名：孙建平') masks all three (and addresses after
 *   住址/住所/地址 past their first six characters).
 */
import type { PrereviewOutput } from '../../../common/contract/index.js';
import { toHalfWidth } from './text.js';

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
}

/** 18-digit (and 15-digit) ID numbers: first 6 and last 4 kept. Anything else: all but the last 4 hidden. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length >= 15) return maskMiddle(s, 6, 4);
  return maskMiddle(s, 0, Math.min(4, Math.floor(s.length / 3)));
}

/** Mobiles keep the first 3 and last 4 digits; landlines keep the area code and the last 4. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const intl = /^(\+?86[\s-]?)/.exec(s);
  const prefix = intl ? intl[1]! : '';
  const rest = s.slice(prefix.length);
  const landline = /^(0\d{2,3})([\s-]?)(\d{7,8})(.*)$/.exec(rest);
  if (landline) return `${prefix}${landline[1]}${landline[2]}${maskMiddle(landline[3]!, 0, 4)}${landline[4]}`;
  const digits = rest.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(digits)) return prefix + maskMiddle(digits, 3, 4);
  return prefix + maskMiddle(rest, 0, Math.min(4, Math.floor(rest.length / 3)));
}

/** Names: 孙*平, 李*, 欧阳** (first character and, from three characters on, the last one kept). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length ? '*' : '';
  if (/^[A-Za-z .'-]+$/.test(name.trim())) {
    return name
      .trim()
      .split(/\s+/)
      .map((w) => w[0] + '*'.repeat(Math.max(0, w.length - 1)))
      .join(' ');
  }
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

const ID_RE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// The same numbers written in groups (330106 1990 0101 301X, 3301-0619-9001-0130-16): one optional space or hyphen
// after any digit. Each digit has a single way to match, so the work per position is bounded (linear overall).
const ID_SPACED_RE = /(?<![0-9A-Za-z])((?:\d[ -]?){17}[\dXx])(?![0-9A-Za-z])/g;
const PHONE_RE = /(?<![\d])((?:\+?86[- ]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}-\d{7,8})(?!\d)/g;
// Bank card numbers: 16–19 digits, optionally in groups of four.
const CARD_RE = /(?<![\d])(\d{4}(?: ?\d{4}){3}(?: ?\d{1,3})?)(?![\d])/g;
// A name after a label: 姓名 孙建平, 申请人：孙建平, 法定代表人(负责人) 林建国
const NAME_RE =
  /((?:姓\s*名|申请人(?:姓名)?|法定代表人(?:姓名)?(?:\((?:负责人)\))?|负责人|经营者(?:姓名)?|户主姓名|户主|联系人|经办人|持卡人|Account Holder|Name)\s*(?:[:：]\s*)?)(?!身份|证件|签|承诺|声明|名称|类型|联系|地址|住|或|与|和|的|信息|识别)([\u4e00-\u9fff·]{2,6}|[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3})/g;

// An address after a label: the first six characters (province, city) kept.
const ADDRESS_RE = /((?:住\s*址|住\s*所|地\s*址|经营场所)\s*(?:[:：]\s*)?)(?!使用|证明|相关)([^\s,，;；]{6})([^\s,，;；]+)/g;

export type MaskKind = 'id_number' | 'phone' | 'bank_card' | 'name' | 'address';

/** Masks ID numbers, phone numbers, bank card numbers and labelled names in free text. */
export function maskText(text: string, kinds: MaskKind[] = ['id_number', 'phone', 'bank_card', 'name', 'address']): string {
  const hits: Array<{ start: number; end: number; masked: string }> = [];
  const h = toHalfWidth(text); // same length: offsets carry over
  // Characters already claimed by a hit: checking a new hit costs its own length, not the number of hits so far
  // (a list scan per hit made text with many numbers quadratic).
  const taken = new Uint8Array(h.length);
  const add = (start: number, end: number, masked: string) => {
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    hits.push({ start, end, masked });
  };
  if (kinds.includes('id_number')) {
    for (const m of h.matchAll(ID_RE)) add(m.index, m.index + m[0].length, maskIdNumber(m[0]));
    for (const m of h.matchAll(ID_SPACED_RE)) add(m.index, m.index + m[0].length, maskIdNumber(m[0]));
  }
  if (kinds.includes('bank_card'))
    for (const m of h.matchAll(CARD_RE)) {
      const digits = m[0].replace(/ /g, '');
      if (digits.length >= 16 && digits.length <= 19) add(m.index, m.index + m[0].length, m[0].replace(/\d(?=(?:\s?\d){4})/g, '*'));
    }
  if (kinds.includes('phone')) for (const m of h.matchAll(PHONE_RE)) add(m.index, m.index + m[0].length, maskPhone(m[0]));
  if (kinds.includes('name'))
    for (const m of h.matchAll(NAME_RE)) {
      const start = m.index + m[1]!.length;
      add(start, start + m[2]!.length, maskName(m[2]!));
    }
  if (kinds.includes('address'))
    for (const m of h.matchAll(ADDRESS_RE)) {
      const start = m.index + m[1]!.length + m[2]!.length;
      add(start, start + m[3]!.length, '*'.repeat(Math.min(8, m[3]!.length)));
    }
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const x of hits) {
    out += text.slice(pos, x.start) + x.masked;
    pos = x.end;
  }
  return out + text.slice(pos);
}

/** How a field's value is masked in logs (fields not listed are kept: dates, issuers, company names, USCCs). */
const FIELD_MASKS: Record<string, (v: string) => string> = {
  ID_NUMBER: maskIdNumber,
  PHONE: maskPhone,
  NAME: maskName,
  APPLICANT: maskName,
  LEGAL_REPRESENTATIVE: maskName,
  HOUSEHOLDER: maskName,
  ADDRESS: (v) => (v.length > 6 ? v.slice(0, 6) + '****' : '****'),
  BIRTH_DATE: (v) => v.slice(0, 4) + '-**-**',
  DOCUMENT_NUMBER: maskIdNumber,
};

export function maskFieldValue(field: string, value: string): string {
  const f = FIELD_MASKS[field];
  return f ? f(value) : maskText(value);
}

/** A copy of a pre-review result fit for a log: field values, messages and evidence texts masked. */
export function maskPrereviewOutput(out: PrereviewOutput): PrereviewOutput {
  return {
    ...out,
    documents: out.documents.map((d) => ({
      ...d,
      fields: Object.fromEntries(Object.entries(d.fields).map(([k, v]) => [k, { ...v, value: maskFieldValue(k, v.value) }])),
    })),
    checks: out.checks.map((c) => ({
      ...c,
      message: maskText(c.message),
      evidence: c.evidence.map((e) => ({ ...e, text: maskText(e.text) })),
    })),
  };
}
