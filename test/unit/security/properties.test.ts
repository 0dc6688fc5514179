import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubError, methods, parseOrThrow, PluginManifest, Settings } from '../../../main/common/contract/index.js';
import { maskText } from '../../../main/node/capabilities/prereview/mask.js';
import { computeIdCheck, PROVINCE_CODES, validateIdNumber } from '../../../main/node/capabilities/prereview/validators/gb11643.js';
import { computeUsccCheck, USCC_ALPHABET, usccChecksumOk, validateUscc } from '../../../main/node/capabilities/prereview/validators/gb32100.js';
import { daysInMonth, parseDate } from '../../../main/node/capabilities/prereview/validators/dates.js';
import { canonicalJson, chainHash, verifyChain, GENESIS } from '../../../main/node/log/audit-chain.js';

const TODAY = '2026-06-01';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const mainland = [...PROVINCE_CODES].filter((c) => !['71', '81', '82'].includes(c));

/** A real calendar date between 1930 and 2020. */
const birth = fc
  .record({ y: fc.integer({ min: 1930, max: 2020 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

/** A valid 18-character resident ID number. */
const idNumber = fc
  .record({ p: fc.constantFrom(...mainland), rest: fc.stringMatching(/^\d{4}$/), b: birth, seq: fc.stringMatching(/^\d{3}$/) })
  .map(({ p, rest, b, seq }) => {
    const first17 = `${p}${rest}${b.y}${pad(b.m)}${pad(b.d)}${seq}`;
    return first17 + computeIdCheck(first17);
  });

const usccChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const uscc = fc.array(usccChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join('') + computeUsccCheck(cs.join('')));

describe('GB 11643 (resident ID numbers), properties', () => {
  it('every generated valid number passes its checksum and reads back its birth date', () => {
    fc.assert(
      fc.property(idNumber, (id) => {
        const r = validateIdNumber(id, TODAY);
        expect(r.problems).not.toContain('CHECKSUM');
        expect(r.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
      }),
    );
  });

  it('any single changed character is caught (MOD 11-2 detects every single substitution)', () => {
    fc.assert(
      fc.property(idNumber, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'.split('')), (id, i, c) => {
        fc.pre(id[i] !== c && !(i < 17 && c === 'X'));
        const changed = id.slice(0, i) + c + id.slice(i + 1);
        expect(validateIdNumber(changed, TODAY).problems).toContain('CHECKSUM');
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => void validateIdNumber(s, TODAY)));
  });
});

describe('GB 32100 (unified social credit codes), properties', () => {
  it('a generated code passes its checksum; any single substitution fails it', () => {
    fc.assert(
      fc.property(uscc, fc.integer({ min: 0, max: 17 }), usccChar, (code, i, c) => {
        expect(usccChecksumOk(code)).toBe(true);
        fc.pre(code[i] !== c);
        expect(usccChecksumOk(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => void validateUscc(s)));
  });
});

describe('date parser, properties', () => {
  it('reads a real date in the common ways it is written', () => {
    fc.assert(
      fc.property(birth, fc.constantFrom('zh', 'iso', 'dot', 'slash'), ({ y, m, d }, style) => {
        const text = { zh: `${y}年${m}月${d}日`, iso: `${y}-${pad(m)}-${pad(d)}`, dot: `${y}.${pad(m)}.${pad(d)}`, slash: `${y}/${m}/${d}` }[style];
        expect(parseDate(`有效期 ${text} 止`)?.iso).toBe(`${y}-${pad(m)}-${pad(d)}`);
      }),
    );
  });

  it('never throws, and what it returns is a real calendar date', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const r = parseDate(s);
        if (r && r.day !== null) expect(r.day).toBeLessThanOrEqual(daysInMonth(r.year, r.month));
      }),
    );
  });
});

describe('masking, properties', () => {
  const sep = fc.constantFrom(' ', '，', '：', '\n', '号码', ' ID ');
  it('an ID number in any text (also written in groups) never comes out whole, nor its birth date', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), sep, idNumber, fc.boolean(), sep, fc.string({ maxLength: 30 }), (a, s1, id, grouped, s2, b) => {
        fc.pre(!/[0-9A-Za-z]$/.test(a) && !/^[0-9A-Za-z]/.test(b));
        const written = grouped ? `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}` : id;
        const out = maskText(a + s1 + written + s2 + b);
        expect(out).not.toContain(id);
        expect(out.replace(/\s/g, '')).not.toContain(id.slice(6, 14));
      }),
    );
  });

  it('a mobile number never keeps its middle four digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'3456789'.split('')), fc.stringMatching(/^\d{9}$/), fc.boolean(), (second, rest, spaced) => {
        const mobile = `1${second}${rest}`;
        const written = spaced ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}` : mobile;
        const out = maskText(`电话：${written}。`);
        expect(out).toContain('****');
        expect(out).not.toContain(written);
      }),
    );
  });

  it('never throws and leaves text without digits or labels unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const out = maskText(s);
        if (!/[0-9０-９]|姓|名|址|所|人|户|Name|Holder|场/.test(s)) expect(out).toBe(s);
      }),
    );
  });
});

describe('the contract, properties', () => {
  it('every method refuses malformed params with BAD_REQUEST, never another exception', () => {
    const names = Object.keys(methods) as (keyof typeof methods)[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }), (m, params) => {
        try {
          parseOrThrow(methods[m].params, params, `params for ${m}`);
        } catch (err) {
          expect(err).toBeInstanceOf(HubError);
          expect((err as HubError).code).toBe('BAD_REQUEST');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('plugin manifests: arbitrary JSON is accepted only in the documented shape', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        const r = PluginManifest.safeParse(v);
        if (r.success) expect(r.data.capabilities.length).toBeGreaterThan(0);
      }),
    );
  });

  it('settings round-trip through the schema', () => {
    const settings = fc.record({
      operatorName: fc.option(fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0 && s.trim() === s), { nil: null }),
      retentionDays: fc.integer({ min: 1, max: 3650 }),
      keepScans: fc.boolean(),
    });
    fc.assert(
      fc.property(settings, (s) => {
        expect(Settings.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
    );
  });

  it('audit chain: any chain verifies, and any change to one entry is found at that entry', () => {
    const entry = fc.record({ operator: fc.string({ maxLength: 10 }), action: fc.constantFrom('job', 'jobs.delete'), verdict: fc.string({ maxLength: 10 }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.nat(), fc.string({ minLength: 1, maxLength: 5 }), (entries, k, extra) => {
        let prev = GENESIS;
        const recs = entries.map((e, i) => {
          const full = { ...e, seq: i + 1, at: '2026-01-01T00:00:00.000Z' };
          const hash = chainHash(prev, full);
          const r = { ...full, prev, hash };
          prev = hash;
          return r;
        });
        expect(verifyChain(recs).ok).toBe(true);
        const i = k % recs.length;
        const tampered = recs.map((r, j) => (j === i ? { ...r, verdict: r.verdict + extra } : r));
        const v = verifyChain(tampered);
        expect(v.ok).toBe(false);
        expect(v.problems[0]!.line).toBe(i + 1);
        expect(canonicalJson(tampered[i])).not.toBe(canonicalJson(recs[i]));
      }),
    );
  });
});
