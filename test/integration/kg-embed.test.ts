import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KgAskResult, KgStats } from '../../main/common/contract/index.js';
import { createPackStore } from '../../main/node/models/models-service.js';
import { ic } from '../helpers/cli.js';
import { testHub } from '../helpers/hub.js';
import { installFixturePack } from '../helpers/packs.js';
import { cleanupTempDirs, tempDir } from '../helpers/temp.js';

afterAll(cleanupTempDirs);

// The knowledge graph in the app, with the fixture multilingual-e5-small pack (tiny random weights, real layout)
// installed in the data folder: its vectors come through the model host. Plumbing, not quality.
const E5 = 'multilingual-e5-small';
const install = (dataDir: string) => installFixturePack(createPackStore({ models: path.join(dataDir, 'models') }), E5);
const MODEL_LABEL = /^multilingual-e5-small 1\.0\.0 \(model pack/;

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('knowledge graph vectors from the embed feature', () => {
  it('indexes through the model host where the pack is installed, says so everywhere, and goes back to the built-in embedder once it is removed', async () => {
    const dataDir = tempDir();
    await install(dataDir);
    let hub = testHub({ dataDir });
    try {
      const r: KgAskResult = await hub.client.call('kg.ask', { question: '政务云体系要怎样建设？' });
      expect(r.engine.embedder).toMatch(MODEL_LABEL);
      expect(r.answers.length).toBeGreaterThan(0);
      const s: KgStats = await hub.client.call('kg.stats');
      const viaEmbed = (await hub.client.call('jobs.run', { capability: 'embed', input: { texts: ['x'] } })).output as { dims: number };
      expect(s.vectorDims).toBe(viaEmbed.dims);
      expect(s.vectors).toBe(s.passages);
      expect(s.embedder).toMatch(MODEL_LABEL);
      expect(hub.modelHost.pid).toBeDefined();
      const side = JSON.parse(fs.readFileSync(path.join(dataDir, 'kg', 'vectors-model.hnsw.json'), 'utf8'));
      expect(side).toMatchObject({ embedder: expect.stringMatching(/^model:multilingual-e5-small@1\.0\.0#[0-9a-f]{12}$/), dims: viaEmbed.dims, count: s.passages });
    } finally {
      await hub.close();
    }

    // The CLI says the same (a fresh process reusing the index the hub built).
    const cliAsk = ic(['ask', '浙里办是什么', '--json', '--data-dir', dataDir]);
    expect(cliAsk.code, cliAsk.stderr).toBe(0);
    expect(cliAsk.lines[0].engine.embedder).toMatch(MODEL_LABEL);
    const cliStats = ic(['kg', 'stats', '--json', '--data-dir', dataDir]).lines[0];
    expect(cliStats.embedder).toMatch(MODEL_LABEL);

    fs.rmSync(path.join(dataDir, 'models', E5), { recursive: true });
    hub = testHub({ dataDir });
    try {
      const r: KgAskResult = await hub.client.call('kg.ask', { question: '政务云体系要怎样建设？' });
      expect(r.engine.embedder).toMatch(/^cedict-concepts/);
      const s: KgStats = await hub.client.call('kg.stats');
      expect(s).toMatchObject({ vectorDims: 256, vectors: s.passages, embedderNote: null });
    } finally {
      await hub.close();
    }
  }, 180_000);

  it('falls back to the built-in embedder with the reason when the pack is broken', async () => {
    const dataDir = tempDir();
    await install(dataDir);
    // Same size (the quick check passes), not a model: loading it in the model host fails.
    const onnx = path.join(dataDir, 'models', E5, 'onnx', 'model_quantized.onnx');
    fs.writeFileSync(onnx, Buffer.alloc(fs.statSync(onnx).size, 7));
    const hub = testHub({ dataDir });
    try {
      const r: KgAskResult = await hub.client.call('kg.ask', { question: '政务云体系要怎样建设？' });
      expect(r.engine.embedder).toMatch(/^cedict-concepts.*the embedding pack multilingual-e5-small failed/);
      expect(r.answers.length).toBeGreaterThan(0);
      const s: KgStats = await hub.client.call('kg.stats');
      expect(s.embedderNote).toMatch(/multilingual-e5-small failed \(.+\)/);
      expect(s.vectors).toBe(s.passages);
    } finally {
      await hub.close();
    }
  }, 180_000);

  it('switches to the model in the background when a pack is installed while the hub runs', async () => {
    const dataDir = tempDir();
    const hub = testHub({ dataDir });
    try {
      const before: KgAskResult = await hub.client.call('kg.ask', { question: '浙里办是什么' });
      expect(before.engine.embedder).toMatch(/^cedict-concepts/);
      await install(dataDir);
      // The installed pack is looked at no more than every 5 s; the ask that notices it still answers with the
      // built-in embedder while the model's index is built.
      await new Promise((r) => setTimeout(r, 5200));
      const during: KgAskResult = await hub.client.call('kg.ask', { question: '浙里办是什么' });
      expect(during.answers.length).toBeGreaterThan(0);
      const s = await until<KgStats>(() => hub.client.call('kg.stats'), (x) => MODEL_LABEL.test(x.embedder ?? ''));
      expect(s.embedder).toMatch(MODEL_LABEL);
      expect(s.vectors).toBe(s.passages);
      expect((await hub.client.call('kg.ask', { question: '浙里办是什么' })).engine.embedder).toMatch(MODEL_LABEL);
    } finally {
      await hub.close();
    }
  }, 180_000);
});
