import { describe, expect, it } from 'vitest';
import { asksProcedure, clearsThreshold, NO_ANSWER_THRESHOLDS, refusesAnswer } from '../../../main/node/capabilities/kg/answer/ask.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';

const t = { text: 0.2, catalog: 0.5, glossary: 0.38 };

describe('the no-answer decision on scores', () => {
  it('answers when the best candidate reaches the threshold of its own origin', () => {
    expect(clearsThreshold([{ score: 0.25, origin: 'text' }], t)).toBe(true);
    expect(clearsThreshold([{ score: 0.45, origin: 'catalog' }], t)).toBe(false);
    expect(clearsThreshold([], t)).toBe(false);
  });

  it('does not let a named thing matched in part at the top hide the passage below it that clears its own bar', () => {
    // A glossary term below its (higher) bar, then a plan passage above the text bar: answered.
    expect(clearsThreshold([{ score: 0.33, origin: 'glossary' }, { score: 0.29, origin: 'text' }], t)).toBe(true);
    // The runner-up below its own bar: refused.
    expect(clearsThreshold([{ score: 0.33, origin: 'glossary' }, { score: 0.32, origin: 'catalog' }], t)).toBe(false);
  });

  it('looks no further than the runner-up (a tenth passage reaching the text bar by chance does not answer)', () => {
    const ranked = [{ score: 0.45, origin: 'catalog' as const }, { score: 0.4, origin: 'catalog' as const }, { score: 0.21, origin: 'text' as const }];
    expect(clearsThreshold(ranked, t)).toBe(false);
  });

  it('tells a question asking for a procedure’s facts (how to apply, cost, time) from one asking what the sources say', () => {
    for (const q of ['开饭馆要带什么材料？', '护照办理要多少钱？', '杭州地鐵晚上幾點停運？', '商标注册要多长时间？', '法律援助怎么申请？', '在哪儿办理居住证？', 'How do I register a trademark?', 'What is the fee for a passport?', 'How long does it take?', 'How much is the taxi fare?', '办事大厅周六周日开门吗？', '数据下载要不要交钱？', '怎么扫码付钱？', 'Is the service centre open on Sundays?'])
      expect(asksProcedure(q), q).toBe(true);
    for (const q of ['山上的林子用什么技术来看管？', '政府办事系统出了大故障怎么办？', '以后政府部门会设一个专门管数据的负责人吗？', 'How will woods and forests be watched over?', 'Will officials be punished when a new idea goes wrong?', 'What happens to IT projects that turn out to be a waste of money?', '公共数据会不会免费开放？', 'Will more government data be open on the public platform?', '数字经济核心产业增加值占比怎么算？'])
      expect(asksProcedure(q), q).toBe(false);
  });

  it('gives a text passage a lower bar when the question does not ask for a procedure, a named thing the same bar', () => {
    const thresholds = { ...t, reachable: 0.05, topicText: 0.12 };
    const f = { best: 0.15, origin: 'text' as const, runnerUp: null, named: false, reachable: 0.5 };
    expect(refusesAnswer({ ...f, procedure: false }, thresholds)).toBe(false);
    expect(refusesAnswer({ ...f, procedure: true }, thresholds)).toBe(true);
    const partName = { ...f, best: 0.3, origin: 'catalog' as const };
    expect(refusesAnswer({ ...partName, procedure: false }, thresholds)).toBe(true);
    expect(refusesAnswer({ ...partName, procedure: true }, thresholds)).toBe(true);
    // Reachability still applies.
    expect(refusesAnswer({ ...f, procedure: false, reachable: 0 }, thresholds)).toBe(true);
  });
});

// The graph of test/fixtures/kg/shipped: a plan excerpt (its passage on the platform's centres speaks of 支付 and
// 统一), three catalog items.
const graph = fixtureGraph('ic-kg-no-answer-');

describe('the no-answer decision on the graph', () => {
  it('answers a procedure question from the plan only as well matched as a catalog item must be; a topic question at its lower bar', async () => {
    expect(NO_ANSWER_THRESHOLDS.text).toBe(NO_ANSWER_THRESHOLDS.catalog);
    // The plan says what the platform is to offer, not what paying through it costs.
    const cost = await graph.engine.ask('统一公共支付平台交费要多少钱？', 3);
    expect(cost.noAnswer).toBe(true);
    const best = (await graph.engine.ask('统一公共支付平台交费要多少钱？', 3, { threshold: 0 })).answers[0]!;
    expect(best.citation.passage).toMatch(/^plan/);
    expect(best.score).toBeGreaterThan(NO_ANSWER_THRESHOLDS.topicText); // a topic question this close would be answered
    const topic = await graph.engine.ask('统一公共支付平台有什么用？', 3);
    expect(topic.noAnswer).toBe(false);
    expect(topic.answers[0]!.citation.passage).toBe(best.citation.passage);
  });
});
