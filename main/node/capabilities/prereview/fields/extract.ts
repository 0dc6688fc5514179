/**
 * Field extraction: labelled values first (see specs.ts), then patterns where a document often carries a value
 * without its label (the ID number on an ID card, a USCC, the validity period on the back of an ID card, the issue
 * date printed under a business licence). Each value keeps the OCR line it came from: its page, box and confidence.
 */
import type { DocumentType, OcrPage } from '../../../../common/contract/index.js';
import type { ExtractedField, Fields } from '../types.js';
import { findDates, parseDate, parseDateRange, saysIndefinite, type DateRange } from '../validators/dates.js';
import { findIdCandidates, idChecksumOk, repairIdNumber } from '../validators/gb11643.js';
import { findUsccCandidates, repairUscc, usccChecksumOk } from '../validators/gb32100.js';
import { findPhones } from '../validators/phone.js';
import { buildAllRows, linesIn, unionBox, xAt, type Row } from './layout.js';
import { compileLabels, splitRow, trimValue, type CompiledLabels, type LabelSpec } from './labels.js';
import { SPECS } from './specs.js';

interface Span {
  row: Row;
  start: number;
  end: number;
}

/** Value stored for an indefinite validity (长期). */
export const INDEFINITE = '长期';

const CJK = '\\u4e00-\\u9fff';
/** Words that follow a name label but are no name (本人签字, 承诺 …). */
const NOT_A_NAME = /^(?:签字|签名|盖章|签章|承诺|声明|本人|日期|姓名|名称|无)/;
const collapseCjkSpaces = (s: string) =>
  s.replace(new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}0-9])|(?<=[0-9])\\s+(?=[${CJK}])`, 'g'), '').trim();

function makeField(spans: Span[], value: string, corrected = false): ExtractedField {
  const lines = [...new Set(spans.flatMap((s) => linesIn(s.row, s.start, s.end)))];
  const field: ExtractedField = {
    value,
    confidence: lines.length ? Math.min(...lines.map((l) => l.confidence)) : 0,
    page: spans[0]!.row.page,
    box: unionBox(lines),
    source: lines.map((l) => l.text).join(' '),
  };
  if (corrected) field.corrected = true;
  return field;
}

const compiledCache = new Map<DocumentType, CompiledLabels>();
function compiled(type: DocumentType): CompiledLabels {
  let c = compiledCache.get(type);
  if (!c) compiledCache.set(type, (c = compileLabels(SPECS[type])));
  return c;
}

function rowHasLabels(row: Row, labels: CompiledLabels): boolean {
  return splitRow(row, labels).length > 0;
}

/** Rows continuing a value (an address wrapped onto the next line, indented under the value). */
function continuationRows(rows: Row[], from: number, span: Span, labelX: number, labels: CompiledLabels): Span[] {
  const out: Span[] = [];
  const valueX = xAt(span.row, span.start);
  let prev = span.row;
  for (let i = from + 1; i < rows.length && out.length < 2; i++) {
    const r = rows[i]!;
    if (r.page !== prev.page) break;
    const lh = Math.max(prev.lineHeight, 1);
    if (r.rect.y0 - prev.rect.y1 > 0.8 * lh) break;
    if (rowHasLabels(r, labels)) break;
    if (r.rect.x0 < labelX + 0.5 * lh || r.rect.x0 < valueX - 1.0 * lh) break;
    const compact = r.text.replace(/\s+/g, '');
    if (/^[0-9Xx]{15,}$/.test(compact)) break;
    if (findDates(r.text).length > 0 && compact.length <= 16) break;
    out.push({ row: r, start: 0, end: r.text.length });
    prev = r;
  }
  return out;
}

function isJustADate(s: string): boolean {
  const d = findDates(s);
  if (d.length !== 1) return false;
  return (s.slice(0, d[0]!.index) + s.slice(d[0]!.end)).replace(/\s+/g, '').length <= 2;
}

function joinParts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

function pickId(text: string, strict: boolean, legacy15 = true): { value: string; corrected: boolean } | null {
  const candidates = findIdCandidates(text);
  for (const c of candidates) {
    const r = repairIdNumber(c);
    if (idChecksumOk(r.value)) return r;
  }
  if (strict) return null;
  if (candidates.length) return { value: candidates[0]!.toUpperCase(), corrected: false };
  if (!legacy15) return null;
  const legacy = /(?<!\d)\d{15}(?!\d)/.exec(text.replace(/\s+/g, ''));
  if (legacy) return { value: legacy[0], corrected: false };
  return null;
}

function pickUscc(text: string, strict: boolean): { value: string; corrected: boolean } | null {
  const candidates = findUsccCandidates(text);
  for (const c of candidates) {
    const r = repairUscc(c);
    if (usccChecksumOk(r.value)) return r;
  }
  if (strict || candidates.length === 0) return null;
  return { value: candidates[0]!.toUpperCase(), corrected: false };
}

class Extractor {
  readonly fields: Fields = {};
  constructor(
    readonly rows: Row[],
    readonly type: DocumentType,
  ) {}

  set(name: string, field: ExtractedField): void {
    if (!this.fields[name] && field.value !== '') this.fields[name] = field;
  }

  setRange(range: DateRange | null, raw: string, spans: Span[], untilOnly = false): void {
    if (!range) {
      if (raw) this.set('VALID_UNTIL', makeField(spans, raw));
      return;
    }
    if (range.from && !untilOnly) this.set('VALID_FROM', makeField(spans, range.from.iso));
    if (range.from && untilOnly && range.until) this.set('VALID_FROM', makeField(spans, range.from.iso));
    if (range.until) this.set('VALID_UNTIL', makeField(spans, range.until === 'indefinite' ? INDEFINITE : range.until.iso));
    else if (untilOnly && range.from) this.set('VALID_UNTIL', makeField(spans, range.from.iso));
  }

  apply(spec: LabelSpec, text: string, spans: Span[]): void {
    const f = spec.field;
    switch (spec.kind) {
      case 'ignore':
        return;
      case 'name': {
        // "(负责人) 林建国": a bracketed role before the name is not the name.
        const t = collapseCjkSpaces(text).replace(/^\([^)]{0,8}\)\s*/, '');
        const m = new RegExp(`^[${CJK}A-Za-z·][${CJK}A-Za-z·.' -]*`).exec(t);
        const name = m?.[0].trim();
        if (f && name && !NOT_A_NAME.test(name)) this.set(f, makeField(spans, name));
        return;
      }
      case 'org':
      case 'text':
      case 'address': {
        const v = collapseCjkSpaces(text);
        // A date alone is no name or address (登记机关 with the issue date printed under it).
        if (f && !isJustADate(v)) this.set(f, makeField(spans, v));
        return;
      }
      case 'date': {
        const d = parseDate(text);
        if (f) this.set(f, makeField(spans, d ? d.iso : text));
        return;
      }
      case 'range':
        this.setRange(parseDateRange(text), text, spans);
        return;
      case 'until':
        this.setRange(parseDateRange(text), text, spans, true);
        return;
      case 'id': {
        // 15 digits on an ID document is a first-generation ID number; elsewhere it is some other document's number.
        const id = pickId(text, false, this.type !== 'generic');
        if (id && f) this.set(f, makeField(spans, id.value, id.corrected));
        else if (/\d/.test(text)) this.set('DOCUMENT_NUMBER', makeField(spans, text.replace(/\s+/g, '')));
        return;
      }
      case 'uscc': {
        const u = pickUscc(text, false);
        if (f) this.set(f, makeField(spans, u ? u.value : text.replace(/\s+/g, '').toUpperCase(), u?.corrected));
        return;
      }
      case 'phone': {
        const p = findPhones(text)[0];
        if (f) this.set(f, makeField(spans, (p ?? text).trim()));
        return;
      }
      case 'sex': {
        const m = /[男女]/.exec(text);
        if (f && m) this.set(f, makeField(spans, m[0]));
        return;
      }
      case 'ethnicity': {
        const m = new RegExp(`^[${CJK}]{1,6}`).exec(collapseCjkSpaces(text));
        if (f && m) this.set(f, makeField(spans, m[0]));
        return;
      }
    }
  }

  labelled(): void {
    const labels = compiled(this.type);
    const rows = this.rows;
    for (let ri = 0; ri < rows.length; ri++) {
      const row = rows[ri]!;
      const hits = splitRow(row, labels);
      hits.forEach((hit, hi) => {
        if (hit.spec.kind === 'ignore') return;
        const [s, e] = trimValue(row, hit.valueStart, hit.valueEnd);
        let spans: Span[] = [{ row, start: s, end: e }];
        let text = row.text.slice(s, e);
        const last = hi === hits.length - 1;
        if (!text && hits.length === 1) {
          // Label alone on its row: the value is on the row below.
          const next = rows[ri + 1];
          if (
            next &&
            next.page === row.page &&
            next.rect.y0 - row.rect.y1 < 1.2 * row.lineHeight &&
            !rowHasLabels(next, labels)
          ) {
            spans = [{ row: next, start: 0, end: next.text.length }];
            text = next.text;
          }
        }
        if (!text) return;
        if (hit.spec.kind === 'address' && last && spans[0]!.row === row) {
          // An address wraps onto the rows below, indented under the value; their lines join the evidence box.
          const more = continuationRows(rows, ri, spans[0]!, xAt(row, hit.start), labels);
          if (more.length) {
            text = joinParts([text, ...more.map((m) => m.row.text.trim())]);
            spans = [...spans, ...more];
          }
        }
        this.apply(hit.spec, text, spans);
      });
    }
  }

  private scanRows(pick: (text: string) => { value: string; corrected: boolean } | null, field: string): void {
    for (const row of this.rows) {
      const r = pick(row.text);
      if (r) {
        this.set(field, makeField([{ row, start: 0, end: row.text.length }], r.value, r.corrected));
        return;
      }
    }
  }

  fallbacks(): void {
    const t = this.type;
    if (!this.fields.ID_NUMBER && t !== 'id_card_back' && t !== 'business_license') {
      this.scanRows((x) => pickId(x, true), 'ID_NUMBER');
      if (!this.fields.ID_NUMBER && (t === 'id_card_front' || t === 'household_register')) {
        this.scanRows((x) => pickId(x, false), 'ID_NUMBER');
      }
    }
    if (!this.fields.USCC && (t === 'business_license' || t === 'application_form' || t === 'generic')) {
      this.scanRows((x) => pickUscc(x, true), 'USCC');
      if (!this.fields.USCC && t === 'business_license') this.scanRows((x) => pickUscc(x, false), 'USCC');
    }
    if (t === 'id_card_back' && !this.fields.VALID_UNTIL) {
      for (const row of this.rows) {
        const dates = findDates(row.text);
        if (dates.length >= 2 || (dates.length === 1 && saysIndefinite(row.text))) {
          this.setRange(parseDateRange(row.text), row.text, [{ row, start: 0, end: row.text.length }]);
          break;
        }
      }
    }
    if (t === 'id_card_back' && this.fields.VALID_FROM) this.set('ISSUE_DATE', { ...this.fields.VALID_FROM });
    if (t === 'business_license' && !this.fields.ISSUE_DATE) {
      // The issue date is printed alone under 登记机关, without a label: the last row that is just a date.
      for (let i = this.rows.length - 1; i >= 0; i--) {
        const row = this.rows[i]!;
        if (!isJustADate(row.text)) continue;
        this.set('ISSUE_DATE', makeField([{ row, start: 0, end: row.text.length }], findDates(row.text)[0]!.iso));
        break;
      }
    }
    if (!this.fields.PHONE && t === 'application_form') {
      this.scanRows((x) => {
        const p = findPhones(x).find((n) => /^(?:\+?86)?1/.test(n.replace(/[\s-]/g, '')));
        return p ? { value: p.replace(/[\s-]/g, ''), corrected: false } : null;
      }, 'PHONE');
    }
  }
}

/**
 * Extracts the fields of a document of `type` (and of `alsoTypes`, e.g. the back of an ID card scanned on the same
 * page as the front) from its OCR pages.
 */
export function extractFields(type: DocumentType, pages: OcrPage[], alsoTypes: DocumentType[] = []): Fields {
  const rows = buildAllRows(pages);
  const out: Fields = {};
  for (const t of [type, ...alsoTypes]) {
    const x = new Extractor(rows, t);
    x.labelled();
    x.fallbacks();
    for (const [k, v] of Object.entries(x.fields)) if (!out[k]) out[k] = v;
  }
  return out;
}
