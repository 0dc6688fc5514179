import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBase, KgEngine } from '../../../main/node/capabilities/kg/kg-engine.js';
import { CONCEPT_EMBEDDER_ID } from '../../../main/node/capabilities/kg/retrieval/concept-embedder.js';
import { modelEmbedderId, type EmbedModel, type EmbedPackRef } from '../../../main/node/capabilities/kg/retrieval/model-embedder.js';
import { scoreWeights } from '../../../main/node/capabilities/kg/answer/score-weights.js';
import { loadCatalog } from '../../../main/node/models/catalog.js';
import { HfEmbedder } from '../../../main/node/models/hf/embedder.js';
import { fixtureModelsDir } from '../../helpers/packs.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../../helpers/temp.js';

// The engine's choice of embedder with the real fixture e5 pack (tiny random weights in the real layout) loaded in
// this process — the plumbing (index of the model's dims, tied to the pack, rebuilt on a switch, fallback), not the
// quality of random vectors. The model host path is tested in test/integration/kg-embed.test.ts.
const shippedRoot = path.join(fixturesDir, 'kg', 'shipped');
const REF: EmbedPackRef = { id: 'multilingual-e5-small', version: '1.0.0', fingerprint: 'fixture00001' };
let baseDir: string;
let hf: HfEmbedder;

/** An EmbedModel over the in-process fixture model; the test decides which pack is "installed" and when it fails. */
function model(state: { ref: EmbedPackRef | undefined; failAfter?: number; calls?: number; kinds?: string[]; during?: () => Promise<void> }): EmbedModel {
  return {
    pack: () => state.ref,
    async embed(texts, kind) {
      state.calls = (state.calls ?? 0) + 1;
      if (kind === 'passage') await state.during?.();
      state.kinds?.push(kind);
      if (state.failAfter !== undefined && state.calls > state.failAfter) throw new Error('model host crashed (WORKER_CRASHED)');
      const v = await hf.embed(texts, kind);
      return { model: REF.id, dims: hf.dims, vectors: v.map((x) => Array.from(x)) };
    },
  };
}

function sidecar(dataDir: string, file: string): { embedder: string; dims: number; count: number } | undefined {
  const f = path.join(dataDir, 'kg', file + '.json');
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : undefined;
}

beforeAll(async () => {
  baseDir = tempDir('ic-kg-me-base-');
  await buildBase(shippedRoot, baseDir);
  const layout = loadCatalog().packs.find((p) => p.id === REF.id)!.hf!;
  hf = await HfEmbedder.load(REF.id, path.join(fixtureModelsDir, REF.id), layout);
}, 120_000);
afterAll(cleanupTempDirs);

describe('the knowledge graph with an embedding model pack', () => {
  it('builds its index through the model (its dims, tied to the pack), answers with it, and goes back to the built-in vectors when the pack is removed', async () => {
    const dataDir = tempDir('ic-kg-me-data-');
    const state: { ref: EmbedPackRef | undefined; kinds: string[] } = { ref: REF, kinds: [] };
    const progress: number[] = [];
    let engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state), progress: (d) => progress.push(d) });
    const s = engine.stats();
    expect(engine.embedder.id).toBe(modelEmbedderId(REF));
    expect(s.vectorDims).toBe(hf.dims);
    expect(s.vectors).toBe(s.passages);
    expect(s.embedder).toMatch(/^multilingual-e5-small 1\.0\.0 \(model pack/);
    expect(sidecar(dataDir, 'vectors-model.hnsw')).toMatchObject({ embedder: modelEmbedderId(REF), dims: hf.dims, count: s.passages });
    expect(state.kinds).toContain('passage');
    expect(progress.at(-1)).toBe(s.passages); // batches, with progress to the end

    state.kinds.length = 0;
    const r = await engine.ask('政务云体系要怎样建设？', 3);
    expect(r.engine.embedder).toBe(s.embedder);
    expect(r.engine.vector).toMatch(/hnswlib/);
    expect(state.kinds).toEqual(['query']);
    expect(r.noAnswer).toBe(false); // the lexical part still answers with random model vectors

    // A user's document gets model vectors too; reopening with the same pack reuses the index.
    const file = path.join(tempDir(), '驿站.txt');
    fs.writeFileSync(file, '白鹭湾数字驿站为外来务工人员提供证照代办服务。');
    const added = await engine.addDocument(file);
    expect(engine.stats().vectors).toBe(s.passages + 1);
    // A catalog import replaces the catalog's passages in both indexes.
    state.kinds.length = 0;
    await engine.replaceCatalog(engine.catalog()!);
    expect(engine.stats()).toMatchObject({ vectors: s.passages + 1, passages: s.passages + 1, vectorDims: hf.dims });
    expect(state.kinds.every((k) => k === 'passage') && state.kinds.length > 0).toBe(true);
    expect(engine.conceptIndex!.size).toBe(s.passages + 1);
    engine.close();
    const callsBefore = state.kinds.length;
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    expect(engine.stats().vectors).toBe(s.passages + 1);
    expect(state.kinds.length - callsBefore).toBe(1); // the probe only: no re-embedding
    engine.close();

    // The pack is removed: the next open answers with the built-in vectors, covering every passage.
    state.ref = undefined;
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    const b = engine.stats();
    expect(engine.embedder.id).toBe(CONCEPT_EMBEDDER_ID);
    expect(b.embedder).toMatch(/^cedict-concepts/);
    expect(b.vectorDims).toBe(256);
    expect(b.vectors).toBe(s.passages + 1);
    expect((await engine.ask('白鹭湾数字驿站提供什么服务？', 3)).engine.embedder).toMatch(/^cedict-concepts/);
    // A change without the model leaves its index stale: it is dropped, and a pack installed again rebuilds it.
    engine.removeSource(added.source.id);
    expect(sidecar(dataDir, 'vectors-model.hnsw')).toBeUndefined();
    engine.close();
    state.ref = { ...REF, fingerprint: 'fixture00002' }; // another pack file set: another embedder id
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    expect(sidecar(dataDir, 'vectors-model.hnsw')).toMatchObject({ embedder: modelEmbedderId(state.ref), count: s.passages });
    engine.close();
  }, 120_000);

  it('falls back to the built-in embedder with the reason when the model fails, losing nothing', async () => {
    // Fails while building the index.
    const dataDir = tempDir('ic-kg-me-fail-');
    let engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model({ ref: REF, failAfter: 2 }) });
    let s = engine.stats();
    expect(engine.embedder.id).toBe(CONCEPT_EMBEDDER_ID);
    expect(s.embedderNote).toMatch(/multilingual-e5-small failed \(model host crashed/);
    expect(s.vectors).toBe(s.passages);
    const r = await engine.ask('政务云体系要怎样建设？', 3);
    expect(r.engine.embedder).toMatch(/^cedict-concepts.*multilingual-e5-small failed/);
    expect(r.noAnswer).toBe(false);
    engine.close();

    // Fails later, on a question: that question is answered with the built-in embedder, and so are the next ones.
    const state: { ref: EmbedPackRef | undefined; failAfter?: number; calls?: number } = { ref: REF };
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    expect(engine.embedder.id).toBe(modelEmbedderId(REF));
    state.failAfter = state.calls;
    const q = await engine.ask('政务云体系要怎样建设？', 3);
    expect(q.engine.embedder).toMatch(/^cedict-concepts.*failed/);
    expect(q.answers.length).toBeGreaterThan(0);
    expect(engine.embedder.id).toBe(CONCEPT_EMBEDDER_ID);
    // The model's index still matches the graph: kept for a model that works again (a reopen reuses it).
    expect(sidecar(dataDir, 'vectors-model.hnsw')).toMatchObject({ embedder: modelEmbedderId(REF) });
    engine.close();
    state.failAfter = undefined;
    state.calls = 0;
    engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    expect(engine.embedder.id).toBe(modelEmbedderId(REF));
    expect(state.calls).toBe(1); // the probe: the index was reused

    // … and while adding a document: the document is in the graph, its built-in vectors answer, and the model's
    // index, which lacks it, is dropped.
    state.failAfter = state.calls;
    const file = path.join(tempDir(), '驿站.txt');
    fs.writeFileSync(file, '白鹭湾数字驿站为外来务工人员提供证照代办服务。');
    const added = await engine.addDocument(file);
    s = engine.stats();
    expect(s.embedderNote).toMatch(/failed/);
    expect(s.vectors).toBe(s.passages);
    expect(sidecar(dataDir, 'vectors-model.hnsw')).toBeUndefined();
    expect((await engine.ask('白鹭湾数字驿站提供什么服务？', 3)).answers[0]?.citation.source).toBe(added.source.name);
    engine.close();
  }, 120_000);

  it('answers with the built-in embedder, saying so, while a pack installed later is being indexed', async () => {
    const dataDir = tempDir('ic-kg-me-switch-');
    const state: { ref: EmbedPackRef | undefined; during?: () => Promise<void> } = { ref: undefined };
    const engine = await KgEngine.open({ dataDir, shippedRoot, baseDir, embedModel: model(state) });
    expect(engine.embedderOutdated()).toBe(false);
    state.ref = REF;
    expect(engine.embedderOutdated()).toBe(true);
    const seen: { note: string | null | undefined; embedder: string | null }[] = [];
    state.during = async () => {
      state.during = undefined; // once, in the first batch
      seen.push({ note: engine.stats().embedderNote, embedder: (await engine.ask('政务云体系要怎样建设？', 3)).engine.embedder });
    };
    await engine.useBestEmbedder();
    expect(seen).toEqual([{ note: expect.stringMatching(/multilingual-e5-small 1\.0\.0 is being built \(0\/\d+ passages\)/), embedder: expect.stringMatching(/^cedict-concepts.*being built/) }]);
    expect(engine.embedder.id).toBe(modelEmbedderId(REF));
    expect(engine.stats().embedderNote).toBeNull();
    expect(engine.embedderOutdated()).toBe(false);
    engine.close();
  }, 120_000);

  it('scores on coverage alone with an embedder whose similarities were not calibrated', () => {
    expect(scoreWeights({ calibrated: true })).toEqual({ coverage: 0.75, vector: 0.25 });
    expect(scoreWeights({ calibrated: false })).toEqual({ coverage: 1, vector: 0 });
    expect(scoreWeights(null)).toEqual({ coverage: 0.75, vector: 0.25 });
  });
});
