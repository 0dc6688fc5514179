import { describe, expect, it } from 'vitest';
import {
  computeUsccCheck,
  orgCodeChecksumOk,
  repairUscc,
  usccChecksumOk,
  validateUscc,
} from '../../../main/node/capabilities/prereview/index.js';

describe('GB 32100 unified social credit codes', () => {
  it('computes check characters (weights 3^(i-1) mod 31, 31 - sum mod 31, 31 → 0)', () => {
    expect(computeUsccCheck('92330302MA2AYF6L0')).toBe('2'); // ocr-dev.tsv food_permit
    expect(computeUsccCheck('91350100M000100Y4')).toBe('3');
    expect(computeUsccCheck('91440300192203821')).toBe('6');
    expect(computeUsccCheck('91110000710925462')).toBe('X');
    expect(computeUsccCheck('91330106MA2H3K7P5')).toBe('T');
  });

  it('accepts valid codes and names their authority and type', () => {
    expect(validateUscc('92330302MA2AYF6L02')).toMatchObject({
      ok: true,
      problems: [],
      authority: '市场监管（工商）',
      entityType: '个体工商户',
      region: '330302',
    });
    expect(validateUscc('91350100M000100Y43')).toMatchObject({ ok: true, entityType: '企业', orgCodeOk: true });
    expect(validateUscc('914403001922038216')).toMatchObject({ ok: true, orgCodeOk: true });
    expect(validateUscc('91110000710925462x').ok).toBe(true);
    expect(validateUscc('９１３３０１０６ＭＡ２Ｈ３Ｋ７Ｐ５Ｔ').ok).toBe(true);
    expect(validateUscc('9133 0106 MA2H 3K7P 5T').ok).toBe(true);
  });

  it('reports the organisation-code check separately (informational)', () => {
    // The dev set's code has a correct final check character but an organisation code that fails GB 11714.
    expect(validateUscc('92330302MA2AYF6L02')).toMatchObject({ ok: true, orgCodeOk: false });
    expect(orgCodeChecksumOk('M000100Y4')).toBe(true);
    expect(orgCodeChecksumOk('192203821')).toBe(true);
  });

  it('rejects a changed character and a bad check character', () => {
    expect(validateUscc('92330302MA2AYF6L12').problems).toEqual(['CHECKSUM']);
    expect(validateUscc('92330302MA2AYF6L03').problems).toEqual(['CHECKSUM']);
    expect(usccChecksumOk('91350100M000100Y43')).toBe(true);
    expect(usccChecksumOk('91350100M000100Y44')).toBe(false);
  });

  it('rejects characters outside the alphabet and wrong lengths', () => {
    for (const bad of ['92330302MA2AYF6LO2', '92330302MA2AYF6LI2', '92330302MA2AZF6L02', '92330302MA2AYS6L02', '92330302MV2AYF6L02']) {
      expect(validateUscc(bad).problems, bad).toEqual(['FORMAT']);
    }
    expect(validateUscc('92330302MA2AYF6L0').problems).toEqual(['FORMAT']);
    expect(validateUscc('92330302MA2AYF6L022').problems).toEqual(['FORMAT']);
  });

  it('rejects unknown authority, type and region codes', () => {
    const withCheck = (s: string) => s + computeUsccCheck(s);
    expect(validateUscc(withCheck('B1330302MA2AYF6L0')).problems).toEqual(['AUTHORITY']);
    expect(validateUscc(withCheck('95330302MA2AYF6L0')).problems).toEqual(['TYPE']); // market regulation has 1–3
    expect(validateUscc(withCheck('Y2330302MA2AYF6L0')).problems).toEqual(['TYPE']);
    expect(validateUscc(withCheck('91990302MA2AYF6L0')).problems).toEqual(['REGION']);
    expect(validateUscc(withCheck('11100000000013127')).ok).toBe(true); // central level: region 10
    expect(validateUscc(withCheck('52330000MJ8765432')).ok).toBe(true); // civil affairs, 民办非企业单位
  });

  it('repairs letters that cannot be in a code only when exactly one reading passes', () => {
    expect(repairUscc('92330302MA2AYF6LO2')).toEqual({ value: '92330302MA2AYF6L02', corrected: true });
    expect(repairUscc('9l350100M000100Y43')).toEqual({ value: '91350100M000100Y43', corrected: true });
    expect(repairUscc('92330302ma2ayf6l02')).toEqual({ value: '92330302MA2AYF6L02', corrected: false });
    // valid-alphabet characters are never changed
    expect(repairUscc('92330302MA2AYF6L03')).toEqual({ value: '92330302MA2AYF6L03', corrected: false });
  });
});
