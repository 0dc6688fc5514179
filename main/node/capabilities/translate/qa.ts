import type { QaIssue, TranslatedSegment } from '../../../common/contract/index.js';
import type { TermMatch } from './glossary.js';
import { findProtected } from './protect.js';
import { tmKey } from './tm/tm-store.js';

const cjk = /[\u3400-\u9fff]/g;
const issue = (code: QaIssue['code'], message: string, severity: QaIssue['severity'] = 'warn'): QaIssue => ({ code, severity, message });

/** Digit runs as numbers (so 03 = 3 and a date may change format: 2024年3月1日 ↔ 2024-03-01 ↔ March 1, 2024). */
const numbersIn = (s: string) => (s.match(/\d+/g) ?? []).map((d) => String(Number(d)));

/**
 * Checks one segment as a CAT tool's QA would: protected spans (numbers, dates, codes, URLs) present in the target,
 * glossary terms rendered with their glossary translation, not empty, actually translated.
 */
export function checkSegment(src: string, tgt: string, to: 'zh' | 'en', terms: readonly TermMatch[]): QaIssue[] {
  const out: QaIssue[] = [];
  if (!tgt.trim()) return [issue('empty', 'target is empty', 'error')];
  const spans = findProtected(src);
  const tgtNumbers = numbersIn(tgt);
  const lowTgt = tgt.toLowerCase();
  for (const s of spans) {
    if (s.kind === 'number' || s.kind === 'date') {
      const missing = numbersIn(s.text).filter((n) => {
        const i = tgtNumbers.indexOf(n);
        if (i < 0) return true;
        tgtNumbers.splice(i, 1);
        return false;
      });
      if (missing.length) out.push(issue('number_mismatch', `${s.kind} "${s.text}" not found in the target`, 'error'));
    } else if (!lowTgt.includes(s.text.toLowerCase())) {
      out.push(issue('number_mismatch', `${s.kind} "${s.text}" differs or is missing in the target`, 'error'));
    }
  }
  for (const t of terms) {
    if (!lowTgt.includes(t.target.toLowerCase())) out.push(issue('term_missing', `glossary: "${t.matched}" should be "${t.target}"`));
  }
  const letters = src.replace(/[\s\d\p{P}\p{S}]/gu, '');
  if (letters && tmKey(src) === tmKey(tgt)) out.push(issue('untranslated', 'target equals source'));
  else if (letters) {
    const share = (tgt.match(cjk)?.length ?? 0) / Math.max(1, tgt.replace(/[\s\d\p{P}\p{S}]/gu, '').length);
    if (to === 'en' && share > 0.3) out.push(issue('untranslated', 'target is still mostly Chinese'));
    if (to === 'zh' && share < 0.2 && (src.match(cjk)?.length ?? 0) === 0) out.push(issue('untranslated', 'target has almost no Chinese'));
  }
  return out;
}

/** Marks segments whose source is translated differently elsewhere in the same document. */
export function checkConsistency(segments: TranslatedSegment[]): void {
  const bySource = new Map<string, TranslatedSegment[]>();
  for (const s of segments) {
    const k = tmKey(s.src);
    bySource.set(k, [...(bySource.get(k) ?? []), s]);
  }
  for (const group of bySource.values()) {
    const variants = new Set(group.map((s) => tmKey(s.tgt)));
    if (variants.size < 2) continue;
    for (const s of group) {
      s.qa = s.qa.filter((q) => q.code !== 'inconsistent');
      const others = group.filter((o) => o !== s && tmKey(o.tgt) !== tmKey(s.tgt)).map((o) => o.id);
      s.qa.push(issue('inconsistent', `same source translated differently in segment ${others.join(', ')}`));
    }
  }
}
