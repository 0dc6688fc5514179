import { findProtected } from './protect.js';

/**
 * Sentence segmentation for Chinese and English: ICU's sentence rules (Intl.Segmenter, built into Node) split at
 * 。！？；… and . ! ? followed by space; then splits ICU makes after English abbreviations or inside a protected
 * span (URL, code, number) are undone.
 */
const abbrev = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Art|Fig|Co|Ltd|Inc|Corp|vs|etc|e\.g|i\.e|approx|Dept|Govt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$/i;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  return s;
}

export interface Sentence {
  text: string;
  start: number;
}

export function splitSentences(text: string, lang: 'zh' | 'en'): Sentence[] {
  const spans = findProtected(text);
  const parts: Sentence[] = [];
  for (const { segment, index } of segmenter(lang).segment(text)) {
    const prev = parts[parts.length - 1];
    const insideSpan = spans.some((s) => index > s.start && index < s.end);
    // Chinese sentences also end at ；: ICU does not split there, and government text chains long clauses with it.
    if (prev && (insideSpan || abbrev.test(prev.text) || !/[\p{L}\p{N}]/u.test(segment))) {
      prev.text += segment;
    } else {
      parts.push({ text: segment, start: index });
    }
  }
  return parts
    .map((p) => {
      const lead = p.text.length - p.text.trimStart().length;
      return { text: p.text.trim(), start: p.start + lead };
    })
    .filter((p) => p.text.length > 0);
}

/** Joins translated sentences of one block in the target language. */
export function joinSentences(parts: readonly string[], lang: 'zh' | 'en'): string {
  return lang === 'zh' ? parts.join('') : parts.join(' ');
}
