import { toHalfWidth, t2s } from '../text.js';

/** A calendar date read from a document. Month precision when the document gives no day (有效期限 2030年10月). */
export interface DateValue {
  /** YYYY-MM-DD, or YYYY-MM for month precision. */
  iso: string;
  year: number;
  month: number;
  day: number | null;
}

/** The end of a validity period: a date, or 长期 (indefinite). */
export type UntilValue = DateValue | 'indefinite';

export interface DateRange {
  from: DateValue | null;
  until: UntilValue | null;
}

export interface FoundDate extends DateValue {
  index: number;
  end: number;
  text: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2300 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Builds a DateValue after checking it is a real calendar date (no 2月30日). */
export function makeDate(y: number, m: number, d: number | null): DateValue | null {
  if (d === null) {
    if (y < 1800 || y > 2300 || m < 1 || m > 12) return null;
    return { iso: `${y}-${pad(m)}`, year: y, month: m, day: null };
  }
  if (!isRealDate(y, m, d)) return null;
  return { iso: `${y}-${pad(m)}-${pad(d)}`, year: y, month: m, day: d };
}

/**
 * OCR reads 0 as O and 1 as I or l inside numbers; fixes those only next to a digit. Also half-width, so
 * full-width digits count. Length-preserving.
 */
export function fixDigitConfusions(s: string): string {
  const h = toHalfWidth(s);
  let out = '';
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    const near = /\d/.test(h[i - 1] ?? '') || /\d/.test(h[i + 1] ?? '');
    if (near && /[Oo]/.test(c)) out += '0';
    else if (near && /[Il|]/.test(c)) out += '1';
    else out += c;
  }
  return out;
}

// 2027年08月31日, 2027年8月31日, 2027.08.31, 2027-08-31, 2027/08/31, 2027 年 8 月 31 日; 20270831; 2030年10月, 2030.10
const FULL = /(?<!\d)(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})(?!\d)\s*日?/g;
const COMPACT = /(?<![\d.])((?:18|19|20|21|22)\d{2})(\d{2})(\d{2})(?![\d.])/g;
const MONTH = /(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[.\-/]\s*(\d{1,2})(?![\d.\-/]))/g;

/** Every date in `s`, in order of appearance (full dates first where a month-only reading overlaps). */
export function findDates(s: string): FoundDate[] {
  const text = fixDigitConfusions(t2s(s));
  const found: FoundDate[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([x, y]) => a < y && b > x);
  const add = (m: RegExpExecArray, v: DateValue | null) => {
    const end = m.index + m[0].length;
    if (overlaps(m.index, end)) return;
    // An impossible full date (2027年02月30日) still takes its place: its year and month are no month-only date.
    taken.push([m.index, end]);
    if (!v) return;
    found.push({ ...v, index: m.index, end, text: s.slice(m.index, end) });
  };
  for (const m of text.matchAll(FULL)) add(m, makeDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(COMPACT)) add(m, makeDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(MONTH)) add(m, makeDate(Number(m[1]), Number(m[2] ?? m[3]), null));
  return found.sort((a, b) => a.index - b.index);
}

/** The date written in `s` (the first one), or null. */
export function parseDate(s: string): DateValue | null {
  const d = findDates(s)[0];
  return d ? strip(d) : null;
}

/** 长期 / 永久 / 長期 (also with a space from OCR). */
export function saysIndefinite(s: string): boolean {
  return /长\s*期|永\s*久|无\s*固定\s*期限|不\s*约\s*定\s*期\s*限/.test(t2s(toHalfWidth(s)));
}

/**
 * A validity period: "2021.03.15-2031.03.14", "2021年03月15日至2031年03月14日", "2015.03.01-长期", "长期",
 * "至2027年08月31日". One date alone is read as the end of the period, unless a separator follows it.
 */
export function parseDateRange(s: string): DateRange | null {
  const dates = findDates(s);
  const indefinite = saysIndefinite(s);
  if (dates.length >= 2) return { from: strip(dates[0]!), until: strip(dates[1]!) };
  if (dates.length === 1) {
    const d = dates[0]!;
    const after = toHalfWidth(s.slice(d.end));
    const before = t2s(toHalfWidth(s.slice(0, d.index)));
    if (indefinite && saysIndefinite(after)) return { from: strip(d), until: 'indefinite' };
    if (/[至到止]\s*$/.test(before)) return { from: null, until: strip(d) };
    if (/^\s*[-—–~至到起]/.test(after)) return { from: strip(d), until: null };
    return { from: null, until: strip(d) };
  }
  if (indefinite) return { from: null, until: 'indefinite' };
  return null;
}

function strip(d: FoundDate): DateValue {
  return { iso: d.iso, year: d.year, month: d.month, day: d.day };
}

/** The day `today` names: a YYYY-MM-DD string as is, a Date by its local calendar day (the counter's clock). */
export function toIsoDay(today: Date | string): string {
  if (typeof today === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
    if (!m || !makeDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`not a YYYY-MM-DD date: ${today}`);
    return today;
  }
  if (Number.isNaN(today.getTime())) throw new Error('invalid Date');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/** Parses a stored ISO value (YYYY-MM-DD or YYYY-MM) back to a DateValue. */
export function fromIso(iso: string): DateValue | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  return makeDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null);
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Whole days from `a` to `b` (YYYY-MM-DD); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Last day a date covers: the day itself, or the month's last day for month precision. */
export function lastDay(d: DateValue): string {
  return d.day !== null ? d.iso : `${d.iso}-${pad(daysInMonth(d.year, d.month))}`;
}

/** First day a date covers. */
export function firstDay(d: DateValue): string {
  return d.day !== null ? d.iso : `${d.iso}-01`;
}

export type ValidityStatus = 'valid' | 'indefinite' | 'expiring' | 'expired' | 'not_yet_valid';

export interface ValidityResult {
  status: ValidityStatus;
  /** Days from today to the last valid day (0: valid today only, negative: expired that many days ago). */
  daysLeft: number | null;
}

/**
 * Compares a validity period with `today` (YYYY-MM-DD). A document valid until 2027-08-31 is still valid on that
 * day. Expiring: valid today but for `warnDays` days or fewer (30 by default).
 */
export function checkValidity(
  range: { from?: DateValue | null; until: UntilValue | null },
  today: string,
  warnDays = 30,
): ValidityResult | null {
  if (range.from && daysBetween(today, firstDay(range.from)) > 0) {
    const daysLeft = range.until && range.until !== 'indefinite' ? daysBetween(today, lastDay(range.until)) : null;
    return { status: 'not_yet_valid', daysLeft };
  }
  if (!range.until) return null;
  if (range.until === 'indefinite') return { status: 'indefinite', daysLeft: null };
  const daysLeft = daysBetween(today, lastDay(range.until));
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  if (daysLeft <= warnDays) return { status: 'expiring', daysLeft };
  return { status: 'valid', daysLeft };
}

/** Whole years between two YYYY-MM-DD days (age on `to` of someone born on `from`). */
export function yearsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years--;
  return years;
}

/** Adds whole years to a YYYY-MM-DD day (29 Feb → 28 Feb in common years). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  return `${ny}-${pad(m)}-${pad(Math.min(d, daysInMonth(ny, m)))}`;
}
