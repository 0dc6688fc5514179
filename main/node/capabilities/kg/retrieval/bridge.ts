/**
 * English → Chinese bridge for questions, where no multilingual model is installed: English stems (and two- or
 * three-word phrases) looked up in the lexicon built from CC-CEDICT, the glossary and the catalog's English
 * names; only Chinese words the index actually holds are kept, the most specific first.
 */
import type { GraphStore } from '../store/graph-store.js';
import { englishStems } from '../text/tokenize.js';
import type { Lexicon } from './lexicon.js';

export const BRIDGE_LABEL = 'cc-cedict + glossary + catalog names + everyday words (en→zh)';

export interface BridgedStem {
  stem: string;
  /** Chinese index tokens standing for it, with weights. */
  zh: { token: string; weight: number }[];
  /** The American spelling of a one-word British stem (neighbour → neighbor): the dictionary's form, for its weight and concepts. */
  american?: string;
}

/**
 * British spellings in American form (neighbour → neighbor, centre → center, licence → license, programme →
 * program, catalogue → catalog): CC-CEDICT glosses in American English. Endings only, with the short common words
 * that merely look alike left alone.
 */
export function americanSpelling(text: string): string {
  return text.replace(/[A-Za-z]+/g, (w) => {
    const l = w.toLowerCase();
    if (l.length < 5) return w;
    if (/(?<![hfyst])our(s|ed|ing|ful|hood|ly)?$/.test(l) && !/^(devour|flour|detour|contour|amour|paramour)/.test(l)) return l.replace(/our(s|ed|ing|ful|hood|ly)?$/, 'or$1');
    if (/[^aeiou]tre(s|d)?$/.test(l)) return l.replace(/tre(s|d)?$/, 'ter$1');
    if (/(lic|def|off|pret)ence(s|d)?$/.test(l)) return l.replace(/ence(s|d)?$/, 'ense$1');
    if (/(catal|dial|anal)ogue(s)?$/.test(l)) return l.replace(/ogue(s)?$/, 'og$1');
    if (/programme(s|d)?$/.test(l)) return l.replace(/programme/, 'program');
    if (/(organ|recogn|real|util|minim|maxim|modern|digit|author|priorit|categor|standard|special|central|mobil|optim)is(e|es|ed|ing|ation|ations)$/.test(l)) return l.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
    return w;
  });
}

export function bridgeQuestion(question: string, lexicon: Lexicon, store: GraphStore, perStem = 4): BridgedStem[] {
  // A number the sources lack is a detail of the asker's case ("she is 85"), not a topic: it is no question word (it
  // would weigh as a rare one). A number they hold (2035, a year of the plan) may say which passage is meant.
  const words = (text: string) => englishStems(text).filter((s) => !/^\d/.test(s) || store.docFreq(s) > 0);
  const stems = words(question);
  const us = words(americanSpelling(question));
  const american = new Map(us.length === stems.length ? stems.map((s, i) => [s, us[i]!] as const).filter(([a, b]) => a !== b) : []);
  const out: BridgedStem[] = [];
  // The American form of a key when the dictionary lacks the British one.
  const lookup = (key: string) => {
    const rows = lexicon.chinese(key);
    if (rows.length || !american.size) return rows;
    const alt = key.startsWith('p:') ? 'p:' + key.slice(2).split(' ').map((s) => american.get(s) ?? s).join(' ') : american.get(key);
    return alt && alt !== key ? lexicon.chinese(alt) : rows;
  };
  const pick = (key: string) => likeliest(lookup(key), store, perStem);
  const used = new Set<number>();
  // Phrases first (government cloud → 政务云), then the single words they did not cover. Of overlapping phrases of one
  // length the more specific wins (data centre → 数据中心 over government data → 公共数据 in "government data centres"):
  // the one whose best translation the sources use least, whatever comes first in the sentence.
  for (const len of [3, 2]) {
    const found: { i: number; zh: { token: string; weight: number }[]; df: number }[] = [];
    for (let i = 0; i + len <= stems.length; i++) {
      const zh = pick('p:' + stems.slice(i, i + len).join(' '));
      if (zh.length) found.push({ i, zh, df: store.docFreq(zh[0]!.token) });
    }
    for (const { i, zh } of found.sort((a, b) => a.df - b.df || a.i - b.i)) {
      if ([...Array(len).keys()].some((j) => used.has(i + j))) continue;
      out.push({ stem: stems.slice(i, i + len).join(' '), zh: zh.map((z) => ({ ...z, weight: z.weight * 1.5 })) });
      for (let j = 0; j < len; j++) used.add(i + j);
    }
  }
  stems.forEach((s, i) => {
    if (!used.has(i)) out.push({ stem: s, zh: pick(s), ...(american.has(s) ? { american: american.get(s)! } : {}) });
  });
  return out;
}

/**
 * Of a word's dictionary translations, the `n` the sources use most (data → 数据, not 资料): the dictionary's weight
 * times log(1 + passages holding it); words the index lacks are dropped.
 */
function likeliest(rows: readonly { zh: string; weight: number }[], store: GraphStore, n: number): { token: string; weight: number }[] {
  return rows
    .map((c) => {
      const df = store.docFreq(c.zh);
      return { token: c.zh, weight: df ? c.weight * Math.log(1 + df) : 0 };
    })
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, n);
}

/**
 * The `n` likeliest Chinese translations of one English stem, as bridgeQuestion weighs them (without its
 * British-spelling fallback). The engine caches them (KgEngine.likelyTranslations) until the graph changes.
 */
export function likelyTranslations(stem: string, lexicon: Lexicon, store: GraphStore, n: number): Set<string> {
  return new Set(likeliest(lexicon.chinese(stem), store, n).map((c) => c.token));
}
