import { describe, expect, it } from 'vitest';
import {
  computeIdCheck,
  findIdCandidates,
  idChecksumOk,
  repairIdNumber,
  validateIdNumber,
} from '../../../main/node/capabilities/prereview/index.js';

const TODAY = '2026-05-01';

describe('GB 11643 citizen ID numbers', () => {
  it('computes check characters (weights 2^(17-i) mod 11, "10X98765432")', () => {
    // Worked example of the standard, and the dev set's numbers.
    expect(computeIdCheck('11010519491231002')).toBe('X');
    expect(computeIdCheck('44030519780101123')).toBe('9');
    expect(computeIdCheck('33020320120903212')).toBe('4');
    expect(computeIdCheck('33010219850723402')).toBe('7');
    expect(computeIdCheck('33010619900101301')).toBe('6');
  });

  it('accepts valid numbers, with birth date, sex and region', () => {
    const r = validateIdNumber('440305197801011239', TODAY); // ocr-dev.tsv idcard_front_dev: valid
    expect(r).toMatchObject({ ok: true, problems: [], kind: 'citizen', birthDate: '1978-01-01', sex: 'M', region: '440305' });
    expect(validateIdNumber('330203201209032124', TODAY)).toMatchObject({ ok: true, sex: 'F', birthDate: '2012-09-03' });
    expect(validateIdNumber('11010519491231002X', TODAY).ok).toBe(true);
    expect(validateIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber(' 4403 0519 7801 0112 39 ', TODAY).ok).toBe(true);
    expect(validateIdNumber('４４０３０５１９７８０１０１１２３９', TODAY).ok).toBe(true); // full-width digits
    expect(validateIdNumber('330106200002290029', TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('accepts residence permits of Hong Kong, Macao and Taiwan residents and new foreign permanent resident IDs', () => {
    expect(validateIdNumber('810000199001010019', TODAY)).toMatchObject({ ok: true, kind: 'hk_mo_tw_residence' });
    expect(validateIdNumber('830000198801010024', TODAY)).toMatchObject({ ok: true, kind: 'hk_mo_tw_residence' });
    expect(validateIdNumber('933276198507190014', TODAY)).toMatchObject({ ok: true, kind: 'foreign_permanent', birthDate: '1985-07-19' });
  });

  it('rejects a changed digit and a wrong check character', () => {
    expect(validateIdNumber('440305197801011229', TODAY).problems).toEqual(['CHECKSUM']); // one digit changed
    expect(validateIdNumber('440305197801011238', TODAY).problems).toEqual(['CHECKSUM']); // bad check char
    expect(validateIdNumber('44030519780101123X', TODAY).problems).toEqual(['CHECKSUM']);
    expect(idChecksumOk('440305197801011239')).toBe(true);
    expect(idChecksumOk('440305197801011238')).toBe(false);
  });

  it('rejects impossible, future and too-old birth dates', () => {
    const withCheck = (s: string) => s + computeIdCheck(s);
    expect(validateIdNumber(withCheck('44030519780230123'), TODAY).problems).toEqual(['BIRTH_DATE']); // 30 Feb
    expect(validateIdNumber(withCheck('44030519781301123'), TODAY).problems).toEqual(['BIRTH_DATE']); // month 13
    expect(validateIdNumber(withCheck('44030520270101123'), TODAY).problems).toEqual(['FUTURE_BIRTH']);
    expect(validateIdNumber(withCheck('44030518900101123'), TODAY).problems).toEqual(['TOO_OLD']);
    expect(validateIdNumber(withCheck('44030518960502123'), TODAY).ok).toBe(true); // 129 years old
    expect(validateIdNumber(withCheck('33010619000229301'), TODAY).problems).toContain('BIRTH_DATE'); // 1900 not leap
  });

  it('rejects region codes that are no province', () => {
    const withCheck = (s: string) => s + computeIdCheck(s);
    for (const p of ['00', '10', '16', '20', '24', '38', '47', '55', '60', '66', '70', '72', '80', '84', '99']) {
      expect(validateIdNumber(withCheck(`${p}0305197801011${23}`.slice(0, 17)), TODAY).problems, p).toEqual(['REGION']);
    }
    for (const p of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65']) {
      expect(validateIdNumber(withCheck(`${p}030519780101123`), TODAY).ok, p).toBe(true);
    }
    // 81/82/83 only as the residence permits' 810000/820000/830000
    expect(validateIdNumber(withCheck('81030519780101123'), TODAY).problems).toEqual(['REGION']);
    // foreign permanent residents: digits 2–3 are the issuing province
    expect(validateIdNumber(withCheck('99927619850719001'), TODAY).problems).toEqual(['REGION']);
  });

  it('rejects wrong formats and first-generation 15-digit numbers', () => {
    expect(validateIdNumber('44030519780101123', TODAY).problems).toEqual(['FORMAT']);
    expect(validateIdNumber('4403051978010112399', TODAY).problems).toEqual(['FORMAT']);
    expect(validateIdNumber('44030519780101123A', TODAY).problems).toEqual(['FORMAT']);
    expect(validateIdNumber('440305780101123', TODAY).problems).toEqual(['LEGACY_15']);
  });

  it('repairs O/0 and I/1 confusions only when the check character then agrees', () => {
    expect(repairIdNumber('44O3O519780101123 9')).toEqual({ value: '440305197801011239', corrected: true });
    expect(repairIdNumber('4403O519780I01123g')).toEqual({ value: '440305197801011239', corrected: true });
    expect(repairIdNumber('11010519491231002x')).toEqual({ value: '11010519491231002X', corrected: false });
    // O read for 0 but another digit is wrong too: no reading passes, the text stays as read
    expect(repairIdNumber('44O305197801011238')).toEqual({ value: '44O305197801011238', corrected: false });
    // already digits: never changed, even with a bad check character
    expect(repairIdNumber('440305197801011238')).toEqual({ value: '440305197801011238', corrected: false });
  });

  it('finds 18-character candidates in a line, across spaces', () => {
    expect(findIdCandidates('公民身份号码 4403 0519 7801 0112 39')).toContain('440305197801011239');
    expect(findIdCandidates('电话 13857112345')).toEqual([]);
  });
});
