/**
 * English → Chinese bridge for questions, where no multilingual model is installed: English stems (and two- or
 * three-word phrases) looked up in the lexicon built from CC-CEDICT, the glossary and the catalog's English
 * names; only Chinese words the index actually holds are kept, the most specific first.
 */
import type { GraphStore } from '../store/graph-store.js';
import { englishStems } from '../text/tokenize.js';
import type { Lexicon } from './lexicon.js';

export const BRIDGE_LABEL = 'cc-cedict + glossary + catalog names (en→zh)';

export interface BridgedStem {
  stem: string;
  /** Chinese index tokens standing for it, with weights. */
  zh: { token: string; weight: number }[];
}

export function bridgeQuestion(question: string, lexicon: Lexicon, store: GraphStore, perStem = 4): BridgedStem[] {
  const stems = englishStems(question);
  const out: BridgedStem[] = [];
  // Of a word's dictionary translations, the ones the sources use often are the likely ones (data → 数据, not 资料).
  const score = (token: string, weight: number) => {
    const df = store.docFreq(token);
    return df ? weight * Math.log(1 + df) : 0;
  };
  const pick = (key: string) =>
    lexicon
      .chinese(key)
      .map((c) => ({ token: c.zh, weight: score(c.zh, c.weight) }))
      .filter((c) => c.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, perStem);
  const used = new Set<number>();
  // Phrases first (government cloud → 政务云), then the single words they did not cover.
  for (const len of [3, 2]) {
    for (let i = 0; i + len <= stems.length; i++) {
      if ([...Array(len).keys()].some((j) => used.has(i + j))) continue;
      const key = 'p:' + stems.slice(i, i + len).join(' ');
      const zh = pick(key);
      if (zh.length) {
        out.push({ stem: stems.slice(i, i + len).join(' '), zh: zh.map((z) => ({ ...z, weight: z.weight * 1.5 })) });
        for (let j = 0; j < len; j++) used.add(i + j);
      }
    }
  }
  stems.forEach((s, i) => {
    if (!used.has(i)) out.push({ stem: s, zh: pick(s) });
  });
  return out;
}
