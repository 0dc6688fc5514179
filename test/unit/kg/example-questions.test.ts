import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleQuestions, writeExampleQuestions } from '../../../main/node/capabilities/kg/ingest/example-questions.js';
import { buildBase, KgEngine } from '../../../main/node/capabilities/kg/kg-engine.js';
import { fixtureShippedRoot } from '../../helpers/kg-graph.js';
import { cleanupTempDirs, tempDir } from '../../helpers/temp.js';

// The fixture graph (test/fixtures/kg/shipped) with example questions beside it, and the same graph without them.
// Passage p11 of the fixture plan is 提升長三角“一網通辦”政務服務能力 … 打造國家“跨省通辦”标杆; p19 is 建立網絡安全等級保護 …
// 對金融、能源、電力、通信、交通 … (network security of key infrastructure).
const PLAN_HEAD = 'passage\tstarts\tquestion\n';
const PLAN_ROWS =
  'plan-excerpt#p11\t提升長三角\t我在上海上班，户口在浙江，能不能不跑回去就把手续办了？\n' +
  'plan-excerpt#p19\t建立網絡安全\t黑客要是攻击电网、水厂这些要害系统，政府怎么防？\n' +
  'plan-excerpt#p19\t建立網絡安全\tHow will power grids and water plants be protected from hackers?\n' +
  'plan-excerpt#p14\t有序發展\tWill the data centres of the provincial cloud be green?\n';

function shippedWith(questions: Record<string, string>): string {
  const root = tempDir('ic-kg-examples-root-');
  fs.cpSync(fixtureShippedRoot, root, { recursive: true });
  fs.mkdirSync(path.join(root, 'questions'));
  for (const [name, text] of Object.entries(questions)) fs.writeFileSync(path.join(root, 'questions', name), text);
  return root;
}

async function open(root: string): Promise<KgEngine> {
  const baseDir = tempDir('ic-kg-examples-base-');
  await buildBase(root, baseDir);
  return KgEngine.open({ dataDir: tempDir('ic-kg-examples-data-'), shippedRoot: root, baseDir });
}

let withExamples: KgEngine;
let without: KgEngine;
beforeAll(async () => {
  withExamples = await open(shippedWith({ 'plan.tsv': PLAN_HEAD + PLAN_ROWS }));
  without = await open(fixtureShippedRoot);
}, 120_000);
afterAll(() => {
  withExamples?.close();
  without?.close();
  cleanupTempDirs();
});

const passages = (r: { answers: { citation: { passage: string } }[] }) => r.answers.map((a) => a.citation.passage.split(':')[1]);

describe('example questions (knowledge-graph/questions/)', () => {
  it('reads the rows, and fails the build on a malformed row with its file and line', () => {
    const ex = readExampleQuestions(path.join(shippedWith({ 'plan.tsv': PLAN_HEAD + PLAN_ROWS }), 'questions'));
    expect(ex[0]).toEqual({ plan: 'plan-excerpt', passage: 'p11', starts: '提升長三角', question: '我在上海上班，户口在浙江，能不能不跑回去就把手续办了？', line: 2 });
    expect(ex).toHaveLength(4);
    expect(readExampleQuestions(tempDir('ic-kg-examples-none-'))).toEqual([]);

    const cases: [string, RegExp][] = [
      ['passage\tquestion\n', /plan\.tsv:1: the header/],
      [PLAN_HEAD + 'plan-excerpt#p11\t提升長三角\n', /plan\.tsv:2: 3 tab-separated cells/],
      [PLAN_HEAD + 'plan-excerpt#p11\t\t能办吗\n', /plan\.tsv:2: an empty cell/],
      [PLAN_HEAD + PLAN_ROWS + 'p11\t提升長三角\t能办吗\n', /plan\.tsv:6: a passage is "<plan file name without \.txt>#p<number>"/],
    ];
    for (const [text, error] of cases) expect(() => readExampleQuestions(path.join(shippedWith({ 'plan.tsv': text }), 'questions')), text).toThrow(error);
  });

  it('refuses to attach a question to a passage that moved, or to a missing plan or passage', async () => {
    // Through the build once (the shipped base fails), then the row checks on their own.
    const moved = /plan\.tsv:2: passage p12 of plan-excerpt starts "加強線上線下業務融合,以", not "提升長三角" \(did the plan or its splitter change\?\)/;
    await expect(buildBase(shippedWith({ 'plan.tsv': PLAN_HEAD + 'plan-excerpt#p12\t提升長三角\t能办吗\n' }), tempDir('ic-kg-examples-bad-'))).rejects.toThrow(moved);
    const store = without.store;
    const plan = store.sources().find((s) => s.kind === 'plan')!.id;
    const where = (p: string) => (p === 'plan-excerpt' ? plan : undefined);
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'plan.tsv': PLAN_HEAD + 'another-plan#p1\t根據\t能办吗\n' }, /plan\.tsv:2: no shipped plan sources\/another-plan\.txt/],
      [{ 'plan.tsv': PLAN_HEAD + 'plan-excerpt#p999\t根據\t能办吗\n' }, /plan\.tsv:2: plan-excerpt has no passage p999/],
    ];
    for (const [files, error] of cases) {
      const dir = path.join(shippedWith(files), 'questions');
      expect(() => writeExampleQuestions(store, dir, readExampleQuestions(dir), where), JSON.stringify(files)).toThrow(error);
    }
    expect(store.exampleQuestions()).toEqual([]);
  });

  it("finds a passage by its examples' words where the passage itself does not use them, in Chinese and English", async () => {
    const zh = '在上海上班的人，不跑回浙江能把手续办了吗？';
    expect(passages(await without.ask(zh, 3))).not.toContain('p11');
    const a = await withExamples.ask(zh, 3);
    expect(passages(a)[0]).toBe('p11');
    // The answer says which example question found it; an answer its own words found says none.
    expect(a.answers[0]!.matchedExample).toBe('我在上海上班，户口在浙江，能不能不跑回去就把手续办了？');
    expect((await withExamples.ask('“浙里办”全面覆盖哪些办事需求？', 3)).answers[0]!.matchedExample).toBeUndefined();
    expect(a.engine.lexical).toContain('example questions');
    expect([withExamples.stats().exampleQuestions, without.stats().exampleQuestions]).toEqual([4, 0]);

    const en = 'What stops hackers from attacking the power grid?';
    expect((await without.ask(en, 3)).noAnswer).toBe(true);
    expect(passages(await withExamples.ask(en, 3))[0]).toBe('p19');
  });

  it('matches British and American spellings between a question and an example', async () => {
    // The example says "data centres"; p14's own text is Chinese (數據中心): a question in American spelling finds it.
    const store = withExamples.store;
    const p14 = store.passage(`${store.sources().find((s) => s.kind === 'plan')!.id}:p14`)!;
    const tokens = store.exampleQuestions().filter((e) => e.rid === p14.rid).flatMap((e) => e.tokens);
    expect(tokens).toEqual(expect.arrayContaining(['centr', 'center', 'green']));
  });

  it('does not count an example that shares a single word with the question (chance, not the same question)', async () => {
    // 电网 is in p19's example (黑客要是攻击电网 …), not in p19; the grid company's ownership is another question.
    const r = await withExamples.ask('电网公司是国企吗？', 3);
    expect(passages(r)).not.toContain('p19');
  });

  it("goes with its passage's source: kept when the shipped part is re-synced beside a user's document, gone with the plan", async () => {
    // A data folder with a document of its own, reopened on a newer base (the shipped sources changed): the shipped
    // part is copied in again (syncShipped), the document stays, and so do the examples.
    const root = shippedWith({ 'plan.tsv': PLAN_HEAD + PLAN_ROWS });
    const dataDir = tempDir('ic-kg-examples-sync-');
    const first = tempDir('ic-kg-examples-base1-');
    await buildBase(root, first);
    let engine = await KgEngine.open({ dataDir, shippedRoot: root, baseDir: first });
    const doc = path.join(tempDir(), '须知.md');
    fs.writeFileSync(doc, '# 须知\n\n第九窗口受理无人机飞行申报。\n');
    await engine.addDocument(doc);
    engine.close();
    fs.appendFileSync(path.join(root, 'glossary', 'glossary.tsv'), '无人机\tdrone\t\tdevice\t\n');
    const second = tempDir('ic-kg-examples-base2-');
    await buildBase(root, second);
    engine = await KgEngine.open({ dataDir, shippedRoot: root, baseDir: second });
    try {
      expect(engine.store.sources().some((s) => s.name === '须知.md')).toBe(true);
      expect(engine.store.exampleQuestions()).toHaveLength(4);
      expect(passages(await engine.ask('在上海上班的人，不跑回浙江能把手续办了吗？', 3))[0]).toBe('p11');
      const plan = engine.store.sources().find((s) => s.kind === 'plan')!;
      engine.store.removeSource(plan.id);
      expect(engine.store.exampleQuestions()).toEqual([]);
      expect(engine.store.db.prepare('SELECT COUNT(*) FROM example_questions').pluck().get()).toBe(0);
    } finally {
      engine.close();
    }
  }, 120_000);
});
