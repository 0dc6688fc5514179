import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../main/node/capabilities/kg/ingest/plan.js';
import { readThesaurus } from '../../../main/node/capabilities/kg/ingest/thesaurus.js';
import { bridgeQuestion } from '../../../main/node/capabilities/kg/retrieval/bridge.js';
import { entryCovers, everydayIn, officialToken } from '../../../main/node/capabilities/kg/retrieval/everyday-words.js';
import { normalizeKey } from '../../../main/node/capabilities/kg/text/normalize.js';
import { fixtureGraph } from '../../helpers/kg-graph.js';
import { repoRoot, tempDir } from '../../helpers/temp.js';

// The fixture graph's thesaurus (test/fixtures/kg/shipped/thesaurus): 老赖 → 信用|监管; handouts → 惠企政策, deadbeat → 信用,
// government data → 数据, data privacy → 隐私.
const graph = fixtureGraph('ic-kg-everyday-');

function thesaurusDir(zh: string, en?: string): string {
  const dir = tempDir('ic-thesaurus-');
  fs.writeFileSync(path.join(dir, 'zh.tsv'), zh);
  if (en !== undefined) fs.writeFileSync(path.join(dir, 'en.tsv'), en);
  return dir;
}
const HEAD = 'everyday\tofficial\tnote\n';

describe('the everyday-words thesaurus', () => {
  it('reads both files, normalises both sides and splits official words on |', () => {
    const t = readThesaurus(thesaurusDir(HEAD + '回老家\t戶籍地|异地\t\n', HEAD + 'Red  Tape\t证明事项\tbureaucracy\n'));
    expect(t.zh).toEqual([{ everyday: '回老家', official: ['户籍地', '异地'] }]);
    expect(t.en).toEqual([{ everyday: 'red tape', official: ['证明事项'] }]);
    expect(t.files.map((f) => path.basename(f))).toEqual(['zh.tsv', 'en.tsv']);
    expect(readThesaurus(tempDir('ic-thesaurus-none-'))).toEqual({ zh: [], en: [], files: [] });
  });

  it('fails the build on a malformed row, naming the file and line', () => {
    const cases: [string, RegExp][] = [
      ['everyday\tofficial\n老家\t户籍地\n', /zh\.tsv:1: the header/],
      [HEAD + '老家\t户籍地\n', /zh\.tsv:2: 3 tab-separated cells/],
      [HEAD + '老家\t户籍地\t\n吐槽\t\t\n', /zh\.tsv:3: the everyday word and at least one official word/],
      [HEAD + 'hometown\t户籍地\t\n', /zh\.tsv:2: a Chinese everyday word/],
      [HEAD + '老家\tregistered residence\t\n', /zh\.tsv:2: official words are the Chinese words/],
      [HEAD + '老家\t户籍地\t\n老家\t异地\t\n', /zh\.tsv:3: "老家" is listed twice/],
    ];
    for (const [zh, error] of cases) expect(() => readThesaurus(thesaurusDir(zh)), zh).toThrow(error);
    expect(() => readThesaurus(thesaurusDir(HEAD, HEAD + '老家\t户籍地\t\n'))).toThrow(/en\.tsv:2: an English everyday word/);
  });

  it('finds the everyday words of a question and the question words they speak for', () => {
    const entries = [
      { everyday: '老家', official: ['户籍地'] },
      { everyday: '不回老家', official: ['异地'] },
      { everyday: '吐槽', official: ['投诉'] },
    ];
    expect(everydayIn(normalizeKey('人在外地，不回老家能办吗？'), entries).map((e) => e.everyday)).toEqual(['不回老家', '老家']);
    expect(everydayIn(normalizeKey('怎么投诉？'), entries)).toEqual([]);
    expect(entryCovers(entries[1]!, '老家')).toBe(true); // a word of the phrase
    expect(entryCovers(entries[1]!, '回')).toBe(false); // not a single character of it
    expect(entryCovers(entries[2]!, '吐槽声')).toBe(true); // a word holding it
  });

  it('stands an official word for the index word that holds it, or for its rarest part when that part is rare', () => {
    const df: Record<string, number> = { 信用: 3, 首席: 1, 数据: 40, 官: 2, 政府: 26 };
    const docFreq = (t: string) => df[t] ?? 0;
    const split = (s: string) => (s === '首席数据官' ? ['首席', '数据', '官'] : s === '政府数据' ? ['政府', '数据'] : [s]);
    expect(officialToken('信用', docFreq, split, 900)).toBe('信用');
    expect(officialToken('首席数据官', docFreq, split, 900)).toBe('首席');
    // Both parts of 政府数据 are common: neither stands for it (it would credit a large share of the graph).
    expect(officialToken('政府数据', docFreq, split, 900)).toBeUndefined();
    expect(officialToken('政府数据', docFreq, split, 3000)).toBe('政府');
    expect(officialToken('不存在', docFreq, split, 900)).toBeUndefined();
  });

  it('answers a question in everyday Chinese from the passage in official words, and names the thesaurus', async () => {
    const r = await graph.engine.ask('老赖谁来管？', 3);
    expect(r.noAnswer).toBe(false);
    expect(r.answers[0]!.text).toContain('信用');
    expect(r.engine.lexical).toContain('everyday-words thesaurus');
  });

  it('bridges an everyday English word to the index word of its official Chinese term', async () => {
    expect(graph.engine.store.docFreq('惠企政策')).toBe(0); // not one index token: its rarest part stands for it
    const r = await graph.engine.ask('How will business handouts be paid?', 3);
    expect(r.noAnswer).toBe(false);
    expect(r.answers[0]!.text).toContain('惠企政策');
    // The bridge reads the everyday rows; the near-synonym lookup (dictionary concepts only) does not.
    const { lexicon } = graph.engine;
    expect(lexicon.chinese('handout').map((c) => c.zh)).toContain('惠企');
    expect(lexicon.chineseTop('handout', 50)).not.toContain('惠企');
  });
});

describe('overlapping English phrases', () => {
  it('bridge the more specific phrase, wherever it stands in the question', () => {
    const { store, lexicon } = graph.engine;
    expect(store.docFreq('隐私')).toBeLessThan(store.docFreq('数据'));
    for (const q of ['What are the government data privacy rules?', 'Data privacy of government data?']) {
      const stems = bridgeQuestion(q, lexicon, store).map((b) => b.stem);
      expect(stems, q).toContain('data privaci');
    }
    // Alone, the other phrase is bridged as usual.
    expect(bridgeQuestion('Who holds government data?', lexicon, store).map((b) => b.stem)).toContain('govern data');
  });
});

describe('the shipped thesaurus (knowledge-graph/thesaurus)', () => {
  it('is well formed and every official word occurs in the shipped sources', () => {
    const root = path.join(repoRoot, 'knowledge-graph');
    const t = readThesaurus(path.join(root, 'thesaurus'));
    expect(t.zh.length + t.en.length).toBeGreaterThan(0);
    const texts = [
      ...fs
        .readdirSync(path.join(root, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .flatMap((f) => parsePolicyText(fs.readFileSync(path.join(root, 'sources', f), 'utf8')).sections.flatMap((s) => [...s.path, ...s.paragraphs])),
      fs.readFileSync(path.join(root, 'catalog', 'services.json'), 'utf8'),
      fs.readFileSync(path.join(root, 'glossary', 'glossary.tsv'), 'utf8'),
    ].map(normalizeKey);
    const missing = [...t.zh, ...t.en].flatMap((e) => e.official.filter((o) => !texts.some((x) => x.includes(o))).map((o) => `${e.everyday} → ${o}`));
    expect(missing).toEqual([]);
  });
});
