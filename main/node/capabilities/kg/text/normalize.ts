/**
 * One normal form for matching (passages, questions, glossary keys, entity names): full-width ASCII to half-width,
 * traditional to simplified (opencc-js, Taiwan → mainland standard), lower case. Display keeps the original.
 */
import OpenCC from 'opencc-js';

let t2s: ((s: string) => string) | undefined;

/** Traditional → simplified through OpenCC's dictionaries (phrases included, so 關于 → 关于, 裏 → 里). */
export function toSimplified(s: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(s);
}

export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The matching form of any text: half-width, simplified, lower case, runs of white space as one space. */
export function normalizeText(s: string): string {
  return toSimplified(toHalfWidth(s)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A key for names and terms: the matching form without spaces or punctuation (浙裏辦 = 浙里办, "Zheliban" = "zheliban"). */
export function normalizeKey(s: string): string {
  return normalizeText(s).replace(/[\s\p{P}\p{S}]+/gu, '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasCjk = (s: string): boolean => CJK.test(s);
