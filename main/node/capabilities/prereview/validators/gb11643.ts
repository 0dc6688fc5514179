/**
 * GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date, 3-digit sequence (odd: male,
 * even: female) and a check character (ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, 12 - (sum mod 11) mapped
 * through "10X98765432").
 *
 * The same number scheme is used by:
 *  - residence permits of Hong Kong, Macao and Taiwan residents (address codes 810000, 820000, 830000);
 *  - the 2023 foreign permanent resident ID card (first digit 9, digits 2–3 the issuing province, same birth date
 *    position and check character).
 */
import { daysBetween, makeDate, yearsBetween } from './dates.js';
import { toHalfWidth } from '../text.js';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11); // 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
const CHECK = '10X98765432';

/**
 * Province-level address codes (GB/T 2260): 11–15 北京 天津 河北 山西 内蒙古, 21–23 辽宁 吉林 黑龙江,
 * 31–37 上海 江苏 浙江 安徽 福建 江西 山东, 41–46 河南 湖北 湖南 广东 广西 海南, 50–54 重庆 四川 贵州 云南 西藏,
 * 61–65 陕西 甘肃 青海 宁夏 新疆, 71 台湾; 81 香港 and 82 澳门 in GB/T 2260, and 81/82/83 (830000: 台湾居民) as
 * the address codes of the Hong Kong / Macao / Taiwan residents' residence permits.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** Mainland provinces only (where a citizen ID or a foreigner's permanent residence card can be issued). */
const MAINLAND = new Set([...PROVINCE_CODES].filter((c) => c !== '71' && c !== '81' && c !== '82'));

export type IdKind = 'citizen' | 'hk_mo_tw_residence' | 'foreign_permanent';

export type IdProblem =
  | 'FORMAT' // not 17 digits + a digit or X
  | 'LEGACY_15' // a first-generation 15-digit number (those cards stopped being valid on 2013-01-01)
  | 'CHECKSUM'
  | 'BIRTH_DATE' // not a calendar date
  | 'FUTURE_BIRTH'
  | 'TOO_OLD' // 130 years or more
  | 'REGION'; // first digits are not a province code

export interface IdResult {
  ok: boolean;
  /** Upper case, half-width, no spaces. */
  value: string;
  problems: IdProblem[];
  kind?: IdKind;
  /** YYYY-MM-DD from digits 7–14 when they are a real date. */
  birthDate?: string;
  sex?: 'M' | 'F';
  /** The 6-digit address code (2–3 issuing province and 4–6 country for foreign permanent residents). */
  region?: string;
}

/** The check character for 17 digits. */
export function computeIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function idChecksumOk(id: string): boolean {
  const v = normalizeId(id);
  return /^\d{17}[\dX]$/.test(v) && computeIdCheck(v.slice(0, 17)) === v[17];
}

function normalizeId(raw: string): string {
  return toHalfWidth(raw).replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Checks an identity number on `today` (YYYY-MM-DD): format, check character, birth date (real date, not in the
 * future, under 130 years) and the province code.
 */
export function validateIdNumber(raw: string, today: string): IdResult {
  const value = normalizeId(raw);
  if (/^\d{15}$/.test(value)) return { ok: false, value, problems: ['LEGACY_15'] };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, value, problems: ['FORMAT'] };
  const problems: IdProblem[] = [];
  const result: IdResult = { ok: false, value, problems, region: value.slice(0, 6) };

  if (computeIdCheck(value.slice(0, 17)) !== value[17]) problems.push('CHECKSUM');

  const p2 = value.slice(0, 2);
  if (value[0] === '9') {
    result.kind = 'foreign_permanent';
    if (!MAINLAND.has(value.slice(1, 3))) problems.push('REGION');
  } else if (/^8[123]0000$/.test(value.slice(0, 6))) {
    result.kind = 'hk_mo_tw_residence';
  } else {
    result.kind = 'citizen';
    if (!MAINLAND.has(p2)) problems.push('REGION');
  }

  const birth = makeDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)));
  if (!birth) problems.push('BIRTH_DATE');
  else {
    result.birthDate = birth.iso;
    if (daysBetween(today, birth.iso) > 0) problems.push('FUTURE_BIRTH');
    else if (yearsBetween(birth.iso, today) >= 130) problems.push('TOO_OLD');
  }
  result.sex = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  result.ok = problems.length === 0;
  return result;
}

// Letters OCR gives for digits. Tried only where the check character then agrees.
const DIGIT_LOOKALIKES: Record<string, string[]> = {
  O: ['0'], o: ['0'], D: ['0'], Q: ['0'], U: ['0'],
  I: ['1'], l: ['1'], i: ['1'], '|': ['1'], L: ['1'], J: ['1'],
  Z: ['2'], z: ['2'],
  S: ['5'], s: ['5'],
  G: ['6'], b: ['6'],
  T: ['7'],
  B: ['8'],
  g: ['9'], q: ['9'],
  A: ['4'],
};
const CHECK_LOOKALIKES: Record<string, string[]> = {
  x: ['X'], '×': ['X'], '*': ['X'], K: ['X'], Y: ['X'], ...DIGIT_LOOKALIKES,
};

export interface Repaired {
  value: string;
  /** True when letters were read as digits (accepted only because the check character then agrees). */
  corrected: boolean;
}

/**
 * Reads an 18-character OCR run as an ID number. Letters that OCR confuses with digits (O/0, I/l/1, Z/2, S/5, B/8 …)
 * are replaced only when exactly one reading passes the check character; otherwise the text is returned as read
 * (and will fail validation).
 */
export function repairIdNumber(raw: string): Repaired {
  const value = toHalfWidth(raw).replace(/[\s-]+/g, '');
  if (value.length !== 18) return { value: value.toUpperCase(), corrected: false };
  if (/^\d{17}[\dXx]$/.test(value)) return { value: value.toUpperCase(), corrected: false };
  const options: string[][] = [];
  for (let i = 0; i < 18; i++) {
    const c = value[i]!;
    if (i < 17) options.push(/\d/.test(c) ? [c] : (DIGIT_LOOKALIKES[c] ?? []));
    else options.push(/[\dX]/.test(c) ? [c] : (CHECK_LOOKALIKES[c] ?? []));
  }
  if (options.some((o) => o.length === 0)) return { value: value.toUpperCase(), corrected: false };
  const candidates = expand(options, 64).filter((c) => idChecksumOk(c));
  if (candidates.length === 1) return { value: candidates[0]!, corrected: true };
  return { value: value.toUpperCase(), corrected: false };
}

/** Cartesian product of per-position options, giving up (empty) past `limit` readings. */
export function expand(options: string[][], limit: number): string[] {
  let out = [''];
  for (const o of options) {
    const next: string[] = [];
    for (const prefix of out) for (const c of o) next.push(prefix + c);
    if (next.length > limit) return [];
    out = next;
  }
  return out;
}

/** Runs of 18 ID-like characters in a line (digits, X and the letters OCR confuses with digits; spaces allowed). */
export function findIdCandidates(line: string): string[] {
  const compact = toHalfWidth(line).replace(/(?<=[0-9A-Za-z|×*])[\s-]+(?=[0-9A-Za-z|×*])/g, '');
  const out: string[] = [];
  for (const m of compact.matchAll(/[0-9A-Za-z|×*]{18,}/g)) {
    const run = m[0];
    const digits = run.replace(/\D/g, '').length;
    if (digits < 14) continue;
    for (let i = 0; i + 18 <= run.length; i++) out.push(run.slice(i, i + 18));
  }
  return out;
}
