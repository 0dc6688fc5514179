import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HfEmbedder } from '../../main/node/models/hf/embedder.js';
import { HfTranslator } from '../../main/node/models/hf/translator.js';
import { createPackStore } from '../../main/node/models/models-service.js';
import { installFixturePack } from '../helpers/packs.js';
import { cleanupTempDirs, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

/**
 * The fixture packs are tiny random models in exactly the real packs' layout (scripts/fixtures/), so these tests
 * run the real loading path: manifest layout check, transformers.js pipeline, onnxruntime-node.
 */
describe('Hugging Face–layout packs load through the real code path', () => {
  const store = createPackStore({ models: path.join(tempDir(), 'models') });

  it('installs the fixture packs as verified packs with the manifest\'s file list', async () => {
    for (const id of ['multilingual-e5-small', 'opus-mt-zh-en', 'opus-mt-en-zh']) await installFixturePack(store, id);
    const list = store.list().filter((m) => m.location === 'data');
    expect(list.map((m) => [m.id, m.verified])).toEqual([
      ['multilingual-e5-small', true],
      ['opus-mt-zh-en', true],
      ['opus-mt-en-zh', true],
    ]);
    expect((await store.verify()).every((r) => r.ok)).toBe(true);
  });

  it('embeds text: one unit-length vector per input, of the model\'s hidden size', async () => {
    const pack = store.require('multilingual-e5-small');
    const e = await HfEmbedder.load(pack.id, pack.dir, store.catalogEntry(pack.id)!.hf!);
    const config = JSON.parse(fs.readFileSync(path.join(pack.dir, 'config.json'), 'utf8'));
    expect(e.dims).toBe(config.hidden_size);
    const [a, b] = await e.embed(['营业执照办理', 'business licence'], 'query');
    expect(a!.length).toBe(e.dims);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 4);
    expect(Array.from(a!)).not.toEqual(Array.from(b!));
  });

  it('translates with the Marian packs (gibberish from random weights, but real tokenizer, encoder and cached decoder)', async () => {
    for (const id of ['opus-mt-zh-en', 'opus-mt-en-zh']) {
      const pack = store.require(id);
      const t = await HfTranslator.load(id, pack.dir, store.catalogEntry(id)!.hf!);
      const out = await t.translate(['请提交身份证。', 'hello'], { maxNewTokens: 5 });
      expect(out).toHaveLength(2);
      for (const s of out) expect(typeof s).toBe('string');
      expect(out.join('').length).toBeGreaterThan(0);
    }
  });

  it('refuses a pack whose files do not match the recorded layout, with the reason', async () => {
    const pack = store.require('opus-mt-zh-en');
    const broken = path.join(tempDir(), 'opus-mt-zh-en');
    fs.cpSync(pack.dir, broken, { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(broken, 'config.json'), 'utf8'));
    delete config.d_model;
    fs.writeFileSync(path.join(broken, 'config.json'), JSON.stringify(config));
    await expect(HfTranslator.load('opus-mt-zh-en', broken, store.catalogEntry('opus-mt-zh-en')!.hf!)).rejects.toThrow(/config\.json lacks d_model/);

    const layout = { ...store.catalogEntry('multilingual-e5-small')!.hf! };
    layout.sessions = { model: { ...layout.sessions.model!, outputs: ['sentence_embedding'] } };
    const e5 = store.require('multilingual-e5-small');
    await expect(HfEmbedder.load(e5.id, e5.dir, layout)).rejects.toThrow(/lacks output sentence_embedding/);
  });

  it('a damaged installed pack is reported, not loaded', () => {
    const pack = store.require('opus-mt-en-zh');
    fs.truncateSync(path.join(pack.dir, 'onnx', 'encoder_model_quantized.onnx'), 100);
    expect(() => store.require('opus-mt-en-zh')).toThrow(/damaged \(onnx\/encoder_model_quantized\.onnx has 100 bytes/);
    expect(store.list().find((m) => m.id === 'opus-mt-en-zh')).toMatchObject({ installed: true, verified: false });
  });
});
