/**
 * Label → value parsing within a row. A row may hold several pairs ("性别 男 民族 汉", "名称 … 注册资本 …"), with a
 * space, a colon or nothing between label and value. A label counts where it starts the row or follows a space or
 * punctuation; glued to the text before it ("性别男民族汉") it counts only when that text is a complete short value
 * (男, 汉, a date), so that "民族路" inside an address is not taken for the label 民族.
 */
import { escapeRegExp, isBoundary } from '../text.js';
import { parseDate } from '../validators/dates.js';
import type { Row } from './layout.js';

export type FieldKind =
  | 'name' // a person (or, for some labels, an organisation) name
  | 'org' // an organisation name
  | 'text'
  | 'address' // may continue on the next rows
  | 'date'
  | 'range' // validity period: VALID_FROM / VALID_UNTIL
  | 'until' // end of validity: VALID_UNTIL
  | 'id' // citizen ID number
  | 'uscc'
  | 'phone'
  | 'sex'
  | 'ethnicity'
  | 'ignore'; // a label whose value is not extracted (it still ends the value before it)

export interface LabelSpec {
  /** Field name (upper snake case); null for `ignore`. */
  field: string | null;
  kind: FieldKind;
  labels: string[];
}

export interface CompiledLabels {
  regex: RegExp;
  byLabel: Map<string, LabelSpec>;
}

export interface LabelHit {
  spec: LabelSpec;
  /** Label position in the row. */
  start: number;
  /** End of the label and of the separator after it (where the value starts). */
  valueStart: number;
  /** Where the value ends: the next label, or the end of the row. */
  valueEnd: number;
}

const labelKey = (s: string) => s.replace(/\s+/g, '');

export function compileLabels(specs: LabelSpec[]): CompiledLabels {
  const byLabel = new Map<string, LabelSpec>();
  for (const spec of specs) for (const l of spec.labels) if (!byLabel.has(labelKey(l))) byLabel.set(labelKey(l), spec);
  const alternatives = [...byLabel.keys()]
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].map(escapeRegExp).join('\\s*'));
  return { regex: new RegExp(alternatives.join('|'), 'g'), byLabel };
}

/** True when `value` already is a whole value of `kind`, so a label may follow it without a space. */
function isCompleteShortValue(kind: FieldKind, value: string): boolean {
  const v = value.trim();
  switch (kind) {
    case 'sex':
      return /^[男女]$/.test(v);
    case 'ethnicity':
      return /^[\u4e00-\u9fff]{1,6}$/.test(v);
    case 'name':
      return /^[\u4e00-\u9fff·]{2,6}$/.test(v);
    case 'date':
      return parseDate(v) !== null;
    case 'id':
      return /^[0-9Xx]{18}$/.test(v);
    default:
      return false;
  }
}

/** The label/value pairs of a row, left to right. */
export function splitRow(row: Row, labels: CompiledLabels): LabelHit[] {
  const hits: LabelHit[] = [];
  const re = new RegExp(labels.regex.source, 'g');
  for (const m of row.match.matchAll(re)) {
    const spec = labels.byLabel.get(labelKey(m[0]));
    if (!spec) continue;
    const start = m.index;
    const prev = hits[hits.length - 1];
    const atBoundary = isBoundary(row.match[start - 1]);
    if (!atBoundary) {
      if (!prev) continue;
      if (!isCompleteShortValue(prev.spec.kind, row.match.slice(prev.valueStart, start))) continue;
    }
    if (prev) prev.valueEnd = start;
    let valueStart = start + m[0].length;
    const sep = /^\s*[:：]?\s*/.exec(row.match.slice(valueStart));
    valueStart += sep ? sep[0].length : 0;
    hits.push({ spec, start, valueStart, valueEnd: row.match.length });
  }
  return hits;
}

/**
 * Trims a raw value: spaces and separators at both ends, and an English label of a bilingual document
 * ("Name: ANNA MUELLER" → "ANNA MUELLER"). Returns the new [start, end) within the row.
 */
export function trimValue(row: Row, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  const text = row.text;
  const en = /^[A-Za-z][A-Za-z .'/]{0,30}:\s*/.exec(text.slice(s, e));
  if (en) s += en[0].length;
  while (s < e && /[\s:;,，。；、|]/.test(text[s]!)) s++;
  while (e > s && /[\s:;,，。；、|]/.test(text[e - 1]!)) e--;
  return [s, e];
}
