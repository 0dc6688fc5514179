/**
 * Spans a translation must carry through unchanged: URLs, e-mail addresses, 统一社会信用代码 (18 chars, GB 32100),
 * ID numbers (18 chars, GB 11643), dates, phone numbers, reference codes and plain numbers. They are swapped for
 * numbered placeholders before the model runs and swapped back afterwards, so the model cannot garble them.
 */
export type SpanKind = 'url' | 'email' | 'uscc' | 'id' | 'date' | 'phone' | 'code' | 'number' | 'term';

export interface ProtectedSpan {
  kind: SpanKind;
  start: number;
  end: number;
  text: string;
}

// Order matters: earlier patterns win over later ones where spans overlap.
const patterns: [SpanKind, RegExp][] = [
  ['url', /\b(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"'<>）】]+[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"'<>）】.,;:!?]/gi],
  ['email', /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g],
  // GB 11643: 17 digits + check digit or X.
  ['id', /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g],
  // GB 32100: 18 chars from 0-9 A-H J-N P-R T-U W-Y (no I O S V Z), starting with a registration authority digit/letter.
  ['uscc', /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g],
  ['date', /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]/g],
  ['phone', /(?<!\d)(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8}|12345)(?!\d)/g],
  // Reference codes: letters and digits mixed, e.g. 浙A12345, ZJ-2024-001, No.A123.
  ['code', /(?<![\w-])(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w-])|(?<![\w])[A-Z]{1,4}\d{3,}[A-Z0-9]*(?!\w)/g],
  ['number', /(?<![\w.])\d+(?:[.,]\d+)*(?:\.\d+)?%?(?![\w])/g],
];

/** Finds protected spans, longest/earliest first, without overlaps, in text order. */
export function findProtected(text: string): ProtectedSpan[] {
  const taken: ProtectedSpan[] = [];
  for (const [kind, re] of patterns) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some((s) => start < s.end && end > s.start)) continue;
      taken.push({ kind, start, end, text: m[0] });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** A placeholder the MT models copy through: an ASCII token of letters and a number that no sentence contains. */
export const placeholder = (n: number) => `XZ${n}`;
const placeholderRe = /X\s?Z\s?(\d+)/g;

export interface Masked {
  text: string;
  /** Placeholder number → what it stands for in the target. */
  values: string[];
}

/**
 * Replaces spans (protected spans and glossary terms) by placeholders; `targetOf` gives what each span becomes in the
 * target language (the span itself for numbers and codes, the glossary translation for terms).
 */
export function mask(text: string, spans: readonly { start: number; end: number; target: string }[]): Masked {
  let out = '';
  let at = 0;
  const values: string[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, s.start) + ` ${placeholder(values.length)} `;
    values.push(s.target);
    at = s.end;
  }
  out += text.slice(at);
  return { text: out.replace(/ {2,}/g, ' ').trim(), values };
}

/**
 * Puts the values back. A placeholder the model dropped is appended at the end (nothing is lost) and reported, so
 * QA can flag the segment; a duplicated one is restored each time.
 */
export function unmask(text: string, values: readonly string[], targetLang: 'zh' | 'en'): { text: string; lost: number[] } {
  const seen = new Set<number>();
  let out = text.replace(placeholderRe, (whole, n: string) => {
    const i = Number(n);
    if (i >= values.length) return whole;
    seen.add(i);
    return values[i]!;
  });
  const lost = values.map((_, i) => i).filter((i) => !seen.has(i));
  if (lost.length) out = `${out}${targetLang === 'zh' ? '' : ' '}${lost.map((i) => values[i]).join(targetLang === 'zh' ? '，' : ', ')}`;
  return { text: tidy(out, targetLang), lost };
}

/** Spacing after restoring: no spaces around CJK text in Chinese, single spaces in English. */
export function tidy(text: string, lang: 'zh' | 'en'): string {
  let t = text.replace(/[ \t]{2,}/g, ' ').trim();
  if (lang === 'zh') {
    t = t.replace(/(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +| +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '');
  } else {
    t = t.replace(/ +([,.;:!?%)\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09])/g, '$1').replace(/([(]) +/g, '$1');
  }
  return t;
}
