import { describe, expect, it } from 'vitest';
import { NO_ANSWER_THRESHOLDS } from '../../../main/node/capabilities/kg/answer/ask.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';

// The graph of test/fixtures/kg/shipped: its catalog holds company registration, food business licence and marriage
// registration, no individual business (个体户) item.
const graph = fixtureGraph('ic-kg-closest-');

describe('the closest passages of a question with no answer', () => {
  it('lists what came closest — one per service item, at least half their bar — and no answers', async () => {
    const r = await graph.engine.ask('办个体户要多少钱？', 3);
    expect(r.noAnswer).toBe(true);
    expect(r.answers).toEqual([]);
    const closest = r.closest ?? [];
    expect(closest.length).toBeGreaterThan(0);
    expect(closest.length).toBeLessThanOrEqual(3);
    expect(closest[0]!.citation.passage).toMatch(/^catalog:/); // the registration items come first
    for (const c of closest) {
      // 多少钱 asks for a procedure's facts: a text passage's bar is the full text bar.
      const bar = c.citation.passage.startsWith('catalog:') ? NO_ANSWER_THRESHOLDS.catalog : c.citation.passage.startsWith('glossary:') ? NO_ANSWER_THRESHOLDS.glossary : NO_ANSWER_THRESHOLDS.text;
      // Below the bar, or below the best two that decided it (the decision looks no further than the runner-up).
      expect(c.score).toBeLessThan(NO_ANSWER_THRESHOLDS.catalog);
      expect(c.score).toBeGreaterThanOrEqual(bar * 0.5);
    }
    const items = closest.map((c) => c.text.split('（')[0]);
    expect(new Set(items).size).toBe(items.length);
  });

  it('lists none when the graph holds next to nothing of the question, and none beside real answers', async () => {
    for (const q of ['火星上的天气怎么样？', '杭州地铁末班车几点？']) {
      const r = await graph.engine.ask(q, 3);
      expect(r.noAnswer, q).toBe(true);
      expect(r.closest, q).toBeUndefined();
    }
    const answered = await graph.engine.ask('开饭馆要带什么材料？', 3);
    expect(answered.noAnswer).toBe(false);
    expect(answered.closest).toBeUndefined();
  });
});
