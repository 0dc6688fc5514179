import { describe, expect, it } from 'vitest';
import {
  addYears,
  checkValidity,
  daysBetween,
  findDates,
  fromIso,
  parseDate,
  parseDateRange,
  toIsoDay,
} from '../../../main/node/capabilities/prereview/index.js';

const iso = (s: string) => parseDate(s)?.iso ?? null;

describe('dates on documents', () => {
  it('parses the ways documents write a date', () => {
    expect(iso('2027年08月31日')).toBe('2027-08-31');
    expect(iso('2027年8月31日')).toBe('2027-08-31');
    expect(iso('1978 年 1 月 1 日')).toBe('1978-01-01');
    expect(iso('2027.08.31')).toBe('2027-08-31');
    expect(iso('2027-08-31')).toBe('2027-08-31');
    expect(iso('2027/8/31')).toBe('2027-08-31');
    expect(iso('20270831')).toBe('2027-08-31');
    expect(iso('２０２７年０８月３１日')).toBe('2027-08-31'); // full-width
    expect(iso('2O27年O8月3l日')).toBe('2027-08-31'); // O for 0, l for 1 next to digits
    expect(iso('Date of Birth: 1985.07.19')).toBe('1985-07-19');
  });

  it('reads month-only dates with month precision', () => {
    expect(parseDate('2030年10月')).toEqual({ iso: '2030-10', year: 2030, month: 10, day: null });
    expect(iso('有效期限 2030.10')).toBe('2030-10');
  });

  it('refuses dates that do not exist and numbers that are no dates', () => {
    expect(parseDate('2027年02月30日')).toBeNull();
    expect(parseDate('2026年13月01日')).toBeNull();
    expect(parseDate('2023年02月29日')).toBeNull();
    expect(iso('2024年02月29日')).toBe('2024-02-29');
    expect(parseDate('440305197801011239')).toBeNull(); // the date inside an ID number is not a date on the page
    expect(parseDate('CNY 12,450.00')).toBeNull();
    expect(parseDate('0571-87654321')).toBeNull();
  });

  it('finds every date in a line, in order', () => {
    expect(findDates('自2021年03月15日至2031年03月14日').map((d) => d.iso)).toEqual(['2021-03-15', '2031-03-14']);
  });

  it('parses validity ranges and 长期', () => {
    const r = (s: string) => {
      const x = parseDateRange(s);
      if (!x) return null;
      return { from: x.from?.iso ?? null, until: x.until === 'indefinite' ? '长期' : (x.until?.iso ?? null) };
    };
    expect(r('2021.03.15-2031.03.14')).toEqual({ from: '2021-03-15', until: '2031-03-14' });
    expect(r('2021.03.15—2031.03.14')).toEqual({ from: '2021-03-15', until: '2031-03-14' });
    expect(r('2021年03月15日至2031年03月14日')).toEqual({ from: '2021-03-15', until: '2031-03-14' });
    expect(r('2015.03.01-长期')).toEqual({ from: '2015-03-01', until: '长期' });
    expect(r('2015.03.01-長期')).toEqual({ from: '2015-03-01', until: '长期' });
    expect(r('2020年06月01日至长期')).toEqual({ from: '2020-06-01', until: '长期' });
    expect(r('长期')).toEqual({ from: null, until: '长期' });
    expect(r('至2027年08月31日')).toEqual({ from: null, until: '2027-08-31' });
    expect(r('2027年08月31日')).toEqual({ from: null, until: '2027-08-31' });
    expect(r('2030年10月')).toEqual({ from: null, until: '2030-10' });
    expect(r('2018.05.10-')).toEqual({ from: '2018-05-10', until: null });
    expect(r('看不清')).toBeNull();
  });

  it('compares validity with today: expired fails, within 30 days warns, the last day is still valid', () => {
    const today = '2026-05-01';
    const until = (s: string) => ({ until: fromIso(s) });
    expect(checkValidity(until('2026-04-30'), today)).toEqual({ status: 'expired', daysLeft: -1 });
    expect(checkValidity(until('2026-05-01'), today)).toEqual({ status: 'expiring', daysLeft: 0 });
    expect(checkValidity(until('2026-05-31'), today)).toEqual({ status: 'expiring', daysLeft: 30 });
    expect(checkValidity(until('2026-06-01'), today)).toEqual({ status: 'valid', daysLeft: 31 });
    expect(checkValidity(until('2026-05'), today)).toEqual({ status: 'expiring', daysLeft: 30 }); // to 31 May
    expect(checkValidity(until('2026-04'), today)?.status).toBe('expired');
    expect(checkValidity({ until: 'indefinite' }, today)).toEqual({ status: 'indefinite', daysLeft: null });
    expect(checkValidity({ from: fromIso('2026-06-01'), until: fromIso('2036-06-01') }, today)?.status).toBe('not_yet_valid');
    expect(checkValidity(until('2026-05-11'), today, 7)?.status).toBe('valid');
    expect(checkValidity({ until: null }, today)).toBeNull();
  });

  it('day arithmetic', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addYears('2018-05-10', 20)).toBe('2038-05-10');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(toIsoDay('2026-05-01')).toBe('2026-05-01');
    expect(toIsoDay(new Date(2026, 4, 1, 23, 59))).toBe('2026-05-01');
    expect(() => toIsoDay('2026-02-30')).toThrow();
  });
});
