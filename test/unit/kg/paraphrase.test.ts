import { describe, expect, it } from 'vitest';
import type { AnswerFeatures } from '../../../main/node/capabilities/kg/answer/ask.js';
import { NO_ANSWER_THRESHOLDS } from '../../../main/node/capabilities/kg/answer/ask.js';
import { americanSpelling } from '../../../main/node/capabilities/kg/retrieval/bridge.js';
import { MorphemeIndex } from '../../../main/node/capabilities/kg/retrieval/morphemes.js';
import { synonymsOf } from '../../../main/node/capabilities/kg/retrieval/synonyms.js';
import { normalizeText } from '../../../main/node/capabilities/kg/text/normalize.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';

// The graph of test/fixtures/kg/shipped (a plan excerpt holding 老年人、殘疾人 and 跨省通辦, three catalog items).
const graph = fixtureGraph('ic-kg-para-');
const norm = (s: string) => normalizeText(s).replace(/\s+/g, '');

async function askWithFeatures(q: string) {
  let features: AnswerFeatures | undefined;
  const r = await graph.engine.ask(q, 3, { onBest: (_s, f) => (features = f) });
  return { r, features: features! };
}

describe('paraphrases and the no-answer decision', () => {
  it('reads the index vocabulary (for shared morphemes) once across questions, not once per question', async () => {
    const db = graph.engine.store.db;
    const prepare = db.prepare.bind(db);
    let vocabularyReads = 0;
    db.prepare = ((sql: string) => {
      if (/SELECT term FROM passages_vocab\b/.test(sql)) vocabularyReads++;
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      for (const q of ['老人不会用手机办事怎么办？', '人在外省能不能办事？', '林子怎么看管？']) await graph.engine.ask(q, 3);
      expect(vocabularyReads).toBeLessThanOrEqual(1);
    } finally {
      db.prepare = prepare;
    }
  });

  it('finds dictionary near-synonyms the graph holds for a word it lacks (残障 → 残疾, 线上 → 在线)', () => {
    const inIndex = (t: string) => (graph.engine.morphemes().has(t) ? 1 : 0);
    expect(graph.engine.store.docFreq('残障')).toBe(0);
    expect(synonymsOf('残障', graph.engine.lexicon, inIndex).map((s) => s.token)).toContain('残疾');
    const online = synonymsOf('线上', graph.engine.lexicon, inIndex);
    expect(online.map((s) => s.token)).toContain('在线');
    for (const s of online) expect(inIndex(s.token)).toBe(1);
    // A word without glosses in common with the graph's words has none.
    expect(synonymsOf('起步价', graph.engine.lexicon, inIndex)).toEqual([]);
  });

  it('links words by shared, weighted morphemes and leaves common suffixes out of the weight', () => {
    const m = new MorphemeIndex(['老年人', '房屋', '住房', '孩子', '电子', 'cloud', '云']);
    expect(m.has('cloud') && m.has('云')).toBe(true);
    const weight = (c: string) => ({ 子: 0.5, 人: 0.5 })[c as '子'] ?? 5;
    expect(m.neighbours('老人', weight, 0.3, 4).map((n) => n.token)).toEqual(['老年人']);
    const house = m.neighbours('房子', weight, 0.3, 4);
    expect(house.map((n) => n.token).slice(0, 2).sort()).toEqual(['住房', '房屋']);
    // 孩子 and 电子 share only the light suffix 子 with 房子.
    expect(house.map((n) => n.token)).not.toContain('孩子');
  });

  it('weighs question filler below content words by general-language frequency, in both languages', () => {
    expect(graph.engine.lexicon.generalIdf('怎么')).toBeLessThan(graph.engine.lexicon.generalIdf('商标'));
    expect(graph.engine.lexicon.generalIdf('不会')).toBeLessThan(graph.engine.lexicon.generalIdf('地铁'));
    expect(graph.engine.lexicon.englishIdf('get')).toBeLessThan(graph.engine.lexicon.englishIdf('taxi'));
    expect(graph.engine.lexicon.charIdf('子')).toBeLessThan(graph.engine.lexicon.charIdf('旱'));
  });

  it('answers a Chinese paraphrase that shares no content word with its passage', async () => {
    const { r } = await askWithFeatures('残障人士和上了年纪的人有什么照顾？');
    expect(r.noAnswer).toBe(false);
    expect(r.answers.some((a) => norm(a.text).includes('老年人、残疾人'))).toBe(true);
  });

  it('reads British spellings through the American glosses of the dictionary', () => {
    expect(americanSpelling('neighbours in the city centre need a licence for the programme')).toBe('neighbors in the city center need a license for the program');
    for (const w of ['hour', 'four', 'your', 'tour', 'are', 'exercise', 'promise']) expect(americanSpelling(w)).toBe(w);
  });

  it('refuses a question mostly about things no source mentions, however well a passage covers the rest', async () => {
    // 火星上的天气: 天气 has a stand-in (气象, which the plan monitors) but 火星 only weak morpheme neighbours.
    for (const q of ['杭州地铁末班车几点？', 'How much is a taxi from the airport to the city?', '火星上的天气怎么样？']) {
      const { r, features } = await askWithFeatures(q);
      expect(r.noAnswer, q).toBe(true);
      expect(features.absentGeneral, q).toBeGreaterThan(7); // 地铁 / taxi / 火星: content words the graph has no word for
    }
    const { features } = await askWithFeatures('杭州地铁末班车几点？');
    expect(features.reachable).toBeLessThan(NO_ANSWER_THRESHOLDS.reachable);
  });
});
