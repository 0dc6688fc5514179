import { describe, expect, it } from 'vitest';
import { asksProcedure, asksQuantity, clearsThreshold, NO_ANSWER_THRESHOLDS, refusesAnswer, statesQuantity } from '../../../main/node/capabilities/kg/answer/ask.js';
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

  it('tells a question asking how many or how much, and a passage stating a number', () => {
    for (const q of ['“浙里办”现在有多少注册用户？', '首席数据官每个月工资多少？', '要建几个数据中心？', '这套方案管几年？', 'How many data centres will be built?', 'How much is a chief data officer paid?'])
      expect(asksQuantity(q), q).toBe(true);
    // Which ones, a time, a cost (only the catalog's facts answer 多少钱): no number asked for.
    // Which ones, a time, several, somewhat, a degree, a cost (only the catalog's facts answer 多少钱): no number asked for.
    for (const q of ['到2025年要形成哪几个体系？', '过几年在手机上办事会不会顺手很多？', '几年后会怎样？', '我跑了好几次都没办成，政府打算怎么改？', '政府多少会管管数据安全吧？', '护照办理要多少钱？', 'How will data be shared?', 'How much will the plan help small businesses?', 'How much does the government care about data security?'])
      expect(asksQuantity(q), q).toBe(false);
    for (const t of ['规划期限为2021—2025年', '加强六大能力中心建设', '设立三个窗口', '覆盖率达到百分之九十', 'three data centres']) expect(statesQuantity(t), t).toBe(true);
    for (const t of ['“浙里办”全面覆盖群众和企业办事需求', '推进一体化平台建设', '形成一张图', 'often shared']) expect(statesQuantity(t), t).toBe(false);
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

  it('does not answer how many or how much from a passage that states no number, nor from a glossary term', async () => {
    // The plan's 浙裏辦 passage says what the app covers, not how many use it.
    const count = await graph.engine.ask('“浙里办”现在有多少注册用户？', 3);
    expect(count.answers.some((a) => a.text.includes('浙裏辦'))).toBe(false);
    const topic = await graph.engine.ask('“浙里办”现在覆盖哪些办事需求？', 3);
    expect(topic.answers[0]!.text).toContain('浙裏辦');
    // A number the passage does state still answers (规划期限为2021—2025年).
    const years = await graph.engine.ask('规划期限是几年？', 3);
    expect(years.answers.some((a) => a.text.includes('2021—2025'))).toBe(true);
  });
});
