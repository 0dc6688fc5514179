import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cedictDraft } from '../../main/node/capabilities/translate/dictionary.js';
import { readTxt } from '../../main/node/capabilities/translate/doc/text.js';
import { tsvGlossary } from '../../main/node/capabilities/translate/glossary.js';
import { loadMarianEngine } from '../../main/node/capabilities/translate/marian-engine.js';
import type { MtEngine } from '../../main/node/capabilities/translate/mt-engine.js';
import { TmStore } from '../../main/node/capabilities/translate/tm/tm-store.js';
import { translateBlocks } from '../../main/node/capabilities/translate/translate-blocks.js';
import { createPackStore } from '../../main/node/models/models-service.js';
import { installFixturePack } from '../helpers/packs.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

/**
 * The tiny random Marian fixtures (scripts/fixtures/) go through the same path as a real OPUS-MT pack: pack store
 * (hash-verified install), manifest layout check, transformers.js pipeline, onnxruntime-node encoder and cached
 * decoder. The output is gibberish; what is checked is the loop around it.
 */
describe('translate with the fixture OPUS-MT packs', () => {
  const store = createPackStore({ models: path.join(tempDir(), 'models') });
  const glossary = tsvGlossary(path.join(fixturesDir, 'translate', 'glossary.tsv'));

  it('loads both directions and translates document segments in batches: model origin, terms and numbers restored', async () => {
    for (const [from, to] of [
      ['zh', 'en'],
      ['en', 'zh'],
    ] as const) {
      await installFixturePack(store, `opus-mt-${from}-${to}`);
      const engine = await loadMarianEngine(store, from, to, { batchSize: 2, maxNewTokens: 8 });
      const seen: string[][] = [];
      const counted: MtEngine = { id: engine.id, translate: (t, s) => (seen.push(t), engine.translate(t, s)) };
      const text = from === 'zh' ? '请登录浙里办提交材料。收费50元。请在3个工作日内办结。' : 'Log in to Zheliban to apply. The fee is 50 yuan. It takes 3 working days.';
      const r = await translateBlocks(readTxt(text).blocks, { from, to, batchSize: 2 }, { glossary, mt: counted, draft: cedictDraft });
      expect(r.segments).toHaveLength(3);
      expect(seen.map((b) => b.length)).toEqual([2, 1]);
      expect(r.segments.every((s) => s.origin === 'model' && s.tgt.length > 0)).toBe(true);
      expect(r.engine.startsWith(`opus-mt-${from}-${to}`)).toBe(true);
      // Glossary terms and numbers come back whether or not the random model copied the placeholder.
      expect(r.segments[0]!.tgt).toContain(to === 'en' ? 'Zheliban' : '浙里办');
      expect(r.segments[0]!.terms).toHaveLength(1);
      expect(r.segments[1]!.tgt).toContain('50');
      expect(r.segments[2]!.tgt).toContain('3');
    }
  });

  it('memory answers before the model: a stored segment never reaches the engine', async () => {
    const engine = await loadMarianEngine(store, 'zh', 'en', { maxNewTokens: 8 });
    const seen: string[] = [];
    const counted: MtEngine = { id: engine.id, translate: (t, s) => (seen.push(...t), engine.translate(t, s)) };
    const tm = new TmStore(new Database(':memory:'));
    tm.add([{ srcLang: 'zh', tgtLang: 'en', src: '请提交身份证。', tgt: 'Please submit your ID card.' }]);
    const r = await translateBlocks(readTxt('请提交身份证。请提交户口本。').blocks, { from: 'zh', to: 'en' }, { glossary, tm, mt: counted, draft: cedictDraft });
    expect(r.segments.map((s) => s.origin)).toEqual(['tm', 'model']);
    expect(seen).toEqual(['请提交户口本。']);
    expect(r.engine).toBe('opus-mt-zh-en+tm');
  });

  it('a missing pack is UNAVAILABLE, naming the pack', async () => {
    const empty = createPackStore({ models: path.join(tempDir(), 'none') });
    await expect(loadMarianEngine(empty, 'zh', 'en')).rejects.toThrow(/opus-mt-zh-en/);
  });
});
