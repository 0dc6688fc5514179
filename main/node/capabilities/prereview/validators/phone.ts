/**
 * Mainland phone numbers: mobiles 1[3-9]xxxxxxxxx (optionally +86), landlines with an area code — 010 and 02x
 * (3 digits), other areas 0xxx (4 digits) — and a 7–8 digit local number not starting with 0 or 1, optionally
 * with an extension (转 123, -123).
 */
import { toHalfWidth } from '../text.js';
import { fixDigitConfusions } from './dates.js';

export type PhoneKind = 'mobile' | 'landline';
export type PhoneProblem = 'FORMAT' | 'MOBILE_PREFIX' | 'AREA_CODE' | 'LOCAL_NUMBER';

export interface PhoneResult {
  ok: boolean;
  kind?: PhoneKind;
  /** 13812345678, or 0571-87654321 (with -ext when given). */
  value: string;
  problem?: PhoneProblem;
}

export function validatePhone(raw: string): PhoneResult {
  let s = fixDigitConfusions(toHalfWidth(raw)).trim();
  s = s.replace(/^\+?\s*86[\s-]*(?=1\d{10}$|1\d{2}[\s-])/, '').replace(/^\(\s*(0\d{2,3})\s*\)\s*/, '$1-');
  const digitsOnly = s.replace(/[\s-]/g, '');

  if (/^1\d{10}$/.test(digitsOnly)) {
    if (!/^1[3-9]/.test(digitsOnly)) return { ok: false, kind: 'mobile', value: digitsOnly, problem: 'MOBILE_PREFIX' };
    return { ok: true, kind: 'mobile', value: digitsOnly };
  }

  const m = /^(0\d{2,3})[\s-]+(\d{7,8})(?:\s*(?:转|-|ext\.?|x)\s*(\d{1,6}))?$/i.exec(s);
  const flat = /^(0\d{9,11})$/.exec(digitsOnly);
  if (!m && !flat) return { ok: false, value: digitsOnly || s, problem: 'FORMAT' };

  let area: string;
  let local: string;
  let ext: string | undefined;
  if (m) {
    area = m[1]!;
    local = m[2]!;
    ext = m[3];
  } else {
    // No separator: 010/02x take three digits, every other area code four.
    const d = flat![1]!;
    area = /^0(10|2\d)/.test(d) ? d.slice(0, 3) : d.slice(0, 4);
    local = d.slice(area.length);
  }
  const threeDigitArea = /^0(10|2\d)$/.test(area);
  if (area.length === 3 ? !threeDigitArea : !/^0[3-9]\d{2}$/.test(area)) {
    return { ok: false, kind: 'landline', value: `${area}-${local}`, problem: 'AREA_CODE' };
  }
  if (!/^[2-9]\d{6,7}$/.test(local)) {
    return { ok: false, kind: 'landline', value: `${area}-${local}`, problem: 'LOCAL_NUMBER' };
  }
  return { ok: true, kind: 'landline', value: `${area}-${local}${ext ? `-${ext}` : ''}` };
}

/** Phone-like numbers in a line, as written. */
export function findPhones(line: string): string[] {
  const s = toHalfWidth(line);
  const out: string[] = [];
  for (const m of s.matchAll(/(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)|(?<![\d])0\d{2,3}[\s-]?\d{7,8}(?!\d)/g)) {
    out.push(m[0]);
  }
  return out;
}
