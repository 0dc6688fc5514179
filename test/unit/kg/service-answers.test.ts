import { describe, expect, it } from 'vitest';
import { serviceOfMaterial } from '../../../main/node/capabilities/kg/answer/ask.js';
import { clausesOf, namesBySense, namesByTopic, namesByWords } from '../../../main/node/capabilities/kg/answer/service-names.js';
import { tokenize } from '../../../main/node/capabilities/kg/text/tokenize.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';

// The graph of test/fixtures/kg/shipped: three catalog items (company establishment, food business licence,
// marriage registration) with their materials, beside a plan excerpt and a glossary.
const graph = fixtureGraph('ic-kg-svc-');

const entityOf = (passageId: string) => graph.engine.store.passage(passageId)?.entityId ?? null;

describe('service answers', () => {
  it('names a service by the words of one of its names, apart or reordered, but not by a name missing a one-character part', () => {
    // 公司注册 (an everyday name of company establishment) split by other words, and reordered.
    expect(namesByWords(new Set(tokenize('我的公司想在杭州注册，要带什么？')), '公司注册')).toBe(true);
    expect(namesByWords(new Set(tokenize('注册一个公司要多久')), '公司注册')).toBe(true);
    // Only one of its words: not named.
    expect(namesByWords(new Set(tokenize('公司搬家了怎么办')), '公司注册')).toBe(false);
    // 取公积金: 取 is a part of the name no two-character word holds, so 公积金贷款 does not name it.
    expect(namesByWords(new Set(tokenize('公积金贷款最高能贷多少？')), '取公积金')).toBe(false);
    // 身份证过期: its smallest parts (身份, 过期) leave 证 out; 身份证 and 过期 cover it, and name it apart.
    expect(namesByWords(new Set(tokenize('身份证还有两个多月才过期，能提前换吗？')), '身份证过期')).toBe(true);
    expect(namesByWords(new Set(tokenize('身份证还有两个多月才到期')), '身份证过期')).toBe(false);
    // A one-word name names only as a whole (namesService), never by this rule.
    expect(namesByWords(new Set(tokenize('公司章程怎么写')), '公司')).toBe(false);
  });

  it('names a service by a verb + object name said object first, the verb later in the same clause', async () => {
    expect(namesByTopic(clausesOf('被公司辞退了，失业金要交满多久的保险才能领？'), '领失业金')).toBe(true);
    expect(namesByTopic(clausesOf('孩子才十岁，社保卡能不能我们当家长的帮他去办？'), '办社保卡')).toBe(true);
    // The verb in another clause, or before the object (namesService's order), or a name that is no verb + object.
    expect(namesByTopic(clausesOf('失业金的事，我去领导那里问了'), '领失业金')).toBe(false);
    // The verb must be a word of its own, not a character of another word (开发 is not 开).
    expect(namesByTopic(clausesOf('政府手里的数据会不会交给外面的公司去开发？'), '开公司')).toBe(false);
    expect(namesByTopic(clausesOf('失业金能不能让家里人代领？'), '领失业金')).toBe(true);
    expect(namesByTopic(clausesOf('失业金我上个月领了'), '领失业金')).toBe(true);
    expect(namesByTopic(clausesOf('失业金领了还能交医保吗'), '领失业金')).toBe(true); // jieba cuts 失业/金领/了
    expect(namesByTopic(clausesOf('失业金我去找领导问了'), '领失业金')).toBe(false);
    // A verb that only describes the thing (…的) does not name it.
    expect(namesByTopic(clausesOf('公司开的发票能报销吗？'), '开公司')).toBe(false);
    expect(namesByTopic(clausesOf('牌照上的字掉了怎么办'), '上牌照')).toBe(false);
    expect(namesByTopic(clausesOf('领了失业金还能交医保吗'), '领失业金')).toBe(false);
    expect(namesByTopic(clausesOf('公司注册要多久'), '公司注册')).toBe(false);
    // 领结婚证 (an alias of marriage registration) said object first: the item is named, its facts answer.
    const r = await graph.engine.ask('结婚证能代领吗？', 3);
    expect(r.noAnswer).toBe(false);
    expect(entityOf(r.answers[0]!.citation.passage)).toBe('service:marriage-registration');
    expect(r.answers[0]!.score).toBe(1);
    expect(r.answers[0]!.facts).toBeDefined();
  });

  it('names a service by any of its aliases while its facts passage shows the first few', async () => {
    // 成立公司 is company establishment's 11th alias: not in the answer's text, still its name.
    const r = await graph.engine.ask('成立公司要带什么材料？', 3);
    expect(entityOf(r.answers[0]!.citation.passage)).toBe('service:company-establishment');
    expect(r.answers[0]!.score).toBe(1);
    const shown = /又称：([^。]*)。/.exec(r.answers[0]!.text)![1]!;
    expect(shown.endsWith('等')).toBe(true);
    expect(shown.split('、')).toHaveLength(8);
    expect(shown).not.toContain('成立公司');
  });

  it('names a service by an English name whose other words the question says with words of the same sense', async () => {
    const zh: Record<string, string[]> = { check: ['检查'], inspect: ['检查'], build: ['建筑', '建设'], construct: ['建设', '施工'], allow: ['允许', '许可'], permit: ['许可'] };
    const sense = (stem: string) => new Set(zh[stem] ?? []);
    const stems = (q: string) => tokenize(q).filter((t) => !/[\u4e00-\u9fff]/.test(t));
    expect(namesBySense(stems('Is there a fire check before we can open?'), 'fire inspection before opening', sense)).toBe(true);
    // One word of the question stands for one word of the name: build is not both building and construction.
    expect(namesBySense(stems('Will businesses be allowed to build products on government data?'), 'building construction permit', sense)).toBe(false);
    expect(namesBySense(stems('Are we allowed to start building?'), 'permit to start construction', sense)).toBe(true);
    // At least one word said as it is.
    expect(namesBySense(stems('Is there a check?'), 'fire inspection', sense)).toBe(false);
    // Through the graph's own dictionary: firm for company.
    const r = await graph.engine.ask('How can I register my firm?', 3);
    expect(entityOf(r.answers[0]!.citation.passage)).toBe('service:company-establishment');
    expect(r.answers[0]!.score).toBe(1);
    expect((await graph.engine.ask('How can I register my dog?', 3)).answers.every((a) => a.score < 1)).toBe(true);
  });

  it('names a service by the words of an English name, with other words between them', async () => {
    // "Start a business" (an English alias of company establishment) with "small" between its words; the name's
    // words are told apart by its spaces (its key, spaces removed, is one run of letters).
    expect(namesByWords(new Set(tokenize('We want to start a small business, what do we bring?')), 'start a business')).toBe(true);
    expect(namesByWords(new Set(tokenize('We want to start a small business, what do we bring?')), 'startabusiness')).toBe(false);
    const r = await graph.engine.ask('We want to start a small business. What do we need to bring?', 3);
    expect(r.noAnswer).toBe(false);
    expect(r.answers[0]?.facts?.id).toBe('company-establishment');
  });

  it('answers a question naming a service by its words apart with the item’s facts first', async () => {
    // 公司 … 注册: the name 公司注册 with a place between its words (no answer before: the rest of the question is
    // about a place and a time the sources do not hold).
    const r = await graph.engine.ask('公司在萧山注册要几天？', 3);
    expect(r.noAnswer).toBe(false);
    expect(r.answers[0]?.facts?.id).toBe('company-establishment');
  });

  it('lists one material of a service item among the answers, with the item’s facts (which hold them all) next', async () => {
    // Four ID-card materials of marriage registration match alike; three of them would fill the top 3.
    const r = await graph.engine.ask('结婚登记要带男方和女方的居民身份证人像面和国徽面吗？', 3);
    const entities = r.answers.map((a) => entityOf(a.citation.passage));
    const materials = entities.filter((e) => serviceOfMaterial(e) === 'service:marriage-registration');
    expect(materials.length).toBe(1);
    expect(r.answers.some((a) => a.facts?.id === 'marriage-registration')).toBe(true);
  });
});
