/**
 * Chinese near-synonyms through CC-CEDICT's English glosses: two words whose senses share specific English
 * concepts are near-synonyms (林子 "woods; grove; forest" ~ 森林 "forest"; 处分 "to punish" ~ 惩罚). Used to let a
 * paraphrase's everyday word stand for the sources' word. Only words the index holds are returned. Hand-written
 * because no synonym resource for Chinese ships with the installed packages; the dictionary is already in the graph.
 */
import { hasCjk } from '../text/normalize.js';
import type { Lexicon } from './lexicon.js';

/** English concepts glossing more Chinese words than this (take, have, up …) are too general to link synonyms. */
export const MAX_CONCEPT_SENSES = 120;
/** Of a concept's Chinese words, the ones glossed most surely by it (a short sense first): bounds the work per word. */
const CANDIDATES_PER_CONCEPT = 40;
/** Below this similarity a word is not offered as a synonym. */
export const MIN_SYNONYM_SIMILARITY = 0.3;

export interface Synonym {
  token: string;
  /** 0–1: the concepts the two words share, weighted by their specificity (cosine over the concept sets). */
  similarity: number;
}

export function synonymsOf(word: string, lexicon: Lexicon, docFreq: (t: string) => number, limit = 4): Synonym[] {
  const concepts = lexicon.concepts(word);
  if (!concepts.length) return [];
  const weightOf = (c: string) => lexicon.englishIdf(c);
  const total = Math.sqrt(concepts.reduce((a, c) => a + weightOf(c) ** 2, 0));
  const shared = new Map<string, number>();
  for (const c of concepts) {
    if (lexicon.senseCount(c) > MAX_CONCEPT_SENSES) continue;
    const w = weightOf(c) ** 2;
    for (const zh of lexicon.chineseTop(c, CANDIDATES_PER_CONCEPT)) if (zh !== word && hasCjk(zh)) shared.set(zh, (shared.get(zh) ?? 0) + w);
  }
  const out: Synonym[] = [];
  for (const [zh, s] of shared) {
    if (!docFreq(zh)) continue;
    const other = Math.sqrt(lexicon.concepts(zh).reduce((a, c) => a + weightOf(c) ** 2, 0));
    const similarity = other && total ? Math.min(1, s / (total * other)) : 0;
    if (similarity >= MIN_SYNONYM_SIMILARITY) out.push({ token: zh, similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity || (a.token < b.token ? -1 : 1)).slice(0, limit);
}
