/**
 * Document classification from OCR text: keyword and field-pattern signals per type (signals.ts), scored 0–1.
 * The best type at or above TYPE_THRESHOLD wins; otherwise the document is `generic`.
 */
import type { DocumentType, OcrPage } from '../../../../common/contract/index.js';
import type { Classification } from '../types.js';
import { buildRows } from '../fields/layout.js';
import { compactForm } from '../text.js';
import { findDates, saysIndefinite } from '../validators/dates.js';
import { findIdCandidates, idChecksumOk, repairIdNumber } from '../validators/gb11643.js';
import { findUsccCandidates, repairUscc, usccChecksumOk } from '../validators/gb32100.js';
import { SIGNALS, TYPE_THRESHOLD, type SignalContext } from './signals.js';

export { SIGNALS, TYPE_THRESHOLD } from './signals.js';

const TYPES = Object.keys(SIGNALS) as Array<Exclude<DocumentType, 'generic'>>;

function contextOf(pages: OcrPage[]): SignalContext {
  const rows = [...pages].sort((a, b) => a.page - b.page).flatMap(buildRows);
  const lines = rows.map((r) => r.text);
  return {
    text: compactForm(lines.join('\n')),
    title: compactForm(lines.slice(0, 3).join('\n')),
    hasValidId: lines.some((l) => findIdCandidates(l).some((c) => idChecksumOk(repairIdNumber(c).value))),
    hasValidUscc: lines.some((l) => findUsccCandidates(l).some((c) => usccChecksumOk(repairUscc(c).value))),
    hasDateRange: lines.some((l) => {
      const n = findDates(l).length;
      return n >= 2 || (n === 1 && saysIndefinite(l));
    }),
  };
}

/** Classifies the text of one or more pages (taken together as one document). */
export function classifyPages(pages: OcrPage[]): Classification {
  const ctx = contextOf(pages);
  const scores = { generic: 0 } as Record<DocumentType, number>;
  const matched: Record<string, string[]> = {};
  for (const type of TYPES) {
    let score = 0;
    matched[type] = [];
    for (const s of SIGNALS[type]) {
      const hay = s.title ? ctx.title : ctx.text;
      const hit = typeof s.test === 'function' ? s.test(ctx) : s.test.test(hay);
      if (hit) {
        score += s.weight;
        if (s.weight > 0) matched[type]!.push(s.name);
      }
    }
    scores[type] = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  }
  let best: DocumentType = 'generic';
  let bestScore = 0;
  for (const type of TYPES) {
    if (scores[type] > bestScore) {
      best = type;
      bestScore = scores[type];
    }
  }
  if (bestScore < TYPE_THRESHOLD) {
    scores.generic = Math.round((1 - bestScore) * 100) / 100;
    return { type: 'generic', score: scores.generic, scores, signals: [] };
  }
  scores.generic = Math.round((1 - bestScore) * 100) / 100;
  return { type: best, score: bestScore, scores, signals: matched[best] ?? [] };
}

/** Classifies a single file's text (all pages together). */
export function classifyDocument(pages: OcrPage[]): Classification {
  return classifyPages(pages);
}

/** Score at which the other side of an ID card counts as present on the same page. */
export const BOTH_SIDES_THRESHOLD = 0.6;

/** Types besides `c.type` that the same text also satisfies: both sides of an ID card on one page. */
export function alsoTypesOf(c: Classification): DocumentType[] {
  if (c.type === 'id_card_front' && c.scores.id_card_back >= BOTH_SIDES_THRESHOLD) return ['id_card_back'];
  if (c.type === 'id_card_back' && c.scores.id_card_front >= BOTH_SIDES_THRESHOLD) return ['id_card_front'];
  return [];
}
