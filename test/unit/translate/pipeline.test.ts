import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cedictDraft } from '../../../main/node/capabilities/translate/dictionary.js';
import { tsvGlossary } from '../../../main/node/capabilities/translate/glossary.js';
import type { MtEngine } from '../../../main/node/capabilities/translate/mt-engine.js';
import { TmStore } from '../../../main/node/capabilities/translate/tm/tm-store.js';
import { blockTargets, dateFor, translateBlocks } from '../../../main/node/capabilities/translate/translate-blocks.js';
import { readTxt } from '../../../main/node/capabilities/translate/doc/text.js';
import { fixturesDir } from '../../helpers/temp.js';

const glossary = tsvGlossary(path.join(fixturesDir, 'translate', 'glossary.tsv'));
const draft = cedictDraft;

/** A stand-in engine that "translates" by echoing its input in brackets, so what the engine saw is visible. */
const echo = (calls: string[][] = []): MtEngine => ({
  id: 'echo-mt',
  async translate(texts) {
    calls.push(texts);
    return texts.map((t) => `[${t}]`);
  },
});

describe('translation pipeline', () => {
  it('without a model: memory first, whole-term glossary, then a labelled dictionary draft', async () => {
    const tm = new TmStore(new Database(':memory:'));
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '请携带身份证原件。', tgt: 'Please bring your original ID card.' }]);
    const doc = readTxt('请携带身份证原件。浙里办。\n请携带居住证原件。\n个人需要提交材料。');
    const r = await translateBlocks(doc.blocks, { from: 'zh', to: 'en', minScore: 0.75 }, { glossary, tm, draft });
    expect(r.segments.map((s) => [s.src, s.origin])).toEqual([
      ['请携带身份证原件。', 'tm'],
      ['浙里办。', 'glossary'],
      ['请携带居住证原件。', 'tm'],
      ['个人需要提交材料。', 'dictionary'],
    ]);
    expect(r.segments[0]!.score).toBe(1);
    expect(r.segments[1]!.tgt).toBe('Zheliban.');
    expect(r.segments[2]!.score).toBeLessThan(1);
    expect(r.segments[2]!.score).toBeGreaterThanOrEqual(0.75);
    // The fuzzy match's target does not render the segment's glossary term: QA says so.
    expect(r.segments[2]!.qa.map((q) => q.code)).toContain('term_missing');
    expect(r.segments[3]!.tgt).toMatch(/submit/);
    expect(r.engine).toBe('tm+glossary+cedict-draft');
    expect(blockTargets(doc.blocks, r.segments, 'en')[0]).toBe('Please bring your original ID card. Zheliban.');
  });

  it('the engine sees placeholders instead of numbers, codes, dates, URLs and terms; they come back intact', async () => {
    const calls: string[][] = [];
    const src = '请于2024年3月1日前登录浙里办，凭统一社会信用代码91330000MA27U00A1X和身份证330102199001011234办理，详见https://www.zjzwfw.gov.cn/x.html。';
    const r = await translateBlocks(readTxt(src).blocks, { from: 'zh', to: 'en' }, { glossary, mt: echo(calls), draft });
    const seen = calls.flat()[0]!;
    for (const kept of ['2024', '浙里办', '统一社会信用代码', '91330000MA27U00A1X', '330102199001011234', 'zjzwfw']) expect(seen).not.toContain(kept);
    const s = r.segments[0]!;
    expect(s.origin).toBe('model');
    for (const kept of ['2024-03-01', 'Zheliban', 'Unified Social Credit Code', '91330000MA27U00A1X', '330102199001011234', 'https://www.zjzwfw.gov.cn/x.html']) {
      expect(s.tgt).toContain(kept);
    }
    expect(s.terms.map((t) => t.en).sort()).toEqual(['Unified Social Credit Code', 'Zheliban']);
    expect(s.qa.filter((q) => q.code === 'number_mismatch' || q.code === 'term_missing')).toEqual([]);
    expect(r.engine).toBe('echo-mt+glossary');
  });

  it("writes dates the target language's way with the same numbers", () => {
    expect(dateFor('2024年3月1日', 'en')).toBe('2024-03-01');
    expect(dateFor('2024-03-01', 'zh')).toBe('2024年3月1日');
    expect(dateFor('3月1日', 'en')).toBe('March 1');
    expect(dateFor('2024/3/1', 'en')).toBe('2024/3/1');
  });

  it('every glossary term of the source is applied in drafts too (en→zh), traditional forms included (zh→en)', async () => {
    const en = await translateBlocks(readTxt('Apply for a business license on Zheliban or call the 12345 hotline.').blocks, { from: 'en', to: 'zh' }, { glossary, draft });
    expect(en.segments[0]!.terms.map((t) => t.zh).sort()).toEqual(['12345热线', '浙里办', '营业执照']);
    expect(en.segments[0]!.tgt).toMatch(/营业执照/);
    const zh = await translateBlocks(readTxt('請在浙里辦辦理營業執照。').blocks, { from: 'zh', to: 'en' }, { glossary, draft });
    expect(zh.segments[0]!.terms.map((t) => t.matched)).toEqual(['浙里辦', '營業執照']);
    expect(zh.segments[0]!.tgt).toMatch(/Zheliban.*business licence/);
  });

  it('batches model calls, reports progress per segment and stops when cancelled', async () => {
    const calls: string[][] = [];
    const text = Array.from({ length: 10 }, (_, i) => `第${i + 1}项材料需要盖章。`).join('');
    const progress: number[] = [];
    const r = await translateBlocks(readTxt(text).blocks, { from: 'zh', to: 'en', batchSize: 4, onProgress: (d) => progress.push(d) }, { glossary, mt: echo(calls), draft });
    expect(calls.map((c) => c.length)).toEqual([4, 4, 2]);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.segments).toHaveLength(10);

    const ac = new AbortController();
    const slow: MtEngine = { id: 'slow', translate: async (t) => (ac.abort(), t) };
    await expect(translateBlocks(readTxt(text).blocks, { from: 'zh', to: 'en', batchSize: 2, signal: ac.signal }, { glossary, mt: slow, draft })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('QA: changed numbers, untranslated and empty targets, inconsistent translations of one source', async () => {
    const tm = new TmStore(new Database(':memory:'));
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '收费50元。', tgt: 'The fee is 60 yuan.' }]);
    const bad: MtEngine = { id: 'bad', translate: async (t) => t.map((x) => (x.includes('盖章') ? x : '')) };
    const r = await translateBlocks(readTxt('收费50元。\n需要盖章。\n其他。\n需要盖章。').blocks, { from: 'zh', to: 'en' }, { glossary, tm, mt: bad, draft });
    const codes = (i: number) => r.segments[i]!.qa.map((q) => q.code);
    expect(codes(0)).toContain('number_mismatch');
    expect(codes(1)).toContain('untranslated');
    expect(codes(2)).toContain('empty');
    const r2 = await translateBlocks(readTxt('需要盖章。\n需要盖章。').blocks, { from: 'zh', to: 'en' }, {
      glossary,
      mt: { id: 'flaky', translate: async (t) => t.map(() => (calls2++ ? 'Seal required.' : 'A stamp is needed.')) },
      draft,
    });
    expect(r2.segments.map((s) => s.qa.map((q) => q.code))).toEqual([['inconsistent'], ['inconsistent']]);
  });
});
let calls2 = 0;
