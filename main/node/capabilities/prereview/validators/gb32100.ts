/**
 * GB 32100-2015 unified social credit code (统一社会信用代码), 18 characters:
 *   1     registration authority (登记管理部门码)
 *   2     entity type within that authority (机构类别码)
 *   3–8   administrative division of the registering office (登记管理机关行政区划码, GB/T 2260)
 *   9–17  organisation code (主体标识码, GB 11714, with its own check character at 17)
 *   18    check character
 * Alphabet: 0-9 and A-H J-N P-R T U W-Y (31 symbols; no I O Z S V). Check: weights 3^(i-1) mod 31,
 * c = 31 - (sum mod 31), 31 → 0, mapped back through the alphabet.
 */
import { toHalfWidth } from '../text.js';
import { expand, PROVINCE_CODES } from './gb11643.js';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
}); // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28

/** Registration authorities and the entity types each may register (GB 32100-2015, table 1). */
export const USCC_AUTHORITIES: Readonly<Record<string, { name: string; nameEn: string; types: Record<string, string> }>> = {
  '1': { name: '机构编制', nameEn: 'institutional establishment', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', nameEn: 'foreign affairs', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', nameEn: 'justice', types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', nameEn: 'culture', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', nameEn: 'civil affairs', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', nameEn: 'tourism', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', nameEn: 'religious affairs', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', nameEn: 'trade unions', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '市场监管（工商）', nameEn: 'market regulation', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', nameEn: 'military establishment', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', nameEn: 'agriculture', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', nameEn: 'other', types: { '1': '其他' } },
};

export type UsccProblem =
  | 'FORMAT' // not 18 characters of the alphabet
  | 'CHECKSUM'
  | 'AUTHORITY' // first character is no registration authority
  | 'TYPE' // second character is no entity type of that authority
  | 'REGION'; // characters 3–4 are no province code (10: central level)

export interface UsccResult {
  ok: boolean;
  value: string;
  problems: UsccProblem[];
  authority?: string;
  entityType?: string;
  region?: string;
  /** GB 11714 check of the organisation code (characters 9–17). Informational: not every issued code passes. */
  orgCodeOk?: boolean;
}

export function computeUsccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '?');
    if (v < 0) throw new Error(`not a USCC character: ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c]!;
}

const FORMAT = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

export function usccChecksumOk(code: string): boolean {
  const v = normalizeUscc(code);
  return FORMAT.test(v) && computeUsccCheck(v.slice(0, 17)) === v[17];
}

function normalizeUscc(raw: string): string {
  return toHalfWidth(raw).replace(/[\s-]+/g, '').toUpperCase();
}

/** GB 11714 organisation code check: weights 3 7 9 10 5 8 4 2, 11 - (sum mod 11), 10 → X, 11 → 0. */
export function orgCodeChecksumOk(code9: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code9)) return false;
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(code9[i]!, 36) * w[i]!;
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === code9[8];
}

/** Checks a USCC: alphabet and length, check character, authority and type codes, province of the region code. */
export function validateUscc(raw: string): UsccResult {
  const value = normalizeUscc(raw);
  if (!FORMAT.test(value)) return { ok: false, value, problems: ['FORMAT'] };
  const problems: UsccProblem[] = [];
  if (computeUsccCheck(value.slice(0, 17)) !== value[17]) problems.push('CHECKSUM');
  const auth = USCC_AUTHORITIES[value[0]!];
  if (!auth) problems.push('AUTHORITY');
  else if (!auth.types[value[1]!]) problems.push('TYPE');
  const p2 = value.slice(2, 4);
  if (!PROVINCE_CODES.has(p2) && p2 !== '10') problems.push('REGION');
  return {
    ok: problems.length === 0,
    value,
    problems,
    authority: auth?.name,
    entityType: auth?.types[value[1]!],
    region: value.slice(2, 8),
    orgCodeOk: orgCodeChecksumOk(value.slice(8, 17)),
  };
}

// Characters outside the alphabet that OCR produces for ones inside it.
const LOOKALIKES: Record<string, string[]> = {
  O: ['0', 'D', 'Q'], I: ['1', 'L', 'T'], Z: ['2'], S: ['5'], V: ['U', 'Y'],
  o: ['0'], i: ['1'], l: ['1', 'L'], '|': ['1'], z: ['2'], s: ['5'], v: ['U'],
};

/**
 * Reads an 18-character OCR run as a USCC. Characters that cannot be in a USCC (I O Z S V, lower case look-alikes)
 * are replaced only when exactly one reading passes the check character.
 */
export function repairUscc(raw: string): { value: string; corrected: boolean } {
  const value = toHalfWidth(raw).replace(/[\s-]+/g, '');
  const upper = value.toUpperCase();
  if (value.length !== 18 || FORMAT.test(value)) return { value: upper, corrected: false };
  const options = [...value].map((c) => {
    const u = c.toUpperCase();
    if (USCC_ALPHABET.includes(u) && !LOOKALIKES[c]) return [u];
    return LOOKALIKES[c] ?? LOOKALIKES[u] ?? [];
  });
  if (options.some((o) => o.length === 0)) return { value: upper, corrected: false };
  const ok = expand(options, 81).filter((c) => usccChecksumOk(c));
  if (ok.length === 1) return { value: ok[0]!, corrected: ok[0] !== upper };
  return { value: upper, corrected: false };
}

/** Runs of 18 USCC-like characters in a line (spaces inside allowed). */
export function findUsccCandidates(line: string): string[] {
  const compact = toHalfWidth(line).replace(/(?<=[0-9A-Za-z|])[\s-]+(?=[0-9A-Za-z|])/g, '');
  const out: string[] = [];
  for (const m of compact.matchAll(/[0-9A-Za-z|]{18,}/g)) {
    const run = m[0];
    if (run.replace(/\D/g, '').length < 6) continue;
    for (let i = 0; i + 18 <= run.length; i++) out.push(run.slice(i, i + 18));
  }
  return out;
}
