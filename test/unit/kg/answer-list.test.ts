import { describe, expect, it } from 'vitest';
import { fixtureGraph } from '../../helpers/kg-graph.js';

// The graph of test/fixtures/kg/shipped: its glossary holds 浙里办, 一网通办, 数字政府, 政务云 … (one entry each).
const graph = fixtureGraph('ic-kg-answer-list-');

describe('the answer list', () => {
  it('holds at most one glossary entry: the other places go to passages that say something', async () => {
    const r = await graph.engine.ask('浙里办、一网通办、政务云和数字政府是什么？', 10);
    expect(r.noAnswer).toBe(false);
    const glossary = r.answers.filter((a) => a.citation.passage.startsWith('glossary:'));
    expect(glossary).toHaveLength(1);
    expect(r.answers.length).toBeGreaterThan(1); // the plan's passages about them follow
  });
});
